import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/$activityId";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { conflictReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { activityEditor } from "../../modules/pivot-activities/activity-access.ts";
import { ActivityForm } from "../../components/pivot-activities/activity-form.tsx";
import { activityEditSchema, activitySchema, type ActivityFinding } from "../../modules/pivot-activities/activity-schema.ts";
import { deletePivotActivity, getEditableActivity, updatePivotActivity } from "../../modules/pivot-activities/edit-pivot-activity.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { ConfirmDelete } from "../../components/forms/confirm-delete.tsx";
import { quebecDay } from "../../modules/time/days.ts";

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
  return { activity, today: quebecDay() };
}

type ActionResult = { errors: FieldErrorMap; values?: FormValues; findings: ActivityFinding[]; formError: string | null };

export const shouldRevalidate = revalidateAfterConflict;

/** Save (an edit) or delete, both from the version shown: a stale one answers 409, nothing written. */
export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, activityId, editor } = await scope(args);
  const read = await readForm(args.request);
  if (!read.ok) return data<ActionResult>({ errors: read.errors, values: read.values, findings: [], formError: "form.errors" }, { status: 400 });
  const values = read.values;
  const form = parseValues(read, activityEditSchema);
  if (!form.ok) return data<ActionResult>({ errors: form.errors, values, findings: [], formError: "form.invalid" }, { status: 400 });
  const { intent, version } = form.data;
  const actor = actorOf(user, args.context);
  if (intent === "delete") {
    const result = await deletePivotActivity(args.context.db, actor, { partnershipId, activityId, editor, version });
    return respond(result, () => redirect("/activities?deleted=1"), { conflict: { findings: [] as ActivityFinding[], values: undefined } });
  }
  const parsed = parseValues(read, activitySchema());
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values, findings: [], formError: null }, { status: 400 });
  const result = await updatePivotActivity(args.context.db, actor, { partnershipId, activityId, editor, version, values: parsed.data });
  if (result.status === "not_found") notFound();
  if (result.status === "identifying_details") {
    return data<ActionResult>({ errors: {}, values, findings: result.findings, formError: null }, { status: 400 });
  }
  if (result.status === "conflict") return conflictReply({ findings: [] as ActivityFinding[], values: undefined });
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
      <p className="hint">{t("activities.edit.deleteHint")}</p>
      <ConfirmDelete key={`delete-${activity.version}`} name={t(`activities.type.${activity.type}`)} summary={t("activities.edit.delete")} fields={{ intent: "delete", version: activity.version }} />
    </>
  );
}
