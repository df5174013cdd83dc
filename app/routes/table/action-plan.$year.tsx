import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/action-plan.$year";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { actionSchema, indicatorSchema, objectiveSchema, planHeaderSchema } from "../../modules/action-plan/plan-schema.ts";
import {
  ActionForm,
  ActionStatusBadge,
  ConfirmDelete,
  DeleteLink,
  IndicatorForm,
  ObjectiveForm,
  orgLabel,
  PlanHeaderForm,
  Progress,
  useDay,
  type Values,
} from "../../components/action-plan/plan-ui.tsx";
import { listPlanOrganizations, loadPlan, type FullPlan } from "../../modules/action-plan/read-plan.server.ts";
import { actionVersion, deletePlanItem, indicatorVersion, objectiveVersion, saveAction, saveIndicator, saveObjective, updatePlanHeader, type WriteResult } from "../../modules/action-plan/write-plan.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { z } from "zod";
import { isUuid, optionalId, requiredId, versionField, type FieldErrorMap } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { conflictReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

/** One year's plan: objectives, actions, indicators; the coordinator edits one item at a time (?edit=…). */
export const policy = needs("actionplan.view");

export const meta: Route.MetaFunction = ({ matches, params }) => pageTitle(matches, "actionPlan.yearTitle", { year: params.year ?? "" });

function parseYear(value: string | undefined): number {
  if (!value || !/^\d{4}$/.test(value)) notFound();
  return Number(value);
}

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const year = parseYear(args.params.year);
  const full = await loadPlan(args.context.db, user.partnershipId, year);
  if (!full) notFound();
  return { user, partnershipId: user.partnershipId, year, full };
}

type Editing =
  | { kind: "plan" }
  | { kind: "objective"; id: string | null }
  | { kind: "action"; id: string | null; objectiveId: string | null }
  | { kind: "indicator"; id: string | null; objectiveId: string | null };

/** "?edit=plan", "?edit=objective", "?edit=action&objective=<id>", "?edit=action:<id>"… */
function readEditing(url: URL): Editing | null {
  const edit = url.searchParams.get("edit") ?? "";
  const objective = url.searchParams.get("objective");
  const objectiveId = isUuid(objective) ? objective : null;
  const [kind, id] = edit.split(":");
  const itemId = isUuid(id) ? id : null;
  if (kind === "plan") return { kind };
  if (kind === "objective") return { kind, id: itemId };
  if (kind === "action" || kind === "indicator") return { kind, id: itemId, objectiveId };
  return null;
}

type DeleteKind = "objective" | "action" | "indicator";

/** "?delete=action:<id>": the item whose deletion is to be confirmed (null when unknown). */
function readDeleting(url: URL, objectives: FullPlan["objectives"]): { kind: DeleteKind; id: string; name: string } | null {
  const [kind, id] = (url.searchParams.get("delete") ?? "").split(":");
  if (!isUuid(id)) return null;
  if (kind === "objective") {
    const o = objectives.find((x) => x.id === id);
    return o ? { kind, id, name: o.title } : null;
  }
  if (kind === "action") {
    const a = objectives.flatMap((o) => o.actions).find((x) => x.id === id);
    return a ? { kind, id, name: a.title } : null;
  }
  if (kind === "indicator") {
    const i = objectives.flatMap((o) => o.indicators).find((x) => x.id === id);
    return i ? { kind, id, name: i.label } : null;
  }
  return null;
}

function itemVersions(full: FullPlan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of full.objectives) {
    out[o.id] = objectiveVersion(o);
    for (const a of o.actions) out[a.id] = actionVersion(a);
    for (const i of o.indicators) out[i.id] = indicatorVersion(i);
  }
  return out;
}

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId, full } = await scoped(args);
  const canEdit = can(user.roles, "actionplan.edit", { partnershipId });
  const url = requestUrl(args.request);
  const organizations = await listPlanOrganizations(args.context.db, partnershipId);
  return {
    ...full,
    organizations,
    canEdit,
    editing: canEdit ? readEditing(url) : null,
    // Deleting asks first: the "Delete" link opens this confirmation, whose form deletes.
    deleting: canEdit ? readDeleting(url, full.objectives) : null,
    saved: url.searchParams.has("saved"),
    copied: url.searchParams.has("copied"),
    // The versions the item edit forms carry (a stale save answers 409).
    versions: canEdit ? itemVersions(full) : {},
  };
}

type ActionResult = { errors: FieldErrorMap; values: Values; formError?: string };

const itemIntents = ["objective", "action", "indicator"] as const;
const idSchema = z.object({ id: optionalId, version: z.union([z.literal(""), versionField]).optional() });
const headerSchema = planHeaderSchema.extend({ version: versionField });
const deleteSchema = z.object({ kind: z.enum(["objective", "action", "indicator"], { message: "form.invalid" }), id: requiredId });

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, year, full } = await scoped(args);
  await authorize(args, user, "actionplan.edit");
  const read = await readForm(args.request, { arrays: ["organizationIds"] });
  const values = read.values;
  const invalid = (errors: FieldErrorMap, formError?: string) => data<ActionResult>({ errors, values, formError }, { status: 400 });
  if (!read.ok) return invalid(read.errors, "form.errors");
  const actor = actorOf(user, args.context);
  const db = args.context.db;
  const planId = full.plan.id;
  const here = `/action-plan/${year}`;
  const intent = values.intent;
  if (intent === "plan") {
    const parsed = parseValues(read, headerSchema);
    if (!parsed.ok) return invalid(parsed.errors);
    const { version, ...header } = parsed.data;
    const result = await updatePlanHeader(db, actor, partnershipId, planId, version, header);
    if (result.status === "conflict") return conflictReply({ values: undefined });
    if (result.status !== "ok") notFound();
    return redirect(`${here}?saved=1#item-${result.id}`);
  }
  if (intent === "delete") {
    const parsed = parseValues(read, deleteSchema);
    if (!parsed.ok) return invalid(parsed.errors, "form.invalid");
    const result = await deletePlanItem(db, actor, partnershipId, planId, parsed.data.kind, parsed.data.id);
    if (result.status === "not_found") notFound();
    if (result.status === "invalid") return invalid({}, result.message);
    return redirect(`${here}?saved=1`);
  }
  if (!itemIntents.includes(intent as (typeof itemIntents)[number])) return invalid({}, "form.invalid");
  const kind = intent as (typeof itemIntents)[number];
  const target = parseValues(read, idSchema);
  if (!target.ok) return invalid(target.errors, "form.invalid");
  const save = async (tx: typeof db, id: string | null, version: number | null): Promise<WriteResult | ActionResultReply> => {
    if (kind === "objective") {
      const parsed = parseValues(read, objectiveSchema);
      return parsed.ok ? saveObjective(tx, actor, partnershipId, planId, id, parsed.data, version) : invalid(parsed.errors);
    }
    if (kind === "action") {
      const parsed = parseValues(read, actionSchema);
      return parsed.ok ? saveAction(tx, actor, partnershipId, planId, id, parsed.data, version) : invalid(parsed.errors);
    }
    const parsed = parseValues(read, indicatorSchema);
    return parsed.ok ? saveIndicator(tx, actor, partnershipId, planId, id, parsed.data, version) : invalid(parsed.errors);
  };
  const answer = (result: WriteResult | ActionResultReply) => {
    if (!("status" in result)) return result;
    if (result.status === "ok") return redirect(`${here}?saved=1#item-${result.id}`);
    if (result.status === "not_found") notFound();
    if (result.status === "conflict") return conflictReply({ values: undefined });
    return invalid({ [result.field]: [result.message] });
  };
  const { id } = target.data;
  if (id) {
    // An edit: it carries the version of what the form showed.
    const version = target.data.version;
    if (typeof version !== "number") {
      // Another plan's (or Table's) item answers 404, like a missing one; a known one without its version is malformed.
      const known = full.objectives.some((o) => o.id === id || o.actions.some((a) => a.id === id) || o.indicators.some((i) => i.id === id));
      if (!known) notFound();
      return invalid({}, "form.invalid");
    }
    return answer(await save(db, id, version));
  }
  // A new objective, action or indicator: a double click adds it once.
  const submission = submissionOf(values, `action-plan.$year:${kind}`, user.accountId);
  if (!submission) return invalid({}, "form.expired");
  const outcome = await submitOnce(db, submission, async (tx) => {
    const result = await save(tx, null, null);
    return "status" in result && result.status === "ok" ? created(`${here}?saved=1#item-${result.id}`) : refused(result);
  });
  if (outcome.created) return redirect(outcome.location);
  return answer(outcome.refused);
}

type ActionResultReply = ReturnType<typeof data<ActionResult>>;

export default function ActionPlanYear({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
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
      ? { objectiveId: i.objectiveId, label: i.label, unit: i.unit, target: String(i.target), actual: i.actual === null ? "" : String(i.actual) }
      : { objectiveId: editing.objectiveId ?? "" };
    return <IndicatorForm {...common} id={i?.id ?? null} version={i ? (versions[i.id] ?? null) : null} objectives={objectiveOptions} values={actionData?.values ?? values} />;
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
      {loaderData.saved ? (
        <p className="alert success" role="status">
          {t("actionPlan.saved")}
        </p>
      ) : null}
      {loaderData.copied ? (
        <p className="alert success" role="status">
          {t("actionPlan.copy.done")}
        </p>
      ) : null}
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
        <section key={o.id} id={`item-${o.id}`} className="objective" aria-labelledby={`objective-${o.id}`}>
          <h2 id={`objective-${o.id}`}>
            {t("actionPlan.objectiveNumber", { n: index + 1 })} {o.title}
          </h2>
          {o.description ? <p>{o.description}</p> : null}
          {canEdit ? (
            <p className="actions">
              <Link to={`${here}?edit=objective:${o.id}#edit-heading`}>{t("actionPlan.objective.edit")}</Link>
              <Link to={`${here}?edit=action&objective=${o.id}#edit-heading`}>{t("actionPlan.action.add")}</Link>
              <Link to={`${here}?edit=indicator&objective=${o.id}#edit-heading`}>{t("actionPlan.indicator.add")}</Link>
              <DeleteLink to={deleteTo("objective", o.id)} name={o.title} label={t("actionPlan.objective.delete")} />
            </p>
          ) : null}
          <h3>{t("actionPlan.actions")}</h3>
          {o.actions.length === 0 ? (
            <p className="muted">{t("actionPlan.action.none")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t("actionPlan.actionsOf", { objective: o.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("actionPlan.action.title")}</th>
                    <th scope="col">{t("actionPlan.action.organizations")}</th>
                    <th scope="col">{t("actionPlan.action.dates")}</th>
                    <th scope="col">{t("actionPlan.action.status")}</th>
                    <th scope="col">{t("actionPlan.action.progress")}</th>
                    {canEdit ? <th scope="col">{t("actionPlan.manage")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {o.actions.map((a) => (
                    <tr key={a.id} id={`item-${a.id}`}>
                      <th scope="row">
                        {a.title}
                        {a.description ? <span className="muted block">{a.description}</span> : null}
                      </th>
                      <td>
                        {a.organizationIds
                          .map((id) => orgs.get(id))
                          .filter((x) => !!x)
                          .map((x) => orgLabel(locale, x))
                          .join(", ") || "—"}
                      </td>
                      <td>{a.startsOn || a.endsOn ? `${day(a.startsOn) || "…"} – ${day(a.endsOn) || "…"}` : "—"}</td>
                      <td>
                        <ActionStatusBadge status={a.status} />
                      </td>
                      <td>
                        <Progress value={a.progress} />
                      </td>
                      {canEdit ? (
                        <td>
                          <Link to={`${here}?edit=action:${a.id}#edit-heading`} aria-label={t("actionPlan.editNamed", { name: a.title })}>
                            {t("actionPlan.edit")}
                          </Link>
                          <DeleteLink to={deleteTo("action", a.id)} name={a.title} />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t("actionPlan.indicators")}</h3>
          {o.indicators.length === 0 ? (
            <p className="muted">{t("actionPlan.indicator.none")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t("actionPlan.indicatorsOf", { objective: o.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("actionPlan.indicator.label")}</th>
                    <th scope="col">{t("actionPlan.indicator.target")}</th>
                    <th scope="col">{t("actionPlan.indicator.actual")}</th>
                    {canEdit ? <th scope="col">{t("actionPlan.manage")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {o.indicators.map((i) => (
                    <tr key={i.id} id={`item-${i.id}`}>
                      <th scope="row">{i.label}</th>
                      <td>
                        {i.target} {i.unit}
                      </td>
                      <td>{i.actual === null ? t("actionPlan.indicator.notMeasured") : `${i.actual} ${i.unit}`}</td>
                      {canEdit ? (
                        <td>
                          <Link to={`${here}?edit=indicator:${i.id}#edit-heading`} aria-label={t("actionPlan.editNamed", { name: i.label })}>
                            {t("actionPlan.edit")}
                          </Link>
                          <DeleteLink to={deleteTo("indicator", i.id)} name={i.label} />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
