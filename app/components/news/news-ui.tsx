import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";

interface Titled {
  kind: "article" | "guide_update";
  title: string;
  sectionTitleFr: string | null;
  sectionTitleEn: string | null;
}

/** A news item's title as the reader reads it: a guide update is titled from its section, in their language. */
export function useNewsTitle() {
  const { t, locale } = useT();
  return (item: Titled) => {
    if (item.kind !== "guide_update") return item.title;
    const en = item.sectionTitleEn?.trim();
    const section = locale === "en" && en ? en : (item.sectionTitleFr ?? item.title);
    return t("news.guideUpdate.title", { section });
  };
}

export function NewsKind({ kind }: { kind: Titled["kind"] }) {
  const { t } = useT();
  return <span className="badge">{t(`news.kind.${kind}` as MessageKey)}</span>;
}

/** Plain text as paragraphs (a blank line separates them), line breaks kept. */
export function PlainText({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i} className="news-paragraph">
          {p.split("\n").map((line, j) => (
            <span key={j}>
              {j ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
