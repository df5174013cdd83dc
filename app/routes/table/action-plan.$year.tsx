import { Link, redirect } from "react-router";
import type { Route } from "./+types/action-plan.$year";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { ActionForm, IndicatorForm, ObjectiveForm, PlanHeaderForm, type Values } from "../../components/action-plan/plan-ui.tsx";
import { PlanObjective } from "../../components/action-plan/plan-objective.tsx";
import { findPlan, handlePlanAction, loadPlanPage, type DeleteKind } from "../../modules/action-plan/plan-page.server.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond, valueOf } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { ConfirmDelete } from "../../components/forms/confirm-delete.tsx";
import { quebecDay } from "../../modules/time/days.ts";
import { can } from "../../modules/authz/decide.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { planLiveIndicators } from "../../modules/indicators/plan-live.server.ts";
import { subjectTalk } from "../../modules/forum/subjects.server.ts";

/** One year's plan: objectives, actions, indicators; the coordinator edits one item at a time (?edit=…). */
export const policy = needs("actionplan.view");

export const meta: Route.MetaFunction = ({ matches, params }) => pageTitle(matches, "actionPlan.yearTitle", { year: params.year ?? "" });

async function reader(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { user, partnershipId: user.partnershipId, roles: user.roles };
}

export async function loader(args: Route.LoaderArgs) {
  const access = await reader(args);
  const page = valueOf(await loadPlanPage(args.context.db, access, args.params.year, requestUrl(args.request).searchParams));
  // Indicators bound to the registry show their live value over the plan's year (issue 12 §1).
  const { live, choices } = await planLiveIndicators(args.context.db, {
    partnershipId: access.partnershipId,
    year: page.plan.year,
    codes: page.objectives.flatMap((o) => o.indicators.map((i) => i.indicatorCode).filter((c): c is string => !!c)),
    exact: can(access.roles, "evaluation.exact_figures", { partnershipId: access.partnershipId }),
    locale: resolveLocale(args.request, access.user.locale),
    withChoices: page.editing?.kind === "indicator",
  });
  // Only what the table shows: the value's text and the registry's target (the link is drawn from the code).
  const shown = Object.fromEntries(Object.entries(live).map(([code, l]) => [code, { value: l.value, target: l.target }]));
  // Each action's discussion in the Table's space (issue 14 §1): nothing for a reader outside it.
  const talk = await subjectTalk(args.context.db, access.user, "action_plan_action", { kind: "table" }, page.objectives.flatMap((o) => o.actions.map((a) => a.id)));
  return { ...page, live: shown, registryChoices: choices, today: quebecDay(), talk };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const access = await reader(args);
  const full = valueOf(await findPlan(args.context.db, access, args.params.year));
  await authorize(args, access.user, "actionplan.edit");
  const read = await readForm(args.request, { arrays: ["organizationIds"] });
  const result = read.ok
    ? await handlePlanAction({ db: args.context.db, actor: actorOf(access.user, args.context), partnershipId: access.partnershipId, accountId: access.user.accountId, full, read })
    : invalidFields(read.errors, "form.errors");
  // A conflict shows the current item, not what was typed; an objective still holding items: 400.
  return respond(result, (location) => redirect(location), { body: { values: read.values as Values }, conflict: { values: undefined }, refused: 400 });
}

export default function ActionPlanYear({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { plan, objectives, organizations, canEdit, editing, deleting, versions } = loaderData;
  const orgs = new Map(organizations.map((o) => [o.id, o]));
  const here = `/action-plan/${plan.year}`;
  const objectiveOptions = objectives.map((o) => ({ id: o.id, title: o.title }));
  const errors = actionData?.errors;
  const formError = actionData?.formError;
  const deleteTo = (kind: DeleteKind, id: string) => `${here}?delete=${kind}:${id}#delete-heading`;

  function editForm() {
    if (!editing) return null;
    const common = { errors, formError, cancelTo: here };
    if (editing.kind === "plan") {
      return <PlanHeaderForm {...common} version={plan.version} values={actionData?.values ?? { title: plan.title, summary: plan.summary }} />;
    }
    if (editing.kind === "objective") {
      const o = objectives.find((x) => x.id === editing.id);
      if (editing.id && !o) return null;
      return <ObjectiveForm {...common} id={o?.id ?? null} version={o ? (versions[o.id] ?? null) : null} values={actionData?.values ?? (o ? { title: o.title, description: o.description } : {})} />;
    }
    if (objectives.length === 0) return <p className="alert warning">{t("actionPlan.objective.first")}</p>;
    if (editing.kind === "action") {
      const a = objectives.flatMap((o) => o.actions).find((x) => x.id === editing.id);
      if (editing.id && !a) return null;
      const values: Values = a
        ? { objectiveId: a.objectiveId, title: a.title, description: a.description, startsOn: a.startsOn ?? "", endsOn: a.endsOn ?? "", status: a.status, progress: String(a.progress), organizationIds: a.organizationIds }
        : { objectiveId: editing.objectiveId ?? "" };
      return <ActionForm {...common} id={a?.id ?? null} version={a ? (versions[a.id] ?? null) : null} objectives={objectiveOptions} organizations={organizations} values={actionData?.values ?? values} />;
    }
    const i = objectives.flatMap((o) => o.indicators).find((x) => x.id === editing.id);
    if (editing.id && !i) return null;
    const values: Values = i
      ? { objectiveId: i.objectiveId, label: i.label, unit: i.unit, target: String(i.target), actual: i.actual === null ? "" : String(i.actual), indicatorCode: i.indicatorCode ?? "" }
      : { objectiveId: editing.objectiveId ?? "" };
    return (
      <IndicatorForm
        {...common}
        id={i?.id ?? null}
        version={i ? (versions[i.id] ?? null) : null}
        objectives={objectiveOptions}
        registry={loaderData.registryChoices}
        values={actionData?.values ?? values}
      />
    );
  }

  return (
    <>
      <p>
        <Link to="/action-plan">{t("actionPlan.title")}</Link>
      </p>
      <h1>
        {plan.title}
        {plan.title.includes(String(plan.year)) ? null : <span className="muted"> ({plan.year})</span>}
      </h1>
      {loaderData.saved ? <SavedNotice message="actionPlan.saved" /> : null}
      {loaderData.copied ? <SavedNotice message="actionPlan.copy.done" /> : null}
      {plan.summary ? <p className="lead">{plan.summary}</p> : null}
      <nav className="subnav actions" aria-label={t("actionPlan.views")}>
        <Link to={`${here}/timeline`}>{t("actionPlan.timeline.title")}</Link>
        <Link to={`${here}/report`}>{t("actionPlan.report.link")}</Link>
        <a href={`${here}/report/pdf`}>{t("actionPlan.report.pdf")}</a>
        {canEdit ? <Link to={`${here}?edit=plan#edit-heading`}>{t("actionPlan.editPlan")}</Link> : null}
        {canEdit ? <Link to={`${here}?edit=objective#edit-heading`}>{t("actionPlan.objective.add")}</Link> : null}
      </nav>
      {!editing && formError ? (
        <p className="alert error" role="alert">
          {t(formError as "form.invalid")}
        </p>
      ) : null}
      {deleting ? (
        <ConfirmDelete
          name={deleting.name}
          fields={{ intent: "delete", kind: deleting.kind, id: deleting.id }}
          cancelTo={`${here}#item-${deleting.id}`}
          note={deleting.kind === "objective" ? t("actionPlan.confirmDelete.objective") : undefined}
        />
      ) : null}
      {editForm()}
      {objectives.length === 0 ? <p>{t("actionPlan.objective.none")}</p> : null}
      {objectives.map((o, index) => (
        <PlanObjective key={o.id} o={o} index={index} here={here} canEdit={canEdit} orgs={orgs} deleteTo={deleteTo} today={loaderData.today} live={loaderData.live} talk={loaderData.talk} />
      ))}
    </>
  );
}
