import { Form, Link } from "react-router";
import { ErrorSummary, Field, SelectField, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actionStatuses, type ActionStatus } from "../../modules/action-plan/vocabulary.ts";

// Shared pieces of the action plan pages (browser-safe: no ORM, no server module).

export type Values = Record<string, string | string[] | undefined>;

export interface PlanOrganization {
  id: string;
  nameFr: string;
  nameEn: string;
  acronym: string;
}

/**
 * The action's status; with `today`, an action still planned or under way after its end date is
 * flagged as late (en retard).
 */
export function ActionStatusBadge({ status, endsOn, today }: { status: ActionStatus; endsOn?: string | null; today?: string }) {
  const { t } = useT();
  const late = !!today && !!endsOn && endsOn < today && (status === "planned" || status === "in_progress");
  return (
    <>
      <span className={`badge status-${status}`}>{t(`actionPlan.status.${status}`)}</span>
      {late ? <span className="badge overdue">{t("actionPlan.late")}</span> : null}
    </>
  );
}

export function orgLabel(locale: string, o: PlanOrganization): string {
  return o.acronym || (locale === "en" ? o.nameEn : o.nameFr);
}

/** A bar a screen reader reads as "progress: 40 %". */
export function Progress({ value }: { value: number }) {
  const { t } = useT();
  return (
    <span className="progress-cell">
      <progress max={100} value={value} aria-label={t("actionPlan.action.progress")}>
        {value} %
      </progress>{" "}
      {value} %
    </span>
  );
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

interface EditFormProps {
  errors?: FieldErrors;
  /** Editing an item: the version of what the form shows (a stale save answers 409). */
  version?: number | null;
  formError?: string;
  values: Values;
  cancelTo: string;
}

/** A new item carries the submission key (added once); an edit carries its version. */
function KeyOrVersion({ id, version }: { id: string | null; version?: number | null }) {
  if (!id) return <SubmissionKey />;
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version ?? ""} />
    </>
  );
}

function Buttons({ cancelTo }: { cancelTo: string }) {
  const { t } = useT();
  return (
    <p className="actions">
      <button type="submit">{t("actionPlan.save")}</button>
      <a href={cancelTo}>{t("actionPlan.cancel")}</a>
    </p>
  );
}

export function PlanHeaderForm({ errors, formError, values, cancelTo, version }: EditFormProps & { version: number }) {
  const { t } = useT();
  return (
    // Keyed by version: after a 409 the fields show the current plan.
    <Form method="post" className="stack" aria-labelledby="edit-heading" key={version}>
      <h2 id="edit-heading">{t("actionPlan.editPlan")}</h2>
      <ErrorSummary errors={errors} formError={formError} />
      <input type="hidden" name="intent" value="plan" />
      <input type="hidden" name="version" value={version} />
      <Field name="title" label={t("actionPlan.field.title")} required defaultValue={str(values.title)} errors={errors} />
      <Field name="summary" label={t("actionPlan.field.summary")} multiline defaultValue={str(values.summary)} errors={errors} />
      <Buttons cancelTo={cancelTo} />
    </Form>
  );
}

export function ObjectiveForm({ errors, formError, values, cancelTo, id, version }: EditFormProps & { id: string | null }) {
  const { t } = useT();
  return (
    <Form method="post" className="stack" aria-labelledby="edit-heading" key={`${id ?? "new"}-${version ?? ""}`}>
      <h2 id="edit-heading">{id ? t("actionPlan.objective.edit") : t("actionPlan.objective.add")}</h2>
      <ErrorSummary errors={errors} formError={formError} />
      <input type="hidden" name="intent" value="objective" />
      <KeyOrVersion id={id} version={version} />
      <Field name="title" label={t("actionPlan.field.title")} required defaultValue={str(values.title)} errors={errors} />
      <Field name="description" label={t("actionPlan.field.description")} multiline defaultValue={str(values.description)} errors={errors} />
      <Buttons cancelTo={cancelTo} />
    </Form>
  );
}

export function ActionForm({
  errors,
  formError,
  values,
  cancelTo,
  id,
  version,
  objectives,
  organizations,
}: EditFormProps & { id: string | null; objectives: { id: string; title: string }[]; organizations: PlanOrganization[] }) {
  const { t, locale } = useT();
  const chosen = new Set(Array.isArray(values.organizationIds) ? values.organizationIds : values.organizationIds ? [values.organizationIds] : []);
  return (
    <Form method="post" className="stack" aria-labelledby="edit-heading" key={`${id ?? "new"}-${version ?? ""}`}>
      <h2 id="edit-heading">{id ? t("actionPlan.action.edit") : t("actionPlan.action.add")}</h2>
      <ErrorSummary errors={errors} formError={formError} />
      <input type="hidden" name="intent" value="action" />
      <KeyOrVersion id={id} version={version} />
      <SelectField
        name="objectiveId"
        label={t("actionPlan.objective")}
        required
        options={objectives.map((o) => ({ value: o.id, label: o.title }))}
        defaultValue={str(values.objectiveId)}
        errors={errors}
      />
      <Field name="title" label={t("actionPlan.field.title")} required defaultValue={str(values.title)} errors={errors} />
      <Field name="description" label={t("actionPlan.field.description")} multiline defaultValue={str(values.description)} errors={errors} />
      <fieldset>
        <legend>{t("actionPlan.action.organizations")}</legend>
        {organizations.map((o) => (
          <div key={o.id} className="checkbox">
            <input type="checkbox" id={`org-${o.id}`} name="organizationIds" value={o.id} defaultChecked={chosen.has(o.id)} />
            <label htmlFor={`org-${o.id}`}>{locale === "en" ? o.nameEn : o.nameFr}</label>
          </div>
        ))}
      </fieldset>
      <Field name="startsOn" type="date" label={t("actionPlan.action.startsOn")} defaultValue={str(values.startsOn)} errors={errors} />
      <Field name="endsOn" type="date" label={t("actionPlan.action.endsOn")} defaultValue={str(values.endsOn)} errors={errors} />
      <SelectField
        name="status"
        label={t("actionPlan.action.status")}
        required
        options={actionStatuses.map((s) => ({ value: s, label: t(`actionPlan.status.${s}`) }))}
        defaultValue={str(values.status) || "planned"}
        errors={errors}
      />
      <Field name="progress" type="number" inputMode="numeric" label={t("actionPlan.action.progressField")} defaultValue={str(values.progress) || "0"} errors={errors} />
      <Buttons cancelTo={cancelTo} />
    </Form>
  );
}

export function IndicatorForm({
  errors,
  formError,
  values,
  cancelTo,
  id,
  version,
  objectives,
  registry,
}: EditFormProps & { id: string | null; objectives: { id: string; title: string }[]; registry: { value: string; label: string }[] }) {
  const { t } = useT();
  return (
    <Form method="post" className="stack" aria-labelledby="edit-heading" key={`${id ?? "new"}-${version ?? ""}`}>
      <h2 id="edit-heading">{id ? t("actionPlan.indicator.edit") : t("actionPlan.indicator.add")}</h2>
      <ErrorSummary errors={errors} formError={formError} />
      <input type="hidden" name="intent" value="indicator" />
      <KeyOrVersion id={id} version={version} />
      <SelectField
        name="objectiveId"
        label={t("actionPlan.objective")}
        required
        options={objectives.map((o) => ({ value: o.id, label: o.title }))}
        defaultValue={str(values.objectiveId)}
        errors={errors}
      />
      <Field name="label" label={t("actionPlan.indicator.label")} required defaultValue={str(values.label)} errors={errors} />
      <Field name="unit" label={t("actionPlan.indicator.unit")} hint={t("actionPlan.indicator.unitHint")} defaultValue={str(values.unit)} errors={errors} />
      <Field name="target" label={t("actionPlan.indicator.target")} required inputMode="numeric" defaultValue={str(values.target)} errors={errors} />
      <Field name="actual" label={t("actionPlan.indicator.actual")} inputMode="numeric" defaultValue={str(values.actual)} errors={errors} />
      <SelectField
        name="indicatorCode"
        label={t("actionPlan.indicator.registry")}
        hint={t("actionPlan.indicator.registryHint")}
        options={[{ value: "", label: t("actionPlan.indicator.registryNone") }, ...registry]}
        defaultValue={str(values.indicatorCode)}
        errors={errors}
      />
      <Buttons cancelTo={cancelTo} />
    </Form>
  );
}

/** The "Delete" control: a link to the confirmation, named after the item for screen readers. */
export function DeleteLink({ to, name, label }: { to: string; name: string; label?: string }) {
  const { t } = useT();
  return (
    <Link to={to} className="link-danger" aria-label={label ? undefined : t("actionPlan.deleteNamed", { name })}>
      {label ?? t("actionPlan.delete")}
    </Link>
  );
}
