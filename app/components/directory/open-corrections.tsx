import { Form, Link } from "react-router";
import {
  ErrorSummary,
  Field,
  SelectField,
  type FieldErrors,
} from "../form.tsx";
import { localName } from "../../i18n/names.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import type { OpenCorrection } from "../../modules/directory/handle-correction.server.ts";

interface Failed {
  errors?: FieldErrors | null;
  formError?: string | null;
  values?: Record<string, unknown>;
}

/** "Corrections demandées" on /directory/stale: each open request, and its decision form. */
export function OpenCorrections({
  corrections,
  failed,
}: {
  corrections: OpenCorrection[];
  failed: Failed | null;
}) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  return (
    <section aria-labelledby="corrections" className="stack">
      <h2 id="corrections">{t("directory.corrections.title")}</h2>
      {corrections.length === 0 ? (
        <p>{t("directory.corrections.none")}</p>
      ) : (
        <>
          <p>{t("directory.corrections.intro")}</p>
          <ul className="cards stacked">
            {corrections.map((c) => {
              const name = `${c.givenName} ${c.familyName}`;
              const mine =
                failed?.values?.correctionId === c.id ? failed : null;
              const prefix = `handle-${c.id}`;
              return (
                <li key={c.id} className="card">
                  <h3>
                    {t("directory.corrections.byLine", {
                      name,
                      organization: localName(locale, {
                        nameFr: c.organizationNameFr,
                        nameEn: c.organizationNameEn,
                      }),
                      date: date(c.requestedAt),
                    })}
                  </h3>
                  <blockquote className="pre-wrap">
                    {c.message}
                  </blockquote>
                  <p>
                    <Link to={`/directory/designations/${c.designationId}`}>
                      {t("directory.corrections.edit", { name })}
                    </Link>
                  </p>
                  {/* Keyed by version: after a 409 the form shows the request as it is now. */}
                  <Form method="post" className="stack" key={c.version}>
                    <ErrorSummary
                      errors={mine?.errors}
                      formError={mine?.formError}
                    />
                    <input type="hidden" name="intent" value="handle" />
                    <input type="hidden" name="correctionId" value={c.id} />
                    <input type="hidden" name="version" value={c.version} />
                    <SelectField
                      idPrefix={prefix}
                      name="status"
                      label={t("directory.corrections.decision")}
                      required
                      defaultValue={
                        typeof mine?.values?.status === "string"
                          ? mine.values.status
                          : "done"
                      }
                      options={[
                        {
                          value: "done",
                          label: t("directory.corrections.done"),
                        },
                        {
                          value: "declined",
                          label: t("directory.corrections.declined"),
                        },
                      ]}
                      errors={mine?.errors}
                    />
                    <Field
                      idPrefix={prefix}
                      name="handlerNote"
                      label={t("directory.corrections.note")}
                      hint={t("directory.corrections.noteHint")}
                      multiline
                      defaultValue={
                        typeof mine?.values?.handlerNote === "string"
                          ? mine.values.handlerNote
                          : undefined
                      }
                      errors={mine?.errors}
                    />
                    <div className="actions">
                      <button type="submit" className="secondary">
                        {t("directory.corrections.save")}
                      </button>
                    </div>
                  </Form>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
