import type { Database } from "../db/client.server.ts";
import { foldText } from "../people/search-text.ts";
import { listGuideModules, listGuideSections } from "./read-guide.server.ts";
import { localizeExercise, readerLanguage, type GuideLanguage } from "./vocabulary.ts";

export interface GuideSearchHit {
  sectionId: string;
  moduleTitle: string;
  title: string;
  /** A short extract around the first match, in the language shown. */
  excerpt: string;
  language: GuideLanguage;
}

function plain(markdown: string): string {
  return markdown.replace(/[#*_`>|[\]()-]+/g, " ").replace(/\s+/g, " ").trim();
}

function excerptAround(text: string, foldedTerm: string): string {
  const folded = foldText(text);
  const at = Math.max(0, folded.indexOf(foldedTerm));
  const start = Math.max(0, at - 60);
  const end = Math.min(text.length, at + foldedTerm.length + 100);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

/**
 * Accent- and case-insensitive search in the published guide of one Table, in the text the
 * reader would get (their language, or French). The guide is small (tens of sections), so
 * folding in JavaScript on the published versions is simpler than an index and exact on
 * PGlite and PostgreSQL alike. foldText keeps string length for Latin text, so the excerpt
 * offsets line up.
 */
export async function searchGuide(db: Database, partnershipId: string, term: string, wanted: GuideLanguage): Promise<GuideSearchHit[]> {
  const needle = foldText(term.trim());
  if (needle.length < 2) return [];
  const modules = await listGuideModules(db, partnershipId);
  const sections = await listGuideSections(db, partnershipId);
  const hits: GuideSearchHit[] = [];
  for (const section of sections) {
    const v = section.published;
    if (!v) continue;
    const language = readerLanguage(wanted, v.translationStatus, v.content);
    const en = language === "en";
    const title = en ? v.content.titleEn : v.content.titleFr;
    const exercises = v.content.exercises.map((e) => localizeExercise(e, language));
    const parts = [
      title,
      plain(en ? v.content.bodyEn : v.content.bodyFr),
      ...exercises.flatMap((e) => [e.title, plain(e.objectives), plain(e.material), plain(e.instructions)]),
    ];
    const found = parts.find((p) => foldText(p).includes(needle));
    if (!found) continue;
    const mod = modules.find((m) => m.id === section.moduleId);
    hits.push({
      sectionId: section.id,
      moduleTitle: mod ? (wanted === "en" ? mod.titleEn : mod.titleFr) : "",
      title,
      excerpt: excerptAround(found, needle),
      language,
    });
  }
  return hits.slice(0, 50);
}
