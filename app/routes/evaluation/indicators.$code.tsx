import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/indicators.$code";
import { ChartFigure } from "../../components/chart-figure.tsx";
import { EvaluationNav } from "../../components/evaluation/evaluation-nav.tsx";
import { WrittenTable } from "../../components/evaluation/written-table.tsx";
import { ConfirmDelete } from "../../components/forms/confirm-delete.tsx";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { usePeriodLabel } from "../../components/evaluation/use-period-label.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent, intentOf } from "../../modules/forms/dispatch-intent.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { getIndicatorPage } from "../../modules/indicators/get-indicator-page.server.ts";
import { indicatorView } from "../../modules/indicators/indicator-view.server.ts";
import { readEvaluationSettings } from "../../modules/indicators/read-evaluation-settings.server.ts";
import { editIndicatorTarget, removeIndicatorTarget, setIndicatorTarget } from "../../modules/indicators/set-target.server.ts";
import { editTargetSchema, removeTargetSchema, setTargetSchema } from "../../modules/indicators/target-schema.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond, valueOf } from "../../modules/outcome/respond.server.ts";
import { quebecDay } from "../../modules/time/days.ts";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";

/** One indicator: its definition, breakdown (chart and table), trend, targets and downloads. */
export const policy = needs("evaluation.view");

export const meta: Route.MetaFunction = ({ data, matches }) => pageTitle(matches, "evaluation.title", undefined, (data as { view?: { name?: string } } | undefined)?.view?.name);

export const shouldRevalidate = revalidateAfterConflict;

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const url = requestUrl(args.request);
  const exact = can(user.roles, "evaluation.exact_figures", { partnershipId: user.partnershipId });
  const page = valueOf(
    await getIndicatorPage(args.context.db, {
      partnershipId: user.partnershipId,
      code: args.params.code,
      periodKey: url.searchParams.get("period"),
      by: url.searchParams.get("by"),
      foundedYear: null,
      exact,
    }),
  );
  const target = { partnershipId: user.partnershipId };
  return {
    view: indicatorView(page, resolveLocale(args.request, user.locale)),
    canManage: can(user.roles, "evaluation.manage", target),
    canExport: can(user.roles, "evaluation.export", target),
    saved: url.searchParams.get("saved"),
  };
}

interface TargetAction {
  db: Route.ActionArgs["context"]["db"];
  actor: AuditActor;
  partnershipId: string;
  personId: string | null;
  accountId: string;
  code: string;
  periodKey: string;
  back: string;
  read: { form: FormData; values: Record<string, string | string[]> };
}

const targetIntents = {
  set: async (c: TargetAction) => {
    const parsed = parseValues(c.read, setTargetSchema);
    if (!parsed.ok) return invalidFields(parsed.errors);
    const settings = await readEvaluationSettings(c.db, c.partnershipId);
    const submission = submissionOf(c.read.values, `indicator-target:${c.code}:${c.periodKey}`, c.accountId);
    return createOnce(
      c.db,
      submission,
      (tx) => setIndicatorTarget(tx, c.actor, { partnershipId: c.partnershipId, personId: c.personId, code: c.code, periodKey: c.periodKey, fiscalStartMonth: settings.fiscalYearStartMonth, today: quebecDay(), ...parsed.data }),
      () => `${c.back}&saved=target`,
    );
  },
  edit: async (c: TargetAction) => {
    const parsed = parseValues(c.read, editTargetSchema);
    if (!parsed.ok) return invalidFields(parsed.errors);
    const outcome = await editIndicatorTarget(c.db, c.actor, { partnershipId: c.partnershipId, personId: c.personId, ...parsed.data });
    return map(outcome, () => `${c.back}&saved=target`);
  },
  remove: async (c: TargetAction) => {
    const parsed = parseValues(c.read, removeTargetSchema);
    if (!parsed.ok) return invalidFields(parsed.errors);
    const outcome = await removeIndicatorTarget(c.db, c.actor, { partnershipId: c.partnershipId, ...parsed.data });
    return map(outcome, () => `${c.back}&saved=removed`);
  },
};

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  await authorize(args, user, "evaluation.manage", { partnershipId: user.partnershipId });
  const url = requestUrl(args.request);
  // The period and breakdown the page showed travel in its URL; the target is for that period.
  const page = valueOf(
    await getIndicatorPage(args.context.db, { partnershipId: user.partnershipId, code: args.params.code, periodKey: url.searchParams.get("period"), by: null, foundedYear: null, exact: true }),
  );
  const by = url.searchParams.get("by");
  const back = `/evaluation/indicators/${page.definition.code}?period=${encodeURIComponent(page.period.key)}${by ? `&by=${encodeURIComponent(by)}` : ""}`;
  const read = await readForm(args.request);
  const ctx = { db: args.context.db, actor: actorOf(user, args.context), partnershipId: user.partnershipId, personId: user.personId, accountId: user.accountId, code: page.definition.code, periodKey: page.period.key, back };
  const result = read.ok ? await dispatchIntent(intentOf(read.values), targetIntents, { ...ctx, read }, () => invalidFields({}, "form.invalid")) : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent: intentOf(read.values), values: read.values } });
}

export default function IndicatorPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const periodLabelOf = usePeriodLabel();
  const { view, canManage, canExport, saved } = loaderData;
  const query = `period=${encodeURIComponent(view.periodKey)}${view.by ? `&by=${encodeURIComponent(view.by)}` : ""}`;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const formError = actionData && "formError" in actionData ? actionData.formError : undefined;
  return (
    <>
      <p>
        <Link to={`/evaluation?period=${encodeURIComponent(view.periodKey)}`}>{t("evaluation.indicator.back")}</Link>
      </p>
      <h1>{view.name}</h1>
      <EvaluationNav />
      {saved ? <SavedNotice message={saved === "removed" ? "evaluation.target.removed" : "evaluation.target.saved"} /> : null}
      <dl className="facts">
        <dt>{t("evaluation.indicator.definition")}</dt>
        <dd>
          {view.definition}
          {view.lowerIsBetter ? ` ${t("evaluation.better.lower")}` : ""}
        </dd>
        <dt>{t("evaluation.indicator.source")}</dt>
        <dd>{view.source}</dd>
        <dt>{view.periodLabel}</dt>
        <dd>
          <strong>{view.value}</strong> ({view.rangeLabel})
        </dd>
        <dt>{t("evaluation.col.target")}</dt>
        <dd>{view.target === null ? t("evaluation.noTarget") : `${view.target}${view.progress ? ` · ${view.progress}` : ""}`}</dd>
      </dl>
      <Form method="get" className="filters">
        <fieldset>
          <legend>{t("evaluation.filters.legend")}</legend>
          <SelectField name="period" required label={t("evaluation.filters.period")} options={view.choices.map((key) => ({ value: key, label: periodLabelOf(key) }))} defaultValue={view.periodKey} />
          {view.breakdowns.length > 1 ? <SelectField name="by" required label={t("evaluation.filters.by")} options={view.breakdowns} defaultValue={view.by || "all"} /> : null}
          <p>
            <button type="submit">{t("evaluation.filters.apply")}</button>
          </p>
        </fieldset>
      </Form>
      <p className="notice">{view.footnote}</p>
      <section aria-labelledby="breakdown">
        <h2 id="breakdown">
          {t("evaluation.indicator.breakdown")} · {view.breakdownLabel}
        </h2>
        {view.breakdowns.length > 1 ? null : <p>{t("evaluation.indicator.breakdownNone")}</p>}
        <ChartFigure src={`/evaluation/chart.svg?chart=breakdown&code=${view.code}&${query}`} title={view.chartTitle}>
          <WrittenTable table={view.table} />
        </ChartFigure>
      </section>
      <section aria-labelledby="trend">
        <h2 id="trend">{t("evaluation.indicator.trend")}</h2>
        <ChartFigure src={`/evaluation/chart.svg?chart=trend&code=${view.code}&${query}`} title={view.trendTitle}>
          <WrittenTable table={view.trendTable} />
        </ChartFigure>
      </section>
      {canExport ? (
        <section aria-labelledby="downloads">
          <h2 id="downloads">{t("evaluation.download.title")}</h2>
          <p>{t("evaluation.download.protected")}</p>
          <ul>
            <li>
              <a href={`/evaluation/indicators/${view.code}/table.csv?${query}`} download>
                {t("evaluation.download.csv")}
              </a>
            </li>
            <li>
              <a href={`/evaluation/indicators/${view.code}/table.xlsx?${query}`} download>
                {t("evaluation.download.xlsx")}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="targets">
        <h2 id="targets">{t("evaluation.indicator.targets")}</h2>
        {view.targets.length === 0 ? <p>{t("evaluation.target.none")}</p> : null}
        {formError === "form.conflict" ? <p className="error">{t("evaluation.target.conflict")}</p> : null}
        <ul className="cards stacked">
          {view.targets.map((target) => (
            <li key={target.id} className="card">
              <p>
                <strong>{target.scope}</strong> : {target.value}
              </p>
              {target.note ? <p>{target.note}</p> : null}
              {canManage ? (
                <>
                  <Form method="post" className="stack">
                    <input type="hidden" name="intent" value="edit" />
                    <input type="hidden" name="targetId" value={target.id} />
                    <input type="hidden" name="version" value={target.version} />
                    <Field idPrefix={`target-${target.id}`} name="target" label={t("evaluation.target.value")} hint={t("evaluation.target.valueHint")} defaultValue={target.rawValue} required />
                    <Field idPrefix={`target-${target.id}`} name="note" label={t("evaluation.target.note")} defaultValue={target.note} />
                    <p>
                      <button type="submit">{t("evaluation.target.save")}</button>
                    </p>
                  </Form>
                  <ConfirmDelete name={target.scope} summary={t("evaluation.target.remove")} fields={{ intent: "remove", targetId: target.id, version: target.version }} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {canManage ? (
          <Form method="post" className="stack">
            <h3>{t("evaluation.target.add")}</h3>
            <SubmissionKey />
            <input type="hidden" name="intent" value="set" />
            <ErrorSummary errors={errors} formError={formError === "form.conflict" ? undefined : formError} />
            <SelectField name="scope" required label={t("evaluation.target.scope")} options={view.scopeOptions} defaultValue="table" errors={errors} />
            <Field name="target" label={t("evaluation.target.value")} hint={t("evaluation.target.valueHint")} required errors={errors} />
            <Field name="note" label={t("evaluation.target.note")} errors={errors} />
            <p>
              <button type="submit">{t("evaluation.target.save")}</button>
            </p>
          </Form>
        ) : null}
      </section>
    </>
  );
}
