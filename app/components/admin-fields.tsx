import type { ReactNode } from "react";
import { Form } from "react-router";
import { useT } from "../i18n/use-t.ts";
import { SubmissionKey } from "./submission-key.tsx";
import { ErrorSummary, Field, translateMessage, type FieldErrors } from "./form.tsx";

/** Values a form shows: the record's, or what the person typed when the server refused it. */
export type FormValues = Record<string, string | string[] | number | null | undefined>;

export function text(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  if (typeof v === "number") return String(v);
  return typeof v === "string" ? v : Array.isArray(v) ? v.join(", ") : "";
}

export function list(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name];
  return Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
}

/** A stored list of language codes as the form shows it: fr/en checkboxes, other codes as text. */
export function languageValues(codes: readonly string[]): { languages: string[]; otherLanguages: string } {
  return {
    languages: codes.filter((c) => c === "fr" || c === "en"),
    otherLanguages: codes.filter((c) => c !== "fr" && c !== "en").join(", "),
  };
}

/** Checkboxes for French and English plus a field for other ISO 639 codes. */
export function LanguagesFieldset({ values, errors }: { values?: FormValues; errors?: FieldErrors | null }) {
  const { t } = useT();
  const checked = list(values, "languages");
  const groupErrors = errors?.languages ?? [];
  const otherErrors = errors?.otherLanguages ?? [];
  return (
    <fieldset aria-describedby={groupErrors.length ? "languages-error" : undefined}>
      <legend>{t("admin.languages.legend")}</legend>
      {(["fr", "en"] as const).map((code) => (
        <div className="checkbox" key={code}>
          <input type="checkbox" id={`languages-${code}`} name="languages" value={code} defaultChecked={checked.includes(code)} />
          <label htmlFor={`languages-${code}`}>{t(`lang.${code}`)}</label>
        </div>
      ))}
      <div className="field">
        <label htmlFor="field-otherLanguages">
          {t("admin.languages.other")} <span className="muted">({t("form.optional")})</span>
        </label>
        <p className="hint" id="field-otherLanguages-hint">
          {t("admin.languages.otherHint")}
        </p>
        <input
          type="text"
          id="field-otherLanguages"
          name="otherLanguages"
          defaultValue={text(values, "otherLanguages")}
          aria-invalid={otherErrors.length ? true : undefined}
          aria-describedby={["field-otherLanguages-hint", otherErrors.length ? "field-otherLanguages-error" : null].filter(Boolean).join(" ")}
        />
        {otherErrors.length ? (
          <p className="error" id="field-otherLanguages-error">
            {otherErrors.map((e) => translateMessage(t, e)).join(" ")}
          </p>
        ) : null}
      </div>
      {groupErrors.length ? (
        <p className="error" id="languages-error">
          {groupErrors.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** What the admin's profile forms (organization, site) are drawn from. */
export interface AdminFormProps {
  values?: FormValues;
  errors?: FieldErrors | null;
  formError?: string | null;
  /** An edit carries the version it was drawn from; a create, its submission key. */
  version?: number;
  submitLabel: string;
}

/** The frame of an admin profile form: errors first, the version or submission key, the fields, the button. */
export function AdminForm({ errors, formError, version, submitLabel, children }: AdminFormProps & { children: ReactNode }) {
  return (
    <Form method="post" className="stack" noValidate>
      <ErrorSummary errors={errors} formError={formError} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : <SubmissionKey />}
      {children}
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}

/** A text field of an admin form, filled from the values sent back or the record. */
export function adminField(values: FormValues | undefined, errors: FieldErrors | null | undefined) {
  return (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={label} defaultValue={text(values, name)} errors={errors} {...extra} />
  );
}
