import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/action-plan";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { copyPlan } from "../../modules/action-plan/copy-plan.server.ts";
import { planSchema, yearField } from "../../modules/action-plan/plan-schema.ts";
import { listPlans } from "../../modules/action-plan/read-plan.server.ts";
import { createPlan } from "../../modules/action-plan/write-plan.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { z } from "zod";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";
import { dispatchIntent, intentOf } from "../../modules/forms/dispatch-intent.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";

/** The Table's annual action plans, one per year; the coordinator starts a new one or copies last year's. */
export const policy = needs("actionplan.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "actionPlan.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const plans = await listPlans(args.context.db, user.partnershipId);
  const canEdit = can(user.roles, "actionplan.edit", { partnershipId: user.partnershipId });
  const nextYear = plans.length ? Math.max(...plans.map((p) => p.year)) + 1 : new Date().getFullYear();
  return { plans: plans.map((p) => ({ id: p.id, year: p.year, title: p.title, copied: !!p.copiedFromId })), canEdit, nextYear };
}

const copySchema = z.object({ fromYear: yearField, toYear: yearField }).refine((v) => v.toYear > v.fromYear, { path: ["toYear"], message: "actionPlan.copy.yearOrder" });

interface PlansAction {
  db: Route.LoaderArgs["context"]["db"];
  actor: AuditActor;
  partnershipId: string;
  accountId: string;
  read: { form: FormData; values: Record<string, string | string[]> };
}

/** The two forms of the page; any other intent is refused, never taken for "create". */
const planIntents = {
  copy: async (c: PlansAction) => {
    const parsed = parseValues(c.read, copySchema);
    if (!parsed.ok) return invalidFields({ toYear: ["actionPlan.copy.yearOrder"] });
    const submission = submissionOf(c.read.values, "action-plan:copy", c.accountId);
    // No plan to copy from answers 404; a year that has a plan already, 409 on its field.
    return createOnce(c.db, submission, (tx) => copyPlan(tx, c.actor, c.partnershipId, parsed.data), () => `/action-plan/${parsed.data.toYear}?copied=1`);
  },
  create: async (c: PlansAction) => {
    const parsed = parseValues(c.read, planSchema);
    if (!parsed.ok) return invalidFields(parsed.errors);
    const submission = submissionOf(c.read.values, "action-plan:create", c.accountId);
    return createOnce(c.db, submission, (tx) => createPlan(tx, c.actor, c.partnershipId, parsed.data), () => `/action-plan/${parsed.data.year}?saved=1`);
  },
};

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  await authorize(args, user, "actionplan.edit");
  const read = await readForm(args.request);
  const intent = read.values.intent === "copy" ? "copy" : "create";
  const ctx = { db: args.context.db, actor: actorOf(user, args.context), partnershipId: user.partnershipId, accountId: user.accountId };
  const result = read.ok
    ? await dispatchIntent(intentOf(read.values), planIntents, { ...ctx, read }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent, values: read.values } });
}

export default function ActionPlans({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { plans, canEdit, nextYear } = loaderData;
  const latest = plans[0];
  const createErrors = actionData?.intent === "create" ? actionData.errors : undefined;
  const copyErrors = actionData?.intent === "copy" ? actionData.errors : undefined;
  return (
    <>
      <h1>{t("actionPlan.title")}</h1>
      <p>{t("actionPlan.intro")}</p>
      {plans.length === 0 ? (
        <p>{t("actionPlan.empty")}</p>
      ) : (
        <ul className="plan-list">
          {plans.map((p) => (
            <li key={p.id}>
              <Link to={`/action-plan/${p.year}`}>
                {p.year} — {p.title}
              </Link>{" "}
              · <Link to={`/action-plan/${p.year}/report`}>{t("actionPlan.report.link")}</Link>
            </li>
          ))}
        </ul>
      )}
      {canEdit && latest ? (
        <Form method="post" className="stack" aria-labelledby="copy-heading">
          <h2 id="copy-heading">{t("actionPlan.copy.title")}</h2>
          <p>{t("actionPlan.copy.intro", { year: latest.year })}</p>
          <ErrorSummary errors={copyErrors} formError={actionData?.intent === "copy" ? actionData.formError : undefined} />
          <input type="hidden" name="intent" value="copy" />
          <SubmissionKey />
          <input type="hidden" name="fromYear" value={latest.year} />
          <Field name="toYear" type="number" inputMode="numeric" label={t("actionPlan.copy.toYear")} required defaultValue={String(nextYear)} errors={copyErrors} />
          <p>
            <button type="submit">{t("actionPlan.copy.submit", { year: latest.year })}</button>
          </p>
        </Form>
      ) : null}
      {canEdit ? (
        <Form method="post" className="stack" aria-labelledby="new-heading">
          <h2 id="new-heading">{t("actionPlan.new.title")}</h2>
          <ErrorSummary errors={createErrors} formError={actionData?.intent === "create" ? actionData.formError : undefined} />
          <input type="hidden" name="intent" value="create" />
          <SubmissionKey />
          <Field name="year" type="number" inputMode="numeric" label={t("actionPlan.field.year")} required defaultValue={String((actionData?.intent === "create" && actionData.values.year) || nextYear)} errors={createErrors} />
          <Field name="title" label={t("actionPlan.field.title")} required defaultValue={actionData?.intent === "create" ? String(actionData.values.title ?? "") : ""} errors={createErrors} />
          <Field name="summary" label={t("actionPlan.field.summary")} multiline errors={createErrors} />
          <p>
            <button type="submit">{t("actionPlan.new.submit")}</button>
          </p>
        </Form>
      ) : null}
    </>
  );
}
