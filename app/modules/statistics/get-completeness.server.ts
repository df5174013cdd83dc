import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { quebecDay } from "../time/days.ts";
import { expectedOrganizations, expectedPeriods } from "./get-overview.server.ts";
import { loadDataSet } from "./list-definitions.server.ts";
import { periodCalendar, type Period } from "./periods.ts";
import { statisticsSubmission } from "./tables.ts";
import type { SubmissionStatus } from "./vocabulary.ts";

/** Where one organization's report for a period stands, for completeness and timeliness. */
export type Timeliness = "on_time" | "late" | "awaiting" | "missing";

export interface CompletenessRow {
  period: Period;
  dueOn: string;
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  /** Not submitted and the deadline has passed. */
  missing: number;
  /** Not submitted yet, the deadline still ahead. */
  awaiting: number;
}

export interface OrganizationLine {
  organization: { id: string; nameFr: string; nameEn: string };
  submissionId: string | null;
  status: SubmissionStatus | null;
  firstSubmittedOn: string | null;
  timeliness: Timeliness;
}

function judge(firstSubmittedAt: Date | null, dueOn: string, today: string): Timeliness {
  if (firstSubmittedAt) return quebecDay(firstSubmittedAt) <= dueOn ? "on_time" : "late";
  return today <= dueOn ? "awaiting" : "missing";
}

/**
 * Completeness (reports received over reports expected) and timeliness (received by the deadline)
 * per period of a data set, and, for one period, per organization. A report counts as received
 * from its first submission (returned or reopened later, it was still received then).
 */
export async function getCompleteness(db: Database, partnershipId: string, dataSetId: string, periodKey: string | null, today: string, count = 8) {
  const set = await loadDataSet(db, partnershipId, dataSetId);
  if (!set) return null;
  const periods = expectedPeriods(set, today, count);
  const rows: CompletenessRow[] = [];
  const lines = new Map<string, OrganizationLine[]>();
  for (const period of periods) {
    const { dueOn } = periodCalendar(period, set);
    const orgs = await expectedOrganizations(db, set, period);
    const subs = orgs.length
      ? await db
          .select({ id: statisticsSubmission.id, organizationId: statisticsSubmission.organizationId, status: statisticsSubmission.status, first: statisticsSubmission.firstSubmittedAt })
          .from(statisticsSubmission)
          .where(and(eq(statisticsSubmission.partnershipId, partnershipId), eq(statisticsSubmission.dataSetId, set.id), eq(statisticsSubmission.periodKey, period.key), inArray(statisticsSubmission.organizationId, orgs.map((o) => o.id))))
      : [];
    const byOrg = new Map(subs.map((s) => [s.organizationId, s]));
    const periodLines = orgs.map((o): OrganizationLine => {
      const s = byOrg.get(o.id);
      return { organization: { id: o.id, nameFr: o.nameFr, nameEn: o.nameEn }, submissionId: s?.id ?? null, status: s?.status ?? null, firstSubmittedOn: s?.first ? quebecDay(s.first) : null, timeliness: judge(s?.first ?? null, dueOn, today) };
    });
    lines.set(period.key, periodLines);
    const n = (t: Timeliness) => periodLines.filter((l) => l.timeliness === t).length;
    rows.push({ period, dueOn, expected: orgs.length, submitted: n("on_time") + n("late"), onTime: n("on_time"), late: n("late"), missing: n("missing"), awaiting: n("awaiting") });
  }
  const selected = periods.find((p) => p.key === periodKey) ?? periods[0] ?? null;
  return { set: { id: set.id, nameFr: set.nameFr, nameEn: set.nameEn }, rows, selected, organizations: selected ? (lines.get(selected.key) ?? []) : [] };
}
