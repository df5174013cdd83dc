import type { FieldErrors } from "./form.tsx";
import { useT } from "../i18n/use-t.ts";
import type { MessageKey } from "../i18n/catalog.ts";
import { guardFieldErrors } from "../modules/consultations/guard-field-errors.ts";
import type { Finding } from "../modules/consultations/pii/find-identifying-details.ts";

/** Characters shown on each side of a finding: enough to recognize the sentence, not the whole text. */
const AROUND = 40;

/** The words around a finding, cut at a space, on one line, with "…" where the text goes on. */
export function excerptOf(text: string, finding: Finding): { before: string; found: string; after: string } {
  const flat = (s: string) => s.replace(/\s+/g, " ");
  let from = Math.max(0, finding.start - AROUND);
  let to = Math.min(text.length, finding.end + AROUND);
  if (from > 0) from = Math.min(finding.start, text.indexOf(" ", from) + 1 || finding.start);
  if (to < text.length) to = Math.max(finding.end, text.lastIndexOf(" ", to));
  return {
    before: `${from > 0 ? "…" : ""}${flat(text.slice(from, finding.start))}`,
    found: text.slice(finding.start, finding.end),
    after: `${flat(text.slice(finding.end, to))}${to < text.length ? "…" : ""}`,
  };
}

/**
 * What the identifying-details guard found, the same on every form that runs it: field by
 * field, each finding in the words around it, highlighted (its kind read out to screen-reader
 * users), with one plain hint. Shown above the form, which keeps the text for editing.
 */
export function GuardFindings({
  findings,
  values,
  labels,
}: {
  findings: Record<string, Finding[]>;
  values: Record<string, unknown>;
  labels: Record<string, string>;
}) {
  const { t } = useT();
  const fields = Object.keys(findings).filter((name) => findings[name]?.length);
  if (!fields.length) return null;
  return (
    <section className="alert error guard" aria-labelledby="guard-title" role="alert" data-guard-findings="">
      <h2 id="guard-title">{t("guard.title")}</h2>
      <p>{t("guard.intro")}</p>
      {fields.map((name) => {
        const text = typeof values[name] === "string" ? values[name] : "";
        return (
          <div key={name} data-guard-field={name}>
            <h3>{t("guard.inField", { field: labels[name] ?? name })}</h3>
            <ul className="guard-findings">
              {(findings[name] ?? []).map((f, i) => {
                const kind = t(`guard.kind.${f.kind}` as MessageKey);
                const { before, found, after } = excerptOf(text, f);
                return (
                  <li key={i} data-kind={f.kind}>
                    <p className="guard-text">
                      {before}
                      <mark>
                        <span className="visually-hidden">{t("guard.markLabel", { kind })}</span>
                        {found}
                      </mark>
                      {after}
                    </p>
                    <p>
                      <strong>{kind}</strong> — {t(`guard.hint.${f.kind}` as MessageKey)}
                    </p>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** A form's field errors with each flagged field pointing at the findings above. */
export function withGuardErrors(errors: FieldErrors | null | undefined, findings: Record<string, Finding[]> | null | undefined) {
  const merged: FieldErrors = { ...guardFieldErrors(findings ?? {}), ...(errors ?? {}) };
  return merged;
}

/**
 * What the action of a guarded form answered, read the same way by each page that shows it:
 * the values to put back, the guard's findings, the field errors and the form's own error.
 */
export function readGuardedReply<Values extends Record<string, unknown> = Record<string, string>>(
  actionData: unknown,
): { values: Values; findings: Record<string, Finding[]> | null; errors: FieldErrors | null; formError: string | null | undefined } {
  const reply = (actionData && typeof actionData === "object" ? actionData : {}) as {
    values?: Values | null;
    findings?: Record<string, Finding[]> | null;
    errors?: FieldErrors | null;
    formError?: string | null;
  };
  return { values: reply.values ?? ({} as Values), findings: reply.findings ?? null, errors: reply.errors ?? null, formError: reply.formError };
}
