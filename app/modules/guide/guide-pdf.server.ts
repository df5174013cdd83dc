import { formatDuration } from "../../i18n/format.ts";
import { startPdfDocument, type PdfContext } from "../pdf/pdf-document.server.ts";
import { writeRichText } from "../pdf/pdf-rich-text.server.ts";
import type { ReaderModule } from "./published-guide.server.ts";

/**
 * The published guide (or one module) as a PDF in the reader's language: each module starts a
 * page, sections and exercises follow with their headings; module and section titles also go
 * into the PDF outline, so readers can jump between them.
 */
export async function renderGuidePdf(modules: ReaderModule[], title: string, ctx: PdfContext): Promise<Buffer> {
  const { t, locale } = ctx;
  const w = startPdfDocument({ ...ctx, title });
  w.heading(title, 1);
  modules.forEach((mod, i) => {
    if (i > 0) w.newPage();
    const outline = w.heading(mod.title, 2, w.doc.outline);
    if (mod.isDemo) w.paragraph(t("guide.demoNotice"), { font: "italic", color: "#555555" });
    if (mod.summary) writeRichText(w, mod.summary);
    if (mod.sections.length === 0) w.paragraph(t("guide.module.empty"));
    for (const section of mod.sections) {
      w.heading(section.title, 3, outline);
      if (locale === "en" && section.language === "fr") w.paragraph(t("guide.section.frenchNotice"), { font: "italic", color: "#555555" });
      writeRichText(w, section.body, 4);
      for (const exercise of section.exercises) {
        w.heading(`${t("guide.exercise")} — ${exercise.title}`, 4);
        w.paragraph(t("guide.exercise.durationLine", { duration: formatDuration(locale, exercise.durationMinutes) }), { color: "#555555" });
        for (const [label, text] of [
          [t("guide.exercise.objectives"), exercise.objectives],
          [t("guide.exercise.material"), exercise.material],
          [t("guide.exercise.instructions"), exercise.instructions],
        ] as const) {
          if (!text.trim()) continue;
          w.paragraph([{ text: label, font: "semibold" }]);
          writeRichText(w, text, 4);
        }
      }
    }
  });
  return w.finish();
}
