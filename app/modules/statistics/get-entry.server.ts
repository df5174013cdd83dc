import type { Database } from "../db/client.server.ts";
import { listElements, loadDataSet } from "./list-definitions.server.ts";
import { isOpenForEntry, periodCalendar, type Period } from "./periods.ts";
import { findSubmission, historyOf, periodOfSet, previousTotals, reportingOrganization, valuesOf } from "./submissions.server.ts";
import { comboKeys, editableStatuses } from "./vocabulary.ts";

/**
 * An organization's report for one data set and period, as its entry page shows it: the grids,
 * the values saved, the previous period's totals (for the jump warning), the calendar and the
 * history. Null when the data set, period or organization is not one of the Table's (a 404).
 */
export async function getEntry(db: Database, input: { partnershipId: string; dataSetId: string; organizationId: string; periodKey: string; today: string }) {
  const set = await loadDataSet(db, input.partnershipId, input.dataSetId);
  if (!set || !set.active) return null;
  const period: Period | null = periodOfSet(set, input.periodKey);
  if (!period) return null;
  const org = await reportingOrganization(db, set, input.organizationId);
  if (!org) return null;
  const [elements, submission, previous] = await Promise.all([
    listElements(db, input.partnershipId, set.id),
    findSubmission(db, input.partnershipId, { dataSetId: set.id, organizationId: org.id, periodKey: period.key }),
    previousTotals(db, set, org.id, period),
  ]);
  const values = submission ? await valuesOf(db, input.partnershipId, submission.id) : {};
  const open = isOpenForEntry(period, set, input.today);
  const status = submission?.status ?? "draft";
  return {
    set: { id: set.id, nameFr: set.nameFr, nameEn: set.nameEn, periodType: set.periodType },
    period,
    calendar: periodCalendar(period, set),
    organization: { id: org.id, nameFr: org.nameFr, nameEn: org.nameEn },
    elements: elements.map((e) => ({
      id: e.id,
      code: e.code,
      nameFr: e.nameFr,
      nameEn: e.nameEn,
      categories: e.categories,
      cells: comboKeys(e.categories).map((c) => c.key),
      values: values[e.id] ?? {},
      previousTotal: previous[e.id] ?? null,
    })),
    submission: submission ? { id: submission.id, status: submission.status, version: submission.version, comment: submission.comment, submittedAt: submission.submittedAt?.toISOString() ?? null } : null,
    version: submission?.version ?? 0,
    open,
    editable: editableStatuses.includes(status) && (status !== "draft" || open),
    history: submission ? await historyOf(db, input.partnershipId, [submission.id]) : [],
  };
}
export type Entry = NonNullable<Awaited<ReturnType<typeof getEntry>>>;
