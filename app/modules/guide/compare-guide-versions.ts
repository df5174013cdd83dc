import { diffLines, type DiffLine } from "../pathway/diff-lines.ts";
import type { GuideLanguage, GuideSectionContent } from "./vocabulary.ts";
import { guideLanguages, localizeExercise } from "./vocabulary.ts";

export interface GuideTextDiff {
  language: GuideLanguage;
  part: "title" | "body" | "exercises";
  changed: boolean;
  lines: DiffLine[];
}

/** Exercises as lines, so a changed duration or objective shows as one changed line. */
function exercisesText(content: GuideSectionContent, language: GuideLanguage): string {
  return content.exercises
    .map((e) => localizeExercise(e, language))
    .map((e) => [`# ${e.title} (${e.durationMinutes} min)`, e.objectives, e.material, e.instructions].filter(Boolean).join("\n"))
    .join("\n\n");
}

export function compareGuideContents(from: GuideSectionContent, to: GuideSectionContent): GuideTextDiff[] {
  const out: GuideTextDiff[] = [];
  for (const language of guideLanguages) {
    const en = language === "en";
    const pairs = [
      ["title", en ? from.titleEn : from.titleFr, en ? to.titleEn : to.titleFr],
      ["body", en ? from.bodyEn : from.bodyFr, en ? to.bodyEn : to.bodyFr],
      ["exercises", exercisesText(from, language), exercisesText(to, language)],
    ] as const;
    for (const [part, a, b] of pairs) out.push({ language, part, changed: a !== b, lines: diffLines(a, b) });
  }
  return out;
}
