import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t.ts";
import type { MessageKey } from "../../i18n/catalog.ts";
import type { Finding } from "../../modules/consultations/pii/find-identifying-details.ts";

/** The text as typed, with each finding marked; the kind is read out to screen-reader users. */
export function HighlightedText({ text, findings }: { text: string; findings: Finding[] }) {
  const { t } = useT();
  const parts: ReactNode[] = [];
  let at = 0;
  findings.forEach((f, i) => {
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={i}>
        <span className="visually-hidden">{t("consultations.guard.markLabel", { kind: t(`consultations.kind.${f.kind}` as MessageKey) })}</span>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <p className="guard-text">{parts}</p>;
}

/**
 * What the guard found, field by field: the text with its findings highlighted, then one plain
 * explanation per finding. Shown above the form, which keeps the text for editing.
 */
export function GuardFindings({
  findings,
  values,
  labels,
}: {
  findings: Record<string, Finding[]>;
  values: Record<string, string>;
  labels: Record<string, string>;
}) {
  const { t } = useT();
  const fields = Object.keys(findings).filter((name) => findings[name]?.length);
  if (!fields.length) return null;
  return (
    <section className="alert error" aria-labelledby="guard-title" role="alert" data-guard-findings="">
      <h2 id="guard-title">{t("consultations.guard.title")}</h2>
      <p>{t("consultations.guard.intro")}</p>
      {fields.map((name) => (
        <div key={name} data-guard-field={name}>
          <h3>{t("consultations.guard.inField", { field: labels[name] ?? name })}</h3>
          <HighlightedText text={values[name] ?? ""} findings={findings[name] ?? []} />
          <ul>
            {(findings[name] ?? []).map((f, i) => (
              <li key={i} data-kind={f.kind}>
                <strong>{t(`consultations.kind.${f.kind}` as MessageKey)}</strong>
                {t("consultations.guard.item", { text: f.text, advice: t(`consultations.advice.${f.kind}` as MessageKey) })}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
