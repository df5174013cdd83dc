import { Form } from "react-router";
import { ErrorSummary, Field, SelectField, type FieldErrors } from "../form.tsx";
import { localName } from "../../i18n/names.ts";
import type { MessageKey } from "../../i18n/catalog.ts";
import { GuardFindings, withGuardErrors } from "../guard-findings.tsx";
import type { Finding } from "../../modules/consultations/pii/find-identifying-details.ts";
import { useT } from "../../i18n/use-t.ts";
import { SubmissionKey } from "../submission-key.tsx";
import type { ActivityFinding } from "../../modules/pivot-activities/activity-schema.ts";
import { pivotActivityTypes } from "../../modules/pivot-activities/activity-types.ts";

type Values = Record<string, string | string[] | undefined | number | null>;

/** The guard's findings grouped by field, as the shared guard component reads them. */
function byField(findings: ActivityFinding[]): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const { field, ...finding } of findings) (out[field] ??= []).push(finding);
  return out;
}

interface Props {
  organizations: { id: string; nameFr: string; nameEn: string }[];
  values: Values;
  errors?: FieldErrors | null;
  formError?: string | null;
  findings?: ActivityFinding[];
  version?: number;
  today: string;
}

export function ActivityForm({ organizations, values, errors, formError, findings = [], version, today }: Props) {
  const { t, locale } = useT();
  const str = (name: string) => {
    const v = values[name];
    return v === null || v === undefined ? "" : String(v);
  };
  const flagged = byField(findings);
  // The fields the guard refused point at its findings, so the person knows where to look.
  const allErrors = withGuardErrors(errors, flagged);
  return (
    <Form method="post" className="stack">
      <ErrorSummary errors={findings.length ? null : errors} formError={formError} />
      <GuardFindings
        findings={flagged}
        values={values}
        labels={{ audience: t("activities.form.audience"), notes: t("activities.form.notes") }}
      />
      <input type="hidden" name="intent" value="save" />
      {/* Editing carries the version it was drawn from; logging a new one, its submission key. */}
      {version ? <input type="hidden" name="version" value={version} /> : <SubmissionKey />}
      {organizations.length > 1 ? (
        <SelectField
          name="organizationId"
          label={t("activities.form.organization")}
          required
          options={organizations.map((o) => ({ value: o.id, label: localName(locale, o) }))}
          defaultValue={str("organizationId")}
          errors={allErrors}
        />
      ) : organizations[0] ? (
        <>
          <input type="hidden" name="organizationId" value={organizations[0].id} />
          <p>
            {t("activities.form.organization")}
            {locale === "fr" ? "\u00a0: " : ": "}
            <strong>{localName(locale, organizations[0])}</strong>
          </p>
        </>
      ) : null}
      <SelectField
        name="type"
        label={t("activities.form.type")}
        required
        options={pivotActivityTypes.map((type) => ({ value: type, label: t(`activities.type.${type}` as MessageKey) }))}
        defaultValue={str("type") || "awareness_session"}
        errors={allErrors}
      />
      <Field name="occurredOn" type="date" label={t("activities.form.occurredOn")} required defaultValue={str("occurredOn") || today} errors={allErrors} />
      <Field name="durationMinutes" type="number" inputMode="numeric" label={t("activities.form.durationMinutes")} defaultValue={str("durationMinutes")} errors={allErrors} />
      <Field name="audience" label={t("activities.form.audience")} hint={t("activities.form.audienceHint")} defaultValue={str("audience")} errors={allErrors} />
      <Field name="audienceSize" type="number" inputMode="numeric" label={t("activities.form.audienceSize")} defaultValue={str("audienceSize")} errors={allErrors} />
      <Field name="notes" multiline label={t("activities.form.notes")} hint={t("activities.form.notesHint")} defaultValue={str("notes")} errors={allErrors} />
      <p className="actions">
        <button type="submit">{t("activities.form.save")}</button>
      </p>
    </Form>
  );
}
