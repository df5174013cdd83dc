import type { Database } from "../db/client.server.ts";
import { listGuideModules, listGuideSections, type GuideModuleRow } from "./read-guide.server.ts";
import { localizeExercise, readerLanguage, type GuideLanguage, type LocalizedExercise, type TranslationStatus } from "./vocabulary.ts";

/** A published section as one reader gets it. */
export interface ReaderSection {
  id: string;
  title: string;
  body: string;
  exercises: LocalizedExercise[];
  /** The language actually shown (French when the English text is not there yet). */
  language: GuideLanguage;
  translationStatus: TranslationStatus;
  number: number;
  publishedAt: Date | null;
  isDemo: boolean;
}

export interface ReaderModule {
  id: string;
  kind: GuideModuleRow["kind"];
  title: string;
  summary: string;
  isDemo: boolean;
  sections: ReaderSection[];
}

export function toReaderSection(
  entry: { id: string; isDemo: boolean; published: NonNullable<Awaited<ReturnType<typeof listGuideSections>>[number]["published"]> },
  wanted: GuideLanguage,
): ReaderSection {
  const v = entry.published;
  const language = readerLanguage(wanted, v.translationStatus, v.content);
  const en = language === "en";
  return {
    id: entry.id,
    title: en ? v.content.titleEn : v.content.titleFr,
    body: en ? v.content.bodyEn : v.content.bodyFr,
    exercises: v.content.exercises.map((e) => localizeExercise(e, language)),
    language,
    translationStatus: v.translationStatus,
    number: v.number,
    publishedAt: v.publishedAt,
    isDemo: entry.isDemo,
  };
}

/** The published guide of a Table (or one module) in the reader's language: what print and PDF show. */
export async function getPublishedGuide(
  db: Database,
  partnershipId: string,
  wanted: GuideLanguage,
  moduleId?: string,
): Promise<ReaderModule[]> {
  const modules = (await listGuideModules(db, partnershipId)).filter((m) => !moduleId || m.id === moduleId);
  const sections = await listGuideSections(db, partnershipId, moduleId);
  return modules.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: wanted === "en" ? m.titleEn : m.titleFr,
    summary: wanted === "en" ? m.summaryEn : m.summaryFr,
    isDemo: m.isDemo,
    sections: sections
      .filter((s) => s.moduleId === m.id)
      .flatMap((s) => (s.published ? [toReaderSection({ id: s.id, isDemo: s.isDemo, published: s.published }, wanted)] : [])),
  }));
}
