import { useT } from "../../i18n/use-t.ts";
import type { SourcePart } from "../../modules/privacy/vocabulary.ts";

/** The parts of a consultation or a post that can be redacted: a checkbox each, with its length only. */
export function RedactParts({ parts }: { parts: SourcePart[] }) {
  const { t } = useT();
  const label = (part: string) => {
    if (part === "context") return t("privacy.fromSource.part.context");
    if (part === "question") return t("privacy.fromSource.part.question");
    if (part === "body") return t("privacy.fromSource.part.body");
    return t("privacy.fromSource.part.message", { number: Number(part.slice("message-".length)) });
  };
  return (
    <fieldset>
      <legend>{t("privacy.fromSource.redact")}</legend>
      <p className="muted">{t("privacy.fromSource.redact.hint")}</p>
      <ul className="plain-list">
        {parts.map((p) => (
          <li key={p.part}>
            {p.redacted ? (
              <span>
                {label(p.part)} — {t("privacy.fromSource.already")}
              </span>
            ) : (
              <label>
                <input type="checkbox" name="redact" value={p.part} /> {label(p.part)} ({t("privacy.fromSource.length", { count: p.length })})
              </label>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
