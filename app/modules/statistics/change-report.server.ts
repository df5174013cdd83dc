import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { listElements } from "./list-definitions.server.ts";
import { isOpenForEntry, parsePeriod } from "./periods.ts";
import { loadSetOf, loadSubmission, recordReportEvent, valuesOf, type ReportAccess } from "./submissions.server.ts";
import { statisticsSubmission } from "./tables.ts";
import { editableStatuses, TOTAL_KEY, type SubmissionStatus } from "./vocabulary.ts";

/*
 * The lifecycle: draft → submitted → approved (locked) or returned with a comment → corrected and
 * submitted again; an approved report is reopened only with a reason. Each step is audited with
 * its history line in the same transaction, and moves the report's version.
 */

export type ReportRefusal = "statistics.submit.notEditable" | "statistics.submit.missing" | "statistics.entry.closed" | "statistics.review.notSubmitted" | "statistics.reopen.notApproved";

async function move(tx: Database, id: string, status: SubmissionStatus, set: Partial<typeof statisticsSubmission.$inferInsert>) {
  await tx
    .update(statisticsSubmission)
    .set({ ...set, status, version: sql`${statisticsSubmission.version} + 1`, updatedAt: new Date() })
    .where(eq(statisticsSubmission.id, id));
}

/** The reporter submits: every data element needs at least its total (missing is not zero). */
export async function submitReport(db: Database, actor: AuditActor, access: ReportAccess, id: string, version: number, now: Date, today: string): Promise<Ok<string> | NotFound | Conflict | Refused<ReportRefusal>> {
  return db.transaction(async (tx) => {
    const report = await loadSubmission(tx, access, id, true);
    if (!report) return missing();
    if (report.version !== version) return conflict();
    if (!editableStatuses.includes(report.status)) return refusal("statistics.submit.notEditable");
    const set = await loadSetOf(tx, report);
    const period = parsePeriod(report.periodKey, set.periodType);
    if (report.status === "draft" && (!period || !isOpenForEntry(period, set, today))) return refusal("statistics.entry.closed");
    const elements = await listElements(tx, access.partnershipId, set.id);
    const values = await valuesOf(tx, access.partnershipId, id);
    const lacking = elements.filter((e) => values[e.id]?.[TOTAL_KEY] === undefined);
    if (lacking.length) return refusal("statistics.submit.missing", { count: lacking.length });
    await move(tx, id, "submitted", { submittedAt: now, firstSubmittedAt: report.firstSubmittedAt ?? now });
    await recordReportEvent(tx, actor, access, report, "submitted");
    return ok(id);
  });
}

/** The Table coordinator approves (which locks) or returns with a comment. */
export async function reviewReport(
  db: Database,
  actor: AuditActor,
  access: ReportAccess,
  id: string,
  input: { version: number; decision: "approve" | "return"; comment: string },
  now: Date,
): Promise<Ok<string> | NotFound | Conflict | Refused<ReportRefusal>> {
  return db.transaction(async (tx) => {
    const report = await loadSubmission(tx, { ...access, organizationId: null }, id, true);
    if (!report) return missing();
    if (report.version !== input.version) return conflict();
    if (report.status !== "submitted") return refusal("statistics.review.notSubmitted");
    const status = input.decision === "approve" ? "approved" : "returned";
    await move(tx, id, status, { decidedAt: now, decidedByPersonId: access.personId, comment: input.comment });
    await recordReportEvent(tx, actor, access, report, status, input.comment);
    return ok(id);
  });
}

/** A correction after the lock: the report opens again for its organization, with a mandatory reason. */
export async function reopenReport(db: Database, actor: AuditActor, access: ReportAccess, id: string, input: { version: number; reason: string }): Promise<Ok<string> | NotFound | Conflict | Refused<ReportRefusal>> {
  return db.transaction(async (tx) => {
    const report = await loadSubmission(tx, access, id, true);
    if (!report) return missing();
    if (report.version !== input.version) return conflict();
    if (report.status !== "approved") return refusal("statistics.reopen.notApproved");
    await move(tx, id, "reopened", { comment: input.reason });
    await recordReportEvent(tx, actor, access, report, "reopened", input.reason);
    return ok(id);
  });
}
