import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, invalidFields, missing, ok, refusal, type Conflict, type Invalid, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { listElements, loadDataSet } from "./list-definitions.server.ts";
import { isOpenForEntry } from "./periods.ts";
import { findSubmission, periodOfSet, previousTotals, recordReportEvent, reportingOrganization, type ReportAccess } from "./submissions.server.ts";
import { statisticsSubmission, statisticsValue } from "./tables.ts";
import { checkSection } from "./validate-counts.ts";
import { editableStatuses } from "./vocabulary.ts";

export interface SectionInput {
  dataSetId: string;
  organizationId: string;
  periodKey: string;
  elementId: string;
  /** The report's version the form was drawn from; 0 when there was no report yet. */
  version: number;
  posted: Record<string, string | string[] | undefined>;
  /** The reporter ticked "these figures are right" under a jump warning. */
  confirmJump: boolean;
  today: string;
}

export type SaveRefusal = "statistics.entry.closed" | "statistics.entry.locked" | "statistics.entry.jump";

/**
 * Saves one section (one data element's grid) of an organization's report, creating the report
 * on its first save. Counts only; the validation rules are `checkSection`'s. A jump from the
 * previous period is refused until confirmed; a locked (approved) or submitted report is not
 * changed; a new report is accepted only inside the entry window.
 */
export async function saveSection(db: Database, actor: AuditActor, access: ReportAccess, input: SectionInput): Promise<Ok<string> | NotFound | Conflict | Invalid | Refused<SaveRefusal>> {
  return db.transaction(async (tx) => {
    if (access.organizationId !== null && access.organizationId !== input.organizationId) return missing();
    const set = await loadDataSet(tx, access.partnershipId, input.dataSetId);
    if (!set || !set.active) return missing();
    const period = periodOfSet(set, input.periodKey);
    if (!period || !(await reportingOrganization(tx, set, input.organizationId))) return missing();
    const element = (await listElements(tx, access.partnershipId, set.id)).find((e) => e.id === input.elementId);
    if (!element) return missing();
    let submission = await findSubmission(tx, access.partnershipId, { dataSetId: set.id, organizationId: input.organizationId, periodKey: period.key }, true);
    if (submission ? submission.version !== input.version : input.version !== 0) return conflict();
    if (submission && !editableStatuses.includes(submission.status)) return refusal("statistics.entry.locked");
    if ((!submission || submission.status === "draft") && !isOpenForEntry(period, set, input.today)) return refusal("statistics.entry.closed");
    const checked = checkSection(element.categories, input.posted, (await previousTotals(tx, set, input.organizationId, period))[element.id] ?? null);
    if (Object.keys(checked.errors).length) return invalidFields(checked.errors, "form.errors");
    if (checked.jump && !input.confirmJump) return refusal("statistics.entry.jump", checked.jump, { confirmJump: ["statistics.entry.jump"] });
    if (!submission) {
      const [created] = await tx
        .insert(statisticsSubmission)
        .values({ partnershipId: access.partnershipId, organizationId: input.organizationId, dataSetId: set.id, periodKey: period.key, periodFrom: period.from, periodTo: period.to })
        .onConflictDoNothing()
        .returning();
      if (!created) return conflict();
      submission = created;
    } else {
      await tx
        .update(statisticsSubmission)
        .set({ version: sql`${statisticsSubmission.version} + 1`, updatedAt: new Date() })
        .where(eq(statisticsSubmission.id, submission.id));
    }
    await tx.delete(statisticsValue).where(and(eq(statisticsValue.submissionId, submission.id), eq(statisticsValue.dataElementId, element.id)));
    const rows = [...checked.values].map(([comboKey, value]) => ({ partnershipId: access.partnershipId, organizationId: input.organizationId, submissionId: submission.id, dataElementId: element.id, comboKey, value }));
    if (rows.length) await tx.insert(statisticsValue).values(rows);
    await recordReportEvent(tx, actor, access, submission, "saved", "", { element: element.code, cells: rows.length, jumpConfirmed: checked.jump !== null });
    return ok(submission.id);
  });
}
