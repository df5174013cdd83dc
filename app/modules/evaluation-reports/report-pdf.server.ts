import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { deleteFile, listFiles, storeFile } from "../files/stored-files.server.ts";
import type { Upload } from "../files/read-upload.server.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";
import { REPORT_FILE_OWNER } from "./create-report.server.ts";
import type { EvaluationAccess } from "./history.server.ts";
import { reportPdf } from "./list-reports.server.ts";
import { evaluationReport } from "./tables.ts";

/**
 * The evaluator attaches the report's PDF after filing it, or replaces it (a corrected version):
 * the report keeps one PDF, so an earlier upload is removed in the same transaction. The report's
 * version guards against two evaluators replacing it at once.
 */
export async function attachReportPdf(db: Database, actor: AuditActor, access: EvaluationAccess, reportId: string, version: number, upload: Upload): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const [report] = await tx.select({ version: evaluationReport.version }).from(evaluationReport).where(and(eq(evaluationReport.partnershipId, access.partnershipId), eq(evaluationReport.id, reportId))).for("update");
    if (!report) return missing();
    if (report.version !== version) return conflict();
    await tx.update(evaluationReport).set({ version: sql`${evaluationReport.version} + 1`, updatedAt: new Date() }).where(eq(evaluationReport.id, reportId));
    const owner = { partnershipId: access.partnershipId, ownerType: REPORT_FILE_OWNER, ownerId: reportId };
    const earlier = await listFiles(tx, owner);
    for (const file of earlier) await deleteFile(tx, owner, file.id);
    const stored = await storeFile(tx, owner, upload, access.personId);
    await recordAuditEvent(tx, actor, {
      action: "evaluation_report.pdf_attached",
      targetType: "evaluation_report",
      targetId: reportId,
      partnershipId: access.partnershipId,
      details: { fileId: stored.id, byteSize: stored.byteSize, sha256: stored.sha256, replaced: earlier.length > 0 },
    });
    return ok(reportId);
  });
}

/** The report's PDF for a reader of the Table's evaluation; who downloaded which file is audited with it. */
export async function downloadReportPdf(db: Database, actor: AuditActor, partnershipId: string, reportId: string) {
  return db.transaction(async (tx) => {
    const file = await reportPdf(tx, partnershipId, reportId);
    if (!file) return null;
    await recordAuditEvent(tx, actor, { action: "evaluation_report.pdf_downloaded", targetType: "evaluation_report", targetId: reportId, partnershipId, details: { fileId: file.id, sha256: file.sha256 } });
    return file;
  });
}
