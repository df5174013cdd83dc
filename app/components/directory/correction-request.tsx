import { Form } from "react-router";
import { ErrorSummary, Field, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import type { OwnCorrection } from "../../modules/directory/request-correction.server.ts";

interface Failed {
  errors?: FieldErrors | null;
  formError?: string | null;
  values?: Record<string, unknown>;
}

/** Under an entry on /directory/mine: its correction requests, then the form to ask for one. */
export function CorrectionRequest({
  designationId,
  organization,
  requests,
  failed,
}: {
  designationId: string;
  organization: string;
  requests: OwnCorrection[];
  failed: Failed | null;
}) {
  const { t } = useT();
  const { date } = useFormatters();
  const prefix = `correct-${designationId}`;
  return (
    <section aria-labelledby={`${prefix}-title`} className="stack">
      {requests.length ? (
        <>
          <h3>{t("directory.mine.correction.history")}</h3>
          <ul className="plain-list">
            {requests.map((c) => (
              <li key={c.id}>
                <p>
                  <span
                    className={`badge ${c.status === "open" ? "stale" : ""}`}
                  >
                    {t(`directory.correction.status.${c.status}`)}
                  </span>{" "}
                  {t("directory.mine.correction.requested", {
                    date: date(c.requestedAt),
                  })}
                </p>
                <p className="pre-wrap">{c.message}</p>
                {c.handlerNote ? (
                  <p className="muted">
                    {t("directory.mine.correction.note", {
                      note: c.handlerNote,
                    })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {/* Keyed by the count: the text area empties once the request is sent. */}
      <Form method="post" className="stack" key={requests.length}>
        <h3 id={`${prefix}-title`}>{t("directory.mine.correction.title")}</h3>
        <ErrorSummary errors={failed?.errors} formError={failed?.formError} />
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="designationId" value={designationId} />
        <SubmissionKey />
        <Field
          idPrefix={prefix}
          name="message"
          label={t("directory.mine.correction.label")}
          hint={t("directory.mine.correction.hint")}
          multiline
          required
          defaultValue={
            typeof failed?.values?.message === "string"
              ? failed.values.message
              : undefined
          }
          errors={failed?.errors}
        />
        <div className="actions">
          <button type="submit" className="secondary">
            {t("directory.mine.correction.submit", { organization })}
          </button>
        </div>
      </Form>
    </section>
  );
}
