import { diffLines, type DiffLine } from "./diff-lines.ts";
import { pathwayLanguages, pathwayTextKeys, textsOf, type PathwayLanguage, type PathwayTextKey } from "./steps.ts";
import type { PathwayContent } from "./tables.ts";

export interface TextComparison {
  language: PathwayLanguage;
  key: PathwayTextKey;
  changed: boolean;
  lines: DiffLine[];
}

/** Per text and language, the line diff from one version to another (unchanged texts flagged). */
export function compareContents(from: PathwayContent, to: PathwayContent): TextComparison[] {
  return pathwayLanguages.flatMap((language) => {
    const a = textsOf(from, language);
    const b = textsOf(to, language);
    return pathwayTextKeys.map((key) => ({
      language,
      key,
      changed: a[key] !== b[key],
      lines: a[key] === b[key] ? [] : diffLines(a[key], b[key]),
    }));
  });
}
