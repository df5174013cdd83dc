import { and, eq, max, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { storeFile } from "../files/stored-files.server.ts";
import type { Upload } from "../files/read-upload.server.ts";
import { addDays } from "../time/days.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";
import { changeRecommendation, loadRecommendation, recordEvent, type EvaluationAccess } from "./history.server.ts";
import type { RecommendationInput, ReportInput } from "./report-schema.ts";
import { evaluationFinding, evaluationRecommendation, evaluationReport } from "./tables.ts";
import { DEFAULT_RESPONSE_DAYS } from "./vocabulary.ts";

export const REPORT_FILE_OWNER = "evaluation_report";

type ReportRow = typeof evaluationReport.$inferSelect;

async function audit(tx: Database, actor: AuditActor, partnershipId: string, reportId: string, action: string, details: Record<string, unknown> = {}) {
  await recordAuditEvent(tx, actor, { action, targetType: "evaluation_report", targetId: reportId, partnershipId, details });
}

export async function loadReport(db: Database, partnershipId: string, id: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(evaluationReport).where(and(eq(evaluationReport.partnershipId, partnershipId), eq(evaluationReport.id, id)));
  return row ?? null;
}

const dueOf = (input: ReportInput) => input.responseDueOn ?? addDays(input.reportOn, DEFAULT_RESPONSE_DAYS);

/** The evaluator files a report (with its PDF when given); the response deadline defaults to four weeks later. */
export async function createReport(db: Database, actor: AuditActor, access: EvaluationAccess, input: ReportInput, pdf: Upload | null = null): Promise<Ok<string>> {
  const [row] = await db
    .insert(evaluationReport)
    .values({ partnershipId: access.partnershipId, title: input.title, evaluatorName: input.evaluatorName, institution: input.institution, reportOn: input.reportOn, kind: input.kind, responseDueOn: dueOf(input), createdByPersonId: access.personId })
    .returning({ id: evaluationReport.id });
  if (pdf) await storeFile(db, { partnershipId: access.partnershipId, ownerType: REPORT_FILE_OWNER, ownerId: row!.id }, pdf, access.personId);
  await audit(db, actor, access.partnershipId, row!.id, "evaluation_report.created", { kind: input.kind, reportOn: input.reportOn, pdf: pdf !== null });
  return ok(row!.id);
}

export async function updateReport(db: Database, actor: AuditActor, access: EvaluationAccess, id: string, version: number, input: ReportInput): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    if (!(await loadReport(tx, access.partnershipId, id))) return missing();
    const rows = await tx
      .update(evaluationReport)
      .set({ title: input.title, evaluatorName: input.evaluatorName, institution: input.institution, reportOn: input.reportOn, kind: input.kind, responseDueOn: dueOf(input), version: sql`${evaluationReport.version} + 1`, updatedAt: new Date() })
      .where(and(eq(evaluationReport.partnershipId, access.partnershipId), eq(evaluationReport.id, id), eq(evaluationReport.version, version)))
      .returning({ id: evaluationReport.id });
    if (rows.length === 0) return conflict();
    await audit(tx, actor, access.partnershipId, id, "evaluation_report.updated", { responseDueOn: dueOf(input) });
    return ok(id);
  });
}

/** A finding (strength), placed after the report's last one. */
export async function addFinding(db: Database, actor: AuditActor, access: EvaluationAccess, reportId: string, text: string): Promise<Ok<string> | NotFound> {
  if (!(await loadReport(db, access.partnershipId, reportId))) return missing();
  const [last] = await db.select({ n: max(evaluationFinding.position) }).from(evaluationFinding).where(and(eq(evaluationFinding.partnershipId, access.partnershipId), eq(evaluationFinding.reportId, reportId)));
  const [row] = await db.insert(evaluationFinding).values({ partnershipId: access.partnershipId, reportId, position: (last?.n ?? 0) + 1, text }).returning({ id: evaluationFinding.id });
  await audit(db, actor, access.partnershipId, reportId, "evaluation_report.finding_added", { findingId: row!.id });
  return ok(row!.id);
}

/** A finding taken back (entered by mistake, or twice): the others keep their order. */
export async function removeFinding(db: Database, actor: AuditActor, access: EvaluationAccess, reportId: string, findingId: string): Promise<Ok<string> | NotFound> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(evaluationFinding)
      .where(and(eq(evaluationFinding.partnershipId, access.partnershipId), eq(evaluationFinding.reportId, reportId), eq(evaluationFinding.id, findingId)))
      .returning({ position: evaluationFinding.position });
    // Already removed (a second click) or another report's: nothing to take back.
    if (!row) return missing();
    await audit(tx, actor, access.partnershipId, reportId, "evaluation_report.finding_removed", { findingId, position: row.position });
    return ok(reportId);
  });
}

/** A recommendation, numbered after the report's last one (under the report's lock: two never share a number). */
export async function addRecommendation(db: Database, actor: AuditActor, access: EvaluationAccess, reportId: string, input: RecommendationInput): Promise<Ok<string> | NotFound> {
  const [report] = await db.select({ id: evaluationReport.id }).from(evaluationReport).where(and(eq(evaluationReport.partnershipId, access.partnershipId), eq(evaluationReport.id, reportId))).for("update");
  if (!report) return missing();
  const [last] = await db.select({ n: max(evaluationRecommendation.number) }).from(evaluationRecommendation).where(eq(evaluationRecommendation.reportId, reportId));
  const number = (last?.n ?? 0) + 1;
  const [row] = await db.insert(evaluationRecommendation).values({ partnershipId: access.partnershipId, reportId, number, ...input }).returning({ id: evaluationRecommendation.id });
  await recordEvent(db, actor, access, { id: row!.id, reportId }, "created", { number, priority: input.priority, addressee: input.addressee });
  return ok(row!.id);
}

/** The evaluator rewords a recommendation or changes its addressee or priority. */
export async function updateRecommendation(db: Database, actor: AuditActor, access: EvaluationAccess, id: string, version: number, input: RecommendationInput): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const current = await loadRecommendation(tx, access.partnershipId, id);
    if (!current) return missing();
    const changed = (["text", "addressee", "priority"] as const).filter((k) => current[k] !== input[k]).join(",");
    const done = await changeRecommendation(tx, actor, access, current, version, "edited", input, current.priority === input.priority ? { changed } : { changed, from: current.priority, to: input.priority });
    return done ? ok(id) : conflict();
  });
}
