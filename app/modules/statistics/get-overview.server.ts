import { and, asc, desc, eq, inArray, isNull, lte, or, gte } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { listDataSets, type DataSetRow } from "./list-definitions.server.ts";
import { addDays } from "../time/days.ts";
import { isOpenForEntry, parsePeriod, periodCalendar, recentPeriods, type Period } from "./periods.ts";
import { statisticsSubmission } from "./tables.ts";
import type { SubmissionStatus } from "./vocabulary.ts";

/** The recent periods of a data set that are expected (not before its first period), newest first. */
export function expectedPeriods(set: DataSetRow, today: string, count: number): Period[] {
  const first = parsePeriod(set.firstPeriod, set.periodType);
  const last = set.lastPeriod ? parsePeriod(set.lastPeriod, set.periodType) : null;
  // A data set that has ended lists its last periods, not today's.
  const end = last && last.to < today ? addDays(last.to, 1) : today;
  return recentPeriods(set.periodType, end, count).filter((p) => first && p.from >= first.from);
}

/** Organizations of the Table that report a data set during a period (of its types, not gone before it starts). */
export async function expectedOrganizations(db: Database, set: DataSetRow, period: Period) {
  return db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, type: organization.type })
    .from(organization)
    .where(
      and(
        eq(organization.partnershipId, set.partnershipId),
        inArray(organization.type, set.organizationTypes),
        or(isNull(organization.leftOn), gte(organization.leftOn, period.from)),
        or(isNull(organization.joinedOn), lte(organization.joinedOn, period.to)),
      ),
    )
    .orderBy(asc(organization.nameFr));
}

export interface ReporterRow {
  set: { id: string; nameFr: string; nameEn: string };
  organization: { id: string; nameFr: string; nameEn: string };
  periods: { key: string; from: string; to: string; dueOn: string; open: boolean; status: SubmissionStatus | null }[];
}

/** What a reporter sees: for each organization they report for, each data set its type reports, the last periods and where each stands. */
export async function reporterOverview(db: Database, partnershipId: string, organizationIds: readonly string[], today: string): Promise<ReporterRow[]> {
  if (!organizationIds.length) return [];
  const sets = (await listDataSets(db, partnershipId)).filter((s) => s.active);
  const orgs = await db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, type: organization.type })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), inArray(organization.id, [...organizationIds])));
  const out: ReporterRow[] = [];
  for (const org of orgs) {
    for (const set of sets.filter((s) => s.organizationTypes.includes(org.type))) {
      const periods = expectedPeriods(set, today, 6);
      const subs = await db
        .select({ key: statisticsSubmission.periodKey, status: statisticsSubmission.status })
        .from(statisticsSubmission)
        .where(and(eq(statisticsSubmission.partnershipId, partnershipId), eq(statisticsSubmission.dataSetId, set.id), eq(statisticsSubmission.organizationId, org.id), inArray(statisticsSubmission.periodKey, periods.map((p) => p.key).concat(["-"]))));
      const statusOf = new Map(subs.map((s) => [s.key, s.status]));
      out.push({
        set: { id: set.id, nameFr: set.nameFr, nameEn: set.nameEn },
        organization: { id: org.id, nameFr: org.nameFr, nameEn: org.nameEn },
        periods: periods.map((p) => ({ key: p.key, from: p.from, to: p.to, dueOn: periodCalendar(p, set).dueOn, open: isOpenForEntry(p, set, today), status: statusOf.get(p.key) ?? null })),
      });
    }
  }
  return out;
}

/** The Table coordinator's queue: reports waiting for approval, oldest first. */
export async function reviewQueue(db: Database, partnershipId: string) {
  const rows = await db
    .select({ id: statisticsSubmission.id, periodKey: statisticsSubmission.periodKey, submittedAt: statisticsSubmission.submittedAt, dataSetId: statisticsSubmission.dataSetId, orgFr: organization.nameFr, orgEn: organization.nameEn })
    .from(statisticsSubmission)
    .innerJoin(organization, eq(organization.id, statisticsSubmission.organizationId))
    .where(and(eq(statisticsSubmission.partnershipId, partnershipId), eq(statisticsSubmission.status, "submitted")))
    .orderBy(asc(statisticsSubmission.submittedAt))
    .limit(100);
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null }));
}

/** Recent corrections (reopened reports), newest first: the coordinator sees what was unlocked. */
export async function reopenedReports(db: Database, partnershipId: string) {
  return db
    .select({ id: statisticsSubmission.id, periodKey: statisticsSubmission.periodKey, orgFr: organization.nameFr, orgEn: organization.nameEn, reason: statisticsSubmission.comment })
    .from(statisticsSubmission)
    .innerJoin(organization, eq(organization.id, statisticsSubmission.organizationId))
    .where(and(eq(statisticsSubmission.partnershipId, partnershipId), eq(statisticsSubmission.status, "reopened")))
    .orderBy(desc(statisticsSubmission.updatedAt))
    .limit(50);
}
