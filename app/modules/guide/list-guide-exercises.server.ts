import type { Database } from "../db/client.server.ts";
import { listGuideModules, listGuideSections } from "./read-guide.server.ts";
import type { GuideModuleKind } from "./vocabulary.ts";

export interface GuideExerciseRef {
  /** Stable across versions of the section. */
  key: string;
  sectionId: string;
  moduleKind: GuideModuleKind;
  titleFr: string;
  titleEn: string;
  durationMinutes: number;
  /** Where a reader finds it: the section page, anchored on the exercise. */
  href: string;
}

/**
 * The exercises of the Table's published guide, for attaching them to training sessions:
 * a session stores the exercise `key` (and the section id) and links to `href`.
 */
export async function listGuideExercises(db: Database, partnershipId: string): Promise<GuideExerciseRef[]> {
  const modules = await listGuideModules(db, partnershipId);
  const sections = await listGuideSections(db, partnershipId);
  const out: GuideExerciseRef[] = [];
  for (const m of modules) {
    for (const s of sections.filter((x) => x.moduleId === m.id && x.published)) {
      for (const e of s.published!.content.exercises) {
        out.push({
          key: e.key,
          sectionId: s.id,
          moduleKind: m.kind,
          titleFr: e.titleFr,
          titleEn: e.titleEn || e.titleFr,
          durationMinutes: e.durationMinutes,
          href: `/guide/sections/${s.id}#exercise-${e.key}`,
        });
      }
    }
  }
  return out;
}
