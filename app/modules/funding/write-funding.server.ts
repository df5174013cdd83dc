import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlanAction } from "../action-plan/tables.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { deleteFile, storeFile } from "../files/stored-files.server.ts";
import type { Upload } from "../files/read-upload.server.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";
import type { GrantInput, ReportDateInput, SpendingInput } from "./funding-schema.ts";
import { grant, grantAlertSent, grantReportDate, grantSpending } from "./tables.ts";

/** The id of the row written (or removed), or why not. */
export type FundingResult = Ok<string> | NotFound | Conflict | Invalid;

export const GRANT_FILE_OWNER = "grant";

export async function createGrant(db: Database, actor: AuditActor, partnershipId: string, input: GrantInput): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(grant).values({ partnershipId, ...input }).returning({ id: grant.id });
    await recordAuditEvent(tx, actor, { action: "grant.created", targetType: "grant", targetId: row!.id, partnershipId, details: { funder: input.funder, amount: input.amount } });
    return ok(row!.id);
  });
}

/** Edits a grant; a new end date lets the "end of the grant" alerts be sent again for it. */
export async function updateGrant(db: Database, actor: AuditActor, partnershipId: string, grantId: string, version: number, input: GrantInput): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ endsOn: grant.endsOn }).from(grant).where(and(eq(grant.id, grantId), eq(grant.partnershipId, partnershipId)));
    if (!before) return missing();
    const [row] = await tx
      .update(grant)
      .set({ ...input, version: sql`${grant.version} + 1`, updatedAt: new Date() })
      .where(and(eq(grant.id, grantId), eq(grant.partnershipId, partnershipId), eq(grant.version, version)))
      .returning({ id: grant.id });
    if (!row) return conflict();
    if (before.endsOn !== input.endsOn) {
      await tx.delete(grantAlertSent).where(and(eq(grantAlertSent.grantId, grantId), sql`${grantAlertSent.alertKey} like 'end:%'`));
    }
    await recordAuditEvent(tx, actor, { action: "grant.updated", targetType: "grant", targetId: grantId, partnershipId, details: { amount: input.amount, endsOn: input.endsOn } });
    return ok(grantId);
  });
}

async function grantExists(tx: Database, partnershipId: string, grantId: string) {
  const [row] = await tx.select({ id: grant.id }).from(grant).where(and(eq(grant.id, grantId), eq(grant.partnershipId, partnershipId)));
  return !!row;
}

export async function addReportDate(db: Database, actor: AuditActor, partnershipId: string, grantId: string, input: ReportDateInput): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    if (!(await grantExists(tx, partnershipId, grantId))) return missing();
    const [row] = await tx.insert(grantReportDate).values({ partnershipId, grantId, ...input }).returning({ id: grantReportDate.id });
    await recordAuditEvent(tx, actor, { action: "grant.report_date_added", targetType: "grant", targetId: grantId, partnershipId, details: { dueOn: input.dueOn } });
    return ok(row!.id);
  });
}

/** Marks a report as sent to the funder (no more alert for it), or re-opens it with null. */
export async function setReportSubmitted(db: Database, actor: AuditActor, partnershipId: string, grantId: string, reportId: string, submittedOn: string | null): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(grantReportDate)
      .set({ submittedOn })
      .where(and(eq(grantReportDate.id, reportId), eq(grantReportDate.grantId, grantId), eq(grantReportDate.partnershipId, partnershipId)))
      .returning({ id: grantReportDate.id });
    if (!rows.length) return missing();
    await recordAuditEvent(tx, actor, { action: "grant.report_submitted", targetType: "grant", targetId: grantId, partnershipId, details: { reportId, submittedOn } });
    return ok(reportId);
  });
}

export async function deleteReportDate(db: Database, actor: AuditActor, partnershipId: string, grantId: string, reportId: string): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(grantReportDate)
      .where(and(eq(grantReportDate.id, reportId), eq(grantReportDate.grantId, grantId), eq(grantReportDate.partnershipId, partnershipId)))
      .returning({ dueOn: grantReportDate.dueOn });
    if (!rows.length) return missing();
    await recordAuditEvent(tx, actor, { action: "grant.report_date_deleted", targetType: "grant", targetId: grantId, partnershipId, details: { reportId, dueOn: rows[0]!.dueOn } });
    return ok(reportId);
  });
}

export async function addSpending(db: Database, actor: AuditActor, partnershipId: string, grantId: string, input: SpendingInput): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    if (!(await grantExists(tx, partnershipId, grantId))) return missing();
    if (input.actionId) {
      const [a] = await tx.select({ id: actionPlanAction.id }).from(actionPlanAction).where(and(eq(actionPlanAction.id, input.actionId), eq(actionPlanAction.partnershipId, partnershipId)));
      if (!a) return invalid("actionId", "form.invalid");
    }
    const [row] = await tx.insert(grantSpending).values({ partnershipId, grantId, ...input }).returning({ id: grantSpending.id });
    await recordAuditEvent(tx, actor, {
      action: "grant.spending_added",
      targetType: "grant",
      targetId: grantId,
      partnershipId,
      details: { spendingId: row!.id, amount: input.amount, actionId: input.actionId },
    });
    return ok(row!.id);
  });
}

export async function deleteSpending(db: Database, actor: AuditActor, partnershipId: string, grantId: string, spendingId: string): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(grantSpending)
      .where(and(eq(grantSpending.id, spendingId), eq(grantSpending.grantId, grantId), eq(grantSpending.partnershipId, partnershipId)))
      .returning({ amount: grantSpending.amount });
    if (!rows.length) return missing();
    await recordAuditEvent(tx, actor, { action: "grant.spending_deleted", targetType: "grant", targetId: grantId, partnershipId, details: { spendingId, amount: rows[0]!.amount } });
    return ok(spendingId);
  });
}

export async function attachGrantDocument(db: Database, actor: AuditActor, partnershipId: string, grantId: string, upload: Upload, personId: string): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    if (!(await grantExists(tx, partnershipId, grantId))) return missing();
    const file = await storeFile(tx, { partnershipId, ownerType: GRANT_FILE_OWNER, ownerId: grantId }, upload, personId);
    await recordAuditEvent(tx, actor, {
      action: "grant.document_added",
      targetType: "grant",
      targetId: grantId,
      partnershipId,
      details: { fileId: file.id, fileName: file.fileName, mediaType: file.mediaType, byteSize: file.byteSize },
    });
    return ok(file.id);
  });
}

export async function removeGrantDocument(db: Database, actor: AuditActor, partnershipId: string, grantId: string, fileId: string): Promise<FundingResult> {
  return db.transaction(async (tx) => {
    const removed = await deleteFile(tx, { partnershipId, ownerType: GRANT_FILE_OWNER, ownerId: grantId }, fileId);
    if (!removed) return missing();
    await recordAuditEvent(tx, actor, { action: "grant.document_deleted", targetType: "grant", targetId: grantId, partnershipId, details: { fileId } });
    return ok(fileId);
  });
}
