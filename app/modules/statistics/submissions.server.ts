import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import type { DataSetRow } from "./list-definitions.server.ts";
import { parsePeriod, shiftPeriod, type Period } from "./periods.ts";
import { statisticsDataSet, statisticsSubmission, statisticsSubmissionEvent, statisticsValue } from "./tables.ts";
import { TOTAL_KEY, type EventKind } from "./vocabulary.ts";

export type SubmissionRow = typeof statisticsSubmission.$inferSelect;

/** Who acts on a report: the Table, the person, and, for a reporter, the organization they answer for. */
export interface ReportAccess {
  partnershipId: string;
  personId: string;
  /** null: the Table coordinator (any organization of the Table). */
  organizationId: string | null;
}

/** The organization, if it belongs to the Table and its type reports this data set. */
export async function reportingOrganization(db: Database, set: DataSetRow, organizationId: string) {
  const [row] = await db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, type: organization.type })
    .from(organization)
    .where(and(eq(organization.partnershipId, set.partnershipId), eq(organization.id, organizationId)));
  return row && set.organizationTypes.includes(row.type) ? row : null;
}

/** The period a key names in this data set, not before its first period. */
export function periodOfSet(set: DataSetRow, key: string): Period | null {
  const period = parsePeriod(key, set.periodType);
  const first = parsePeriod(set.firstPeriod, set.periodType);
  const last = set.lastPeriod ? parsePeriod(set.lastPeriod, set.periodType) : null;
  if (!period || !first || period.from < first.from || (last && period.from > last.from)) return null;
  return period;
}

export async function findSubmission(db: Database, partnershipId: string, key: { dataSetId: string; organizationId: string; periodKey: string }, lock = false): Promise<SubmissionRow | null> {
  const q = db
    .select()
    .from(statisticsSubmission)
    .where(
      and(
        eq(statisticsSubmission.partnershipId, partnershipId),
        eq(statisticsSubmission.dataSetId, key.dataSetId),
        eq(statisticsSubmission.organizationId, key.organizationId),
        eq(statisticsSubmission.periodKey, key.periodKey),
      ),
    );
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/** A report by id, scoped to the Table and, for a reporter, to their organization (else: null, like a missing one). */
export async function loadSubmission(db: Database, access: ReportAccess, id: string, lock = false): Promise<SubmissionRow | null> {
  const q = db
    .select()
    .from(statisticsSubmission)
    .where(
      and(
        eq(statisticsSubmission.partnershipId, access.partnershipId),
        eq(statisticsSubmission.id, id),
        access.organizationId === null ? undefined : eq(statisticsSubmission.organizationId, access.organizationId),
      ),
    );
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

export async function loadSetOf(db: Database, submission: SubmissionRow): Promise<DataSetRow> {
  const [set] = await db.select().from(statisticsDataSet).where(and(eq(statisticsDataSet.partnershipId, submission.partnershipId), eq(statisticsDataSet.id, submission.dataSetId)));
  return set!;
}

/** The report's values: element id → combo key → count. */
export async function valuesOf(db: Database, partnershipId: string, submissionId: string): Promise<Record<string, Record<string, number>>> {
  const rows = await db
    .select({ elementId: statisticsValue.dataElementId, key: statisticsValue.comboKey, value: statisticsValue.value })
    .from(statisticsValue)
    .where(and(eq(statisticsValue.partnershipId, partnershipId), eq(statisticsValue.submissionId, submissionId)));
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.elementId] ??= {})[r.key] = r.value;
  return out;
}

/** The previous period's totals of the same organization (a report submitted at least once), element id → total. */
export async function previousTotals(db: Database, set: DataSetRow, organizationId: string, period: Period): Promise<Record<string, number>> {
  const previous = shiftPeriod(period, -1);
  const rows = await db
    .select({ elementId: statisticsValue.dataElementId, value: statisticsValue.value })
    .from(statisticsValue)
    .innerJoin(statisticsSubmission, eq(statisticsSubmission.id, statisticsValue.submissionId))
    .where(
      and(
        eq(statisticsSubmission.partnershipId, set.partnershipId),
        eq(statisticsSubmission.dataSetId, set.id),
        eq(statisticsSubmission.organizationId, organizationId),
        eq(statisticsSubmission.periodKey, previous.key),
        isNotNull(statisticsSubmission.firstSubmittedAt),
        eq(statisticsValue.comboKey, TOTAL_KEY),
      ),
    );
  return Object.fromEntries(rows.map((r) => [r.elementId, r.value]));
}

/** One line of history and its audit event, in the caller's transaction. */
export async function recordReportEvent(
  tx: Database,
  actor: AuditActor,
  access: ReportAccess,
  submission: Pick<SubmissionRow, "id" | "organizationId" | "periodKey" | "dataSetId">,
  kind: EventKind,
  comment = "",
  details: Record<string, string | number | boolean | null> = {},
) {
  await tx.insert(statisticsSubmissionEvent).values({ partnershipId: access.partnershipId, submissionId: submission.id, personId: access.personId, kind, comment, details });
  await recordAuditEvent(tx, actor, {
    action: `statistics_submission.${kind}`,
    targetType: "statistics_submission",
    targetId: submission.id,
    partnershipId: access.partnershipId,
    organizationId: submission.organizationId,
    details: { ...details, dataSetId: submission.dataSetId, period: submission.periodKey, withComment: comment.length > 0 },
  });
}

export interface HistoryLine {
  kind: EventKind;
  comment: string;
  details: Record<string, string | number | boolean | null>;
  at: string;
  who: string | null;
}

export async function historyOf(db: Database, partnershipId: string, submissionIds: readonly string[]): Promise<HistoryLine[]> {
  if (!submissionIds.length) return [];
  const rows = await db
    .select({ kind: statisticsSubmissionEvent.kind, comment: statisticsSubmissionEvent.comment, details: statisticsSubmissionEvent.details, at: statisticsSubmissionEvent.createdAt, given: person.givenName, family: person.familyName })
    .from(statisticsSubmissionEvent)
    .leftJoin(person, eq(person.id, statisticsSubmissionEvent.personId))
    .where(and(eq(statisticsSubmissionEvent.partnershipId, partnershipId), inArray(statisticsSubmissionEvent.submissionId, [...submissionIds])))
    .orderBy(asc(statisticsSubmissionEvent.createdAt));
  return rows.map((r) => ({ kind: r.kind, comment: r.comment, details: r.details, at: r.at.toISOString(), who: r.given ? `${r.given} ${r.family}` : null }));
}
