import type { ReactNode } from "react";
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
  children?: ReactNode;
}

/** A labelled input with its hint and errors tied to it (aria-describedby, aria-invalid). */
export function Field({ name, label, type = "text", defaultValue, errors, hint, required, autoComplete, multiline, inputMode }: FieldProps) {
  const { t } = useT();
  const id = `field-${name}`;
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
      {multiline ? <textarea {...common} /> : <input type={type} inputMode={inputMode} {...common} />}
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
}) {
  const { t } = useT();
  const id = `field-${name}`;
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
