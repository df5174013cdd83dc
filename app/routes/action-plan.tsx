import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/action-plan";
import { ErrorSummary, Field } from "../components/form.tsx";
import { useT } from "../i18n/use-t.ts";
import { copyPlan } from "../modules/action-plan/copy-plan.server.ts";
import { planSchema, yearField } from "../modules/action-plan/plan-schema.ts";
import { listPlans } from "../modules/action-plan/read-plan.server.ts";
import { createPlan } from "../modules/action-plan/write-plan.server.ts";
import { can } from "../modules/authz/decide.ts";
import { actorOf, authorize, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, type FieldErrorMap, type FormValues } from "../modules/forms/fields.ts";
import { pageTitle } from "../i18n/page-title.ts";

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

type ActionResult = { intent: string; errors: FieldErrorMap; values: FormValues; formError?: string };

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  await authorize(args, user, "actionplan.edit");
  const values = formValues(await args.request.formData());
  const actor = actorOf(user, args.context);
  if (values.intent === "copy") {
    const from = yearField.safeParse(values.fromYear);
    const to = yearField.safeParse(values.toYear);
    if (!from.success || !to.success || to.data <= from.data) {
      return data<ActionResult>({ intent: "copy", errors: { toYear: ["actionPlan.copy.yearOrder"] }, values }, { status: 400 });
    }
    const result = await copyPlan(args.context.db, actor, user.partnershipId, { fromYear: from.data, toYear: to.data });
    if (result.status === "no_source") notFound();
    if (result.status === "exists") return data<ActionResult>({ intent: "copy", errors: { toYear: ["actionPlan.plan.yearTaken"] }, values }, { status: 409 });
    return redirect(`/action-plan/${to.data}?copied=1`);
  }
  const parsed = planSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ intent: "create", errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createPlan(args.context.db, actor, user.partnershipId, parsed.data);
  if (result.status === "invalid") return data<ActionResult>({ intent: "create", errors: { [result.field]: [result.message] }, values }, { status: 409 });
  return redirect(`/action-plan/${parsed.data.year}?saved=1`);
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
          <ErrorSummary errors={createErrors} />
          <input type="hidden" name="intent" value="create" />
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
