import type { FieldErrors } from "../../components/form.tsx";
import { translateMessage } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";

/**
 * A labelled input whose id carries a prefix, for pages with several small forms sharing field
 * names (the shared Field uses `field-<name>` ids, which must stay unique on a page).
 */
export function SmallField({
  form,
  name,
  label,
  type = "text",
  required,
  errors,
  defaultValue,
  inputMode,
}: {
  form: string;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  errors?: FieldErrors;
  defaultValue?: string;
  inputMode?: "numeric" | "text";
}) {
  const { t } = useT();
  const id = `${form}-${name}`;
  const fieldErrors = errors?.[name] ?? [];
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="muted"> ({t("form.optional")})</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        inputMode={inputMode}
        defaultValue={defaultValue}
        aria-invalid={fieldErrors.length ? true : undefined}
        aria-describedby={fieldErrors.length ? `${id}-error` : undefined}
      />
      {fieldErrors.length ? (
        <p className="error" id={`${id}-error`}>
          {fieldErrors.map((e) => translateMessage(t, e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
