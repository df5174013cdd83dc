import type { ReactNode } from "react";
import { Form } from "react-router";
import { ErrorSummary, type FieldErrors } from "./form.tsx";
import { SubmissionKey } from "./submission-key.tsx";
import { acceptAttribute, anyDocument } from "../modules/files/file-types.ts";
import { useT } from "../i18n/use-t.ts";

export interface ListedDocument {
  id: string;
  fileName: string;
  /** The download route. */
  href: string;
  /** Shown after the name in parentheses: size, date. */
  details?: string;
}

/**
 * The documents attached to a meeting, a grant or a training session: a download link each,
 * its details, and the delete control where the person may delete (the page decides which).
 */
export function DocumentList({ documents, empty, remove }: { documents: readonly ListedDocument[]; empty: string; remove?: (d: ListedDocument) => ReactNode }) {
  if (documents.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {documents.map((d) => (
        <li key={d.id} id={`document-${d.id}`}>
          <a href={d.href} download>
            {d.fileName}
          </a>
          {d.details ? <span className="muted"> ({d.details})</span> : null}
          {remove ? remove(d) : null}
        </li>
      ))}
    </ul>
  );
}

interface DocumentUploadProps {
  /** The action's intent for an upload. */
  intent: string;
  /** The file input's id, unique on the page. */
  inputId: string;
  label: string;
  hint?: string;
  /** A heading over the form, when the page gives the upload its own section. */
  heading?: { id: string; text: string };
  submitLabel: string;
  errors?: FieldErrors | null;
  formError?: string | null;
  secondary?: boolean;
}

/** The multipart upload form: intent, idempotency key, one required file field named `document`. */
export function DocumentUpload({ intent, inputId, label, hint, heading, submitLabel, errors, formError, secondary }: DocumentUploadProps) {
  const { t } = useT();
  const fieldError = errors?.document?.[0];
  const describedBy = [hint ? `${inputId}-hint` : null, fieldError ? `${inputId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <Form method="post" encType="multipart/form-data" className="stack" aria-labelledby={heading?.id}>
      {heading ? <h3 id={heading.id}>{heading.text}</h3> : null}
      <ErrorSummary errors={errors} formError={formError} />
      <input type="hidden" name="intent" value={intent} />
      <SubmissionKey />
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        {hint ? (
          <p className="hint" id={`${inputId}-hint`}>
            {hint}
          </p>
        ) : null}
        <input id={inputId} name="document" type="file" required accept={acceptAttribute(anyDocument)} aria-invalid={fieldError ? true : undefined} aria-describedby={describedBy} />
        {fieldError ? (
          <p className="error" id={`${inputId}-error`}>
            {t(fieldError as "form.invalid")}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className={secondary ? "secondary" : undefined}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
