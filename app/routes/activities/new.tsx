import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { expiredReply, readForm, parseValues } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { activityEditor } from "../../modules/pivot-activities/activity-access.ts";
import { ActivityForm } from "../../components/pivot-activities/activity-form.tsx";
import { activitySchema, type ActivityFinding } from "../../modules/pivot-activities/activity-schema.ts";
import { listTableOrganizations } from "../../modules/pivot-activities/list-pivot-activities.server.ts";
import { logPivotActivity } from "../../modules/pivot-activities/log-pivot-activity.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** A pivot (or pivot coordinator) logs an activity for their organization. */
export const policy = needs("activity.log");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "activities.new.title");

async function loggableOrganizations(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const editor = activityEditor(user, user.partnershipId);
  const all = await listTableOrganizations(args.context.db, user.partnershipId);
  return { user, partnershipId: user.partnershipId, editor, organizations: all.filter((o) => editor.logOrganizations.includes(o.id)) };
}

export async function loader(args: Route.LoaderArgs) {
  const { organizations } = await loggableOrganizations(args);
  return { organizations, today: quebecDay() };
}

type ActionResult = { errors: FieldErrorMap; values: FormValues; findings: ActivityFinding[] };

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, organizations } = await loggableOrganizations(args);
  const read = await readForm(args.request);
  if (!read.ok) return data<ActionResult>({ errors: read.errors, values: read.values, findings: [] }, { status: 400 });
  const values = read.values;
  const organizationId = typeof values.organizationId === "string" && values.organizationId ? values.organizationId.toLowerCase() : organizations[0]?.id;
  if (!isUuid(organizationId)) notFound();
  // Logging for an organization one is not a pivot of is denied (audited) like a missing page.
  await authorize(args, user, "activity.log", { partnershipId, organizationId });
  const parsed = parseValues(read, activitySchema());
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values, findings: [] }, { status: 400 });
  const submission = submissionOf(values, "activities.new", user.accountId);
  if (!submission) return expiredReply(values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const result = await logPivotActivity(tx, actorOf(user, args.context), {
      ...parsed.data,
      partnershipId,
      organizationId,
      personId: user.personId,
    });
    return result.status === "ok" ? created(`/activities?saved=${result.id}`) : refused(result);
  });
  if (outcome.created) return redirect(outcome.location);
  return data<ActionResult>({ errors: {}, values, findings: outcome.refused.findings }, { status: 400 });
}

export default function NewActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to="/activities">{t("activities.title")}</Link>
      </p>
      <h1>{t("activities.new.title")}</h1>
      <p>{t("activities.new.intro")}</p>
      <ActivityForm
        organizations={loaderData.organizations}
        values={actionData?.values ?? {}}
        errors={actionData?.errors}
        findings={actionData && "findings" in actionData ? actionData.findings : undefined}
        today={loaderData.today}
      />
    </>
  );
}
