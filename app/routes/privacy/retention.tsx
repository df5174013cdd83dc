import { Form, redirect } from "react-router";
import type { Route } from "./+types/retention";
import { ErrorSummary } from "../../components/form.tsx";
import { RetentionRecord, RetentionRules } from "../../components/privacy/retention-schedule.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { getRetentionPage } from "../../modules/privacy/get-retention-page.server.ts";
import { retentionGuard } from "../../modules/privacy/privacy-access.server.ts";
import { retentionScheduleSchema } from "../../modules/privacy/retention-schema.ts";
import { saveRetentionSchedule } from "../../modules/privacy/save-retention-schedule.server.ts";

/** The Table's retention schedule (issue 15 §2): rules per data kind, the next run, the destruction record. */
export const policy = needs("privacy.retention");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.retention.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await retentionGuard(args, policy);
  return { ...(await getRetentionPage(args.context.db, user.partnershipId)), saved: requestUrl(args.request).searchParams.get("saved") === "1" };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await retentionGuard(args, policy);
  const input = await parseForm(args.request, retentionScheduleSchema);
  if (!input.ok) return respond(invalidFields(input.errors, "form.errors"), () => null, { body: { values: input.values } });
  const outcome = map(
    await saveRetentionSchedule(args.context.db, actorOf(user, args.context), { partnershipId: user.partnershipId, personId: user.personId, ...input.data }),
    () => "/privacy/retention?saved=1",
  );
  return respond(outcome, (location) => redirect(location), { body: { values: input.values }, conflict: { values: undefined } });
}

export default function Retention({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { rules, version, nextRun, runs, saved } = loaderData;
  return (
    <>
      <h1>{t("privacy.retention.title")}</h1>
      {saved ? <SavedNotice message="privacy.retention.saved" /> : null}
      <p>{t("privacy.retention.intro")}</p>
      <p>{t("privacy.retention.nextRun", { when: dateTime(nextRun) })}</p>
      <Form method="post" className="stack" key={version}>
        <input type="hidden" name="version" value={version} />
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <RetentionRules rules={rules} values={actionData?.values ?? {}} errors={actionData?.errors} />
        <div className="actions">
          <button type="submit">{t("privacy.retention.save")}</button>
        </div>
      </Form>
      <RetentionRecord runs={runs} />
    </>
  );
}
