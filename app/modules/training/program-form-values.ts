import type { ProgramDay } from "./vocabulary.ts";

/** What the program editor shows: a program, or what a refused post sent back. */
export interface ProgramFormValues {
  nameFr: string;
  nameEn: string;
  summaryFr: string;
  summaryEn: string;
  guideModules: string[];
  days: ProgramDay[];
}

/** The form values back from a refused post (readForm's values), so nothing typed is lost. */
export function programValuesFrom(form: Record<string, string | string[] | undefined>): ProgramFormValues {
  const s = (k: string) => {
    const v = form[k];
    return typeof v === "string" ? v : "";
  };
  const days: ProgramDay[] = [];
  for (let i = 0; i < 5; i++) {
    const d = { titleFr: s(`day${i}.titleFr`), titleEn: s(`day${i}.titleEn`), objectivesFr: s(`day${i}.objectivesFr`).split("\n").filter((l) => l.trim()), objectivesEn: s(`day${i}.objectivesEn`).split("\n").filter((l) => l.trim()) };
    if (d.titleFr || d.titleEn || d.objectivesFr.length || d.objectivesEn.length) days.push(d);
  }
  const modules = form.guideModules;
  return { nameFr: s("nameFr"), nameEn: s("nameEn"), summaryFr: s("summaryFr"), summaryEn: s("summaryEn"), guideModules: Array.isArray(modules) ? modules : modules ? [modules] : [], days };
}
