import type { ReactNode } from "react";
import { Form } from "react-router";
import { useT } from "../i18n/use-t.ts";
import type { MessageKey } from "../i18n/catalog.ts";

/**
 * Field errors come back from the server as message keys (the Zod schemas use keys as
 * messages), so they render in the reader's language.
 */
export type FieldErrors = Record<string, string[] | undefined>;

export function ErrorSummary({ errors, formError }: { errors?: FieldErrors | null; formError?: string | null }) {
  const { t } = useT();
  const has = formError || (errors && Object.values(errors).some((e) => e && e.length));
  if (!has) return null;
  return (
    <div className="alert error" role="alert" tabIndex={-1}>
      <p>{formError ? translateMessage(t, formError) : t("form.errors")}</p>
    </div>
  );
}

export function translateMessage(t: ReturnType<typeof useT>["t"], message: string): string {
  return message.includes(".") && !message.includes(" ") ? t(message as MessageKey) : message;
}

interface FieldProps {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | number | null;
  errors?: FieldErrors | null;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  inputMode?: "numeric" | "text" | "email" | "tel" | "url";
  /** For `type="file"`: the accepted types (see `acceptAttribute` in app/modules/files). */
  accept?: string;
  /**
   * The id is `<idPrefix>-<name>` ("field" by default); give each small form its own prefix when
   * several forms on one page share field names, so ids stay unique.
   */
  idPrefix?: string;
  children?: ReactNode;
}

/** A labelled input with its hint and errors tied to it (aria-describedby, aria-invalid). */
export function Field({ name, label, type = "text", defaultValue, errors, hint, required, autoComplete, multiline, inputMode, accept, idPrefix = "field" }: FieldProps) {
  const { t } = useT();
  const id = `${idPrefix}-${name}`;
  const fieldErrors = errors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, fieldErrors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    required,
    "aria-invalid": fieldErrors.length ? true : undefined,
    "aria-describedby": describedBy,
    defaultValue: defaultValue ?? undefined,
    autoComplete,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="muted"> ({t("form.optional")})</span>}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea {...common} /> : <input type={type} inputMode={inputMode} accept={accept} {...common} />}
      {fieldErrors.length ? (
        <p className="error" id={`${id}-error`}>
          {fieldErrors.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  errors,
  required,
  hint,
  placeholder,
  idPrefix = "field",
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  errors?: FieldErrors | null;
  required?: boolean;
  hint?: string;
  /** An empty first option ("Choose a person"), also on a required select: nothing is preselected. */
  placeholder?: string;
  /** As on Field: a page repeating the same form gives each copy its own ids. */
  idPrefix?: string;
}) {
  const { t } = useT();
  const id = `${idPrefix}-${name}`;
  const fieldErrors = errors?.[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : null, fieldErrors.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="muted"> ({t("form.optional")})</span>}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select id={id} name={name} defaultValue={defaultValue ?? ""} required={required} aria-invalid={fieldErrors.length ? true : undefined} aria-describedby={describedBy}>
        {placeholder ? <option value="">{placeholder}</option> : required ? null : <option value="">—</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {fieldErrors.length ? (
        <p className="error" id={`${id}-error`}>
          {fieldErrors.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A POST form whose one visible control is its button (a row's "cancel", "revoke", "confirm"):
 * the hidden fields say which record and intent; the label should name the record for screen
 * readers ("Cancel for Alex Martin").
 */
export function PostButton({ fields, className, children }: { fields: Record<string, string>; className?: string; children: ReactNode }) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {children}
      </button>
    </Form>
  );
}
