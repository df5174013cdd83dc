import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { periodContaining, periodsBetween, parsePeriod, shiftPeriod, type Period } from "../statistics/periods.ts";
import { statisticsCategory, statisticsCategoryOption, statisticsDataElement, statisticsDataSet, statisticsSubmission, statisticsSubmissionEvent, statisticsValue } from "../statistics/tables.ts";
import { comboKeys, TOTAL_KEY, type CategoryShape, type SubmissionStatus } from "../statistics/vocabulary.ts";
import { addDays, quebecDay } from "../time/days.ts";

/*
 * Fictional aggregate statistics (issue 13 §2): the Table's reporting organizations' quarterly
 * counts 2008–2012 (approved), of plausible sizes with some small cells that disclosure control
 * hides, and the current data set's last ended quarter in every lifecycle state.
 */

const CATEGORIES = [
  { code: "age", nameFr: "Tranche d'âge", nameEn: "Age band", options: [["a12_13", "12 à 13 ans", "12 to 13 years"], ["a14_15", "14 à 15 ans", "14 to 15 years"], ["a16_17", "16 à 17 ans", "16 to 17 years"]] },
  { code: "gender", nameFr: "Genre", nameEn: "Gender", options: [["f", "Fille", "Girl"], ["g", "Garçon", "Boy"], ["x", "Autre ou non précisé", "Other or not stated"]] },
  { code: "source", nameFr: "Source de référence", nameEn: "Referral source", options: [["school", "Milieu scolaire", "School"], ["police", "Police", "Police"], ["family", "Famille ou proches", "Family or friends"], ["other", "Autre", "Other"]] },
] as const;

const ELEMENTS = [
  { code: "concern_raised", nameFr: "Jeunes pour qui une préoccupation d'exploitation sexuelle a été soulevée", nameEn: "Youths for whom a concern of sexual exploitation was raised", categories: ["age", "gender"], indicator: "stats_concern_raised" },
  { code: "dpj_reports", nameFr: "Signalements à la DPJ", nameEn: "Reports to the DPJ", categories: ["age"], indicator: "stats_dpj_reports" },
  { code: "pivot_accompanied", nameFr: "Jeunes accompagnés par un pivot", nameEn: "Youths accompanied by a pivot", categories: ["source"], indicator: "stats_pivot_accompanied" },
] as const;

/** Typical quarterly size of the first element per organization (acronym); TRAIC stays small. */
const SIZES: Record<string, number> = { "CJQ-IU": 14, SPVQ: 8, PIPQ: 5, TRAIC: 2, "CSSS VC": 4, "CSSS QN": 3 };

/** A deterministic generator: the demo is the same on every start. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

export async function seedStatisticsDemo(tx: Database, partnershipId: string, now: Date = new Date()): Promise<void> {
  const orgs = await tx
    .select({ id: organization.id, acronym: organization.acronym })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), inArray(organization.acronym, Object.keys(SIZES))));
  if (orgs.length === 0) return;
  const categories = new Map<string, CategoryShape>();
  for (const c of CATEGORIES) {
    const [row] = await tx.insert(statisticsCategory).values({ partnershipId, code: c.code, nameFr: c.nameFr, nameEn: c.nameEn }).returning({ id: statisticsCategory.id });
    const options = await tx
      .insert(statisticsCategoryOption)
      .values(c.options.map(([code, nameFr, nameEn], i) => ({ partnershipId, categoryId: row!.id, code, nameFr, nameEn, position: i + 1 })))
      .returning({ id: statisticsCategoryOption.id, code: statisticsCategoryOption.code, nameFr: statisticsCategoryOption.nameFr, nameEn: statisticsCategoryOption.nameEn });
    categories.set(c.code, { id: row!.id, code: c.code, nameFr: c.nameFr, nameEn: c.nameEn, options });
  }
  const types = ["youth_protection", "police", "community", "health_social_services"] as const;
  const today = quebecDay(now);
  const current = shiftPeriod(periodContaining(today, "quarter"), -1);
  const sets = await tx
    .insert(statisticsDataSet)
    .values([
      { partnershipId, nameFr: "Statistiques trimestrielles 2008–2012", nameEn: "Quarterly statistics 2008–2012", periodType: "quarter", organizationTypes: [...types], entryWindowDays: 100, timelinessDays: 45, firstPeriod: "2008Q1", lastPeriod: "2012Q4" },
      { partnershipId, nameFr: "Statistiques trimestrielles", nameEn: "Quarterly statistics", periodType: "quarter", organizationTypes: [...types], entryWindowDays: 100, timelinessDays: 45, firstPeriod: shiftPeriod(current, -1).key },
    ])
    .returning({ id: statisticsDataSet.id });
  const elementsOf = new Map<string, { id: string; cats: CategoryShape[] }[]>();
  for (const set of sets) {
    const rows = [];
    for (const [i, e] of ELEMENTS.entries()) {
      const cats = e.categories.map((c) => categories.get(c)!);
      const [row] = await tx
        .insert(statisticsDataElement)
        .values({ partnershipId, dataSetId: set.id, code: e.code, nameFr: e.nameFr, nameEn: e.nameEn, categoryIds: cats.map((c) => c.id), indicatorCode: e.indicator, position: i + 1 })
        .returning({ id: statisticsDataElement.id });
      rows.push({ id: row!.id, cats });
    }
    elementsOf.set(set.id, rows);
  }
  const random = generator(2008);
  const report = async (setId: string, org: { id: string; acronym: string }, period: Period, status: SubmissionStatus, fill: "all" | "first" = "all", comment = "") => {
    const due = addDays(period.to, 45);
    const submittedDay = status === "draft" ? null : random() < 0.85 ? addDays(period.to, 10 + Math.floor(random() * 30)) : addDays(due, 3 + Math.floor(random() * 20));
    const at = submittedDay ? new Date(`${submittedDay}T15:00:00Z`) : null;
    const [sub] = await tx
      .insert(statisticsSubmission)
      .values({ partnershipId, organizationId: org.id, dataSetId: setId, periodKey: period.key, periodFrom: period.from, periodTo: period.to, status, firstSubmittedAt: at, submittedAt: at, decidedAt: status === "approved" || status === "returned" || status === "reopened" ? at : null, comment })
      .returning({ id: statisticsSubmission.id });
    const values = [];
    const base = SIZES[org.acronym] ?? 3;
    for (const [i, e] of elementsOf.get(setId)!.entries()) {
      if (fill === "first" && i > 0) break;
      const size = Math.max(0, Math.round(base * [1, 0.45, 0.6][i]! * (0.6 + random() * 0.8)));
      const keys = comboKeys(e.cats).map((c) => c.key);
      const cells = keys.map(() => 0);
      for (let n = 0; n < size; n++) cells[Math.floor(random() * keys.length)]! += 1;
      keys.forEach((key, k) => values.push({ partnershipId, organizationId: org.id, submissionId: sub!.id, dataElementId: e.id, comboKey: key, value: cells[k]! }));
      values.push({ partnershipId, organizationId: org.id, submissionId: sub!.id, dataElementId: e.id, comboKey: TOTAL_KEY, value: size });
    }
    await tx.insert(statisticsValue).values(values);
    if (at) await tx.insert(statisticsSubmissionEvent).values({ partnershipId, submissionId: sub!.id, kind: "submitted", createdAt: at });
    if (status !== "draft" && status !== "submitted" && at) await tx.insert(statisticsSubmissionEvent).values({ partnershipId, submissionId: sub!.id, kind: status === "reopened" ? "approved" : status, comment: status === "returned" ? comment : "", createdAt: new Date(at.getTime() + 86_400_000) });
    if (status === "reopened" && at) await tx.insert(statisticsSubmissionEvent).values({ partnershipId, submissionId: sub!.id, kind: "reopened", comment, createdAt: new Date(at.getTime() + 2 * 86_400_000) });
  };
  const [history, live] = sets as [{ id: string }, { id: string }];
  for (const period of periodsBetween(parsePeriod("2008Q1", "quarter")!, parsePeriod("2012Q4", "quarter")!)) for (const org of orgs) await report(history.id, org, period, "approved");
  const byAcronym = new Map(orgs.map((o) => [o.acronym, o]));
  for (const org of orgs) await report(live.id, org, shiftPeriod(current, -1), "approved");
  const states: [string, SubmissionStatus, string][] = [
    ["SPVQ", "submitted", ""],
    ["PIPQ", "returned", "Le total des jeunes accompagnés semble inclure le trimestre précédent : à vérifier."],
    ["TRAIC", "approved", ""],
    ["CSSS VC", "reopened", "Deux signalements comptés en double, à corriger."],
  ];
  for (const [acronym, status, comment] of states) {
    const org = byAcronym.get(acronym);
    if (org) await report(live.id, org, current, status, "all", comment);
  }
  // CJQ-IU's delegate has started the quarter (first section only); CSSS QN has not started.
  const cjq = byAcronym.get("CJQ-IU");
  if (cjq) await report(live.id, cjq, current, "draft", "first");
}
