import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/activities.$activityId";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, isUuid, versionField, type FieldErrorMap, type FormValues } from "../modules/forms/fields.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { activityEditor } from "../modules/pivot-activities/activity-access.ts";
import { ActivityForm } from "../modules/pivot-activities/activity-form.tsx";
import { activitySchema, todayInQuebec, type ActivityFinding } from "../modules/pivot-activities/activity-schema.ts";
import { deletePivotActivity, getEditableActivity, updatePivotActivity } from "../modules/pivot-activities/edit-pivot-activity.server.ts";

/** Edit or delete an activity: one's own, or any of an organization whose pivots one coordinates. */
export const policy = needs("activity.log");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "activities.edit.title");

async function scope(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.activityId)) notFound();
  return { user, partnershipId: user.partnershipId, activityId: args.params.activityId, editor: activityEditor(user, user.partnershipId) };
}

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId, activityId, editor } = await scope(args);
  const activity = await getEditableActivity(args.context.db, { partnershipId, activityId, editor });
  if (!activity) notFound();
  return { activity, today: todayInQuebec() };
}

type ActionResult = { errors: FieldErrorMap; values: FormValues; findings: ActivityFinding[]; formError: string | null };

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, activityId, editor } = await scope(args);
  const values = formValues(await args.request.formData());
  const version = versionField.safeParse(values.version);
  if (!version.success) notFound();
  const actor = actorOf(user, args.context);
  if (values.intent === "delete") {
    const result = await deletePivotActivity(args.context.db, actor, { partnershipId, activityId, editor, version: version.data });
    if (result === "not_found") notFound();
    if (result === "conflict") return data<ActionResult>({ errors: {}, values, findings: [], formError: "form.conflict" }, { status: 409 });
    return redirect("/activities?deleted=1");
  }
  const parsed = activitySchema().safeParse(values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrors(parsed.error), values, findings: [], formError: null }, { status: 400 });
  }
  const result = await updatePivotActivity(args.context.db, actor, {
    partnershipId,
    activityId,
    editor,
    version: version.data,
    values: parsed.data,
  });
  if (result.status === "not_found") notFound();
  if (result.status === "identifying_details") {
    return data<ActionResult>({ errors: {}, values, findings: result.findings, formError: null }, { status: 400 });
  }
  if (result.status === "conflict") return data<ActionResult>({ errors: {}, values, findings: [], formError: "form.conflict" }, { status: 409 });
  return redirect("/activities?saved=1");
}

export default function EditActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { activity, today } = loaderData;
  const organizations = [{ id: activity.organizationId, nameFr: activity.organizationNameFr, nameEn: activity.organizationNameEn }];
  return (
    <>
      <p>
        <Link to="/activities">{t("activities.title")}</Link>
      </p>
      <h1>{t("activities.edit.title")}</h1>
      <ActivityForm
        // A new version after a save remounts the form with the stored values.
        key={activity.version}
        organizations={organizations}
        values={actionData?.values ?? activity}
        errors={actionData?.errors}
        formError={actionData?.formError}
        findings={actionData?.findings}
        version={activity.version}
        today={today}
      />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="version" value={activity.version} />
        <p className="hint">{t("activities.edit.deleteHint")}</p>
        <p className="actions">
          <button type="submit" className="danger">
            {t("activities.edit.delete")}
          </button>
        </p>
      </Form>
    </>
  );
}
