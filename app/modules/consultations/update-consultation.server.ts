import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { isUuid } from "../forms/fields.ts";
import { recordConsultationGiven } from "../pivot-activities/log-pivot-activity.server.ts";
import { readableBy, sideOf, viewerReach, type Side, type Viewer } from "./access.server.ts";
import { notifyRecipients } from "./consultation-emails.server.ts";
import { checkTexts, hasFindings } from "./consultation-schema.ts";
import { flagged, type Flagged } from "./guard-refusal.server.ts";
import { publicPhonesFor } from "./pii/table-phones.server.ts";
import { activeAccountsOf, currentPivotsOf, type Recipient } from "./resolve-target.server.ts";
import { consultation, consultationMessage } from "./tables.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";

type Row = typeof consultation.$inferSelect;

async function readable(tx: Database, viewer: Viewer, id: string): Promise<{ row: Row; side: Side } | null> {
  if (!isUuid(id)) return null;
  const reach = await viewerReach(tx, viewer);
  const [row] = await tx.select().from(consultation).where(and(eq(consultation.id, id), readableBy(viewer, reach))).limit(1);
  return row ? { row, side: sideOf(row, viewer) } : null;
}

async function denied(tx: Database, actor: AuditActor, id: string, action: string) {
  await recordAuditEvent(tx, actor, {
    action: "access.denied",
    targetType: "consultation",
    targetId: id.slice(0, 64),
    details: { attempted: action },
  });
}

/** The pivot who took it; otherwise every pivot it was addressed to. */
async function responderRecipients(tx: Database, row: Row): Promise<Recipient[]> {
  if (row.takenByPersonId) return activeAccountsOf(tx, [row.takenByPersonId]);
  if (row.targetPersonId) return activeAccountsOf(tx, [row.targetPersonId]);
  return activeAccountsOf(tx, await currentPivotsOf(tx, row.partnershipId, row.targetOrganizationId));
}

/** A notice to the other side of the thread. */
async function notifyOtherSide(tx: Database, row: Row, side: Side, kind: "reply" | "closed", viewer: Viewer, publicUrl: string) {
  const recipients = side === "responder" ? await activeAccountsOf(tx, [row.askerPersonId]) : await responderRecipients(tx, row);
  await notifyRecipients(tx, {
    kind,
    recipients,
    consultationId: row.id,
    publicUrl,
    partnershipId: row.partnershipId,
    exceptPersonId: viewer.personId,
  });
}

/** A step of a consultation's life (take, close): done, or why not. */
export type ChangeResult = Ok | Conflict | NotFound;

/** A pivot takes charge (new → taken). The version guards against two pivots taking it at once. */
export async function takeConsultation(
  db: Database,
  actor: AuditActor,
  viewer: Viewer,
  input: { id: string; version: number },
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const found = await readable(tx, viewer, input.id);
    if (!found || found.side !== "responder") {
      await denied(tx, actor, input.id, "take");
      return missing();
    }
    const updated = await tx
      .update(consultation)
      .set({ status: "taken", takenByPersonId: viewer.personId, version: sql`${consultation.version} + 1`, updatedAt: new Date() })
      .where(and(eq(consultation.id, found.row.id), eq(consultation.version, input.version), eq(consultation.status, "new")))
      .returning({ id: consultation.id });
    if (!updated.length) return conflict();
    await recordAuditEvent(tx, actor, { action: "consultation.taken", targetType: "consultation", targetId: found.row.id });
    return ok();
  });
}

/** The new message's id, or why not (a closed thread, the guard's findings). */
export type ReplyResult = Ok<string> | NotFound | Refused<"consultations.thread.closedNotice"> | Flagged;

/**
 * A message in the thread, after the guard. The first reply of a pivot marks the consultation
 * answered, stamps the response time the indicators count, and logs a "consultation given" in
 * that pivot's activities (nobody retypes it). Sending the same form twice is
 * the route's concern (its submission key, submitOnce): this function always writes.
 */
export async function replyToConsultation(
  db: Database,
  actor: AuditActor,
  viewer: Viewer,
  input: { id: string; body: string; publicUrl: string; now?: Date },
): Promise<ReplyResult> {
  // The viewer's Table: a thread they may read is always of their Table.
  const publicPhones = await publicPhonesFor(db, viewer.partnershipId, [input.body]);
  const findings = checkTexts({ body: input.body }, publicPhones);
  if (hasFindings(findings)) return flagged(findings);
  const now = input.now ?? new Date();
  return db.transaction(async (tx): Promise<ReplyResult> => {
    const found = await readable(tx, viewer, input.id);
    if (!found) {
      await denied(tx, actor, input.id, "reply");
      return missing();
    }
    const { row, side } = found;
    if (row.status === "closed") return refusal("consultations.thread.closedNotice");
    const [message] = await tx
      .insert(consultationMessage)
      .values({ consultationId: row.id, partnershipId: row.partnershipId, authorPersonId: viewer.personId, body: input.body, createdAt: now })
      .returning({ id: consultationMessage.id });
    if (!message) throw new Error("consultation message insert returned no row");
    if (side === "responder") {
      // The first answer is the pivot's activity: counted once, even if two pivots reply at once.
      const first = await tx
        .update(consultation)
        .set({ firstResponseAt: now })
        .where(and(eq(consultation.id, row.id), isNull(consultation.firstResponseAt)))
        .returning({ id: consultation.id });
      if (first.length) {
        await recordConsultationGiven(tx, actor, { partnershipId: row.partnershipId, organizationId: row.targetOrganizationId, personId: viewer.personId, now });
      }
      await tx
        .update(consultation)
        .set({
          status: sql`case when ${consultation.status} in ('new', 'taken') then 'answered' else ${consultation.status} end`,
          firstResponseAt: sql`coalesce(${consultation.firstResponseAt}, ${now.toISOString()}::timestamptz)`,
          takenByPersonId: sql`coalesce(${consultation.takenByPersonId}, ${viewer.personId}::uuid)`,
          version: sql`${consultation.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(consultation.id, row.id), ne(consultation.status, "closed")));
    }
    await recordAuditEvent(tx, actor, {
      action: "consultation.replied",
      targetType: "consultation",
      targetId: row.id,
      details: { messageId: message.id, side },
    });
    await notifyOtherSide(tx, row, side, "reply", viewer, input.publicUrl);
    return ok(message.id);
  });
}

/** The asker or a pivot closes the consultation; there is no reopening (a new one is asked instead). */
export async function closeConsultation(
  db: Database,
  actor: AuditActor,
  viewer: Viewer,
  input: { id: string; version: number; publicUrl: string; now?: Date },
): Promise<ChangeResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const found = await readable(tx, viewer, input.id);
    if (!found) {
      await denied(tx, actor, input.id, "close");
      return missing();
    }
    const updated = await tx
      .update(consultation)
      .set({ status: "closed", closedAt: now, version: sql`${consultation.version} + 1`, updatedAt: now })
      .where(and(eq(consultation.id, found.row.id), eq(consultation.version, input.version), ne(consultation.status, "closed")))
      .returning({ id: consultation.id });
    if (!updated.length) return conflict();
    await recordAuditEvent(tx, actor, {
      action: "consultation.closed",
      targetType: "consultation",
      targetId: found.row.id,
      details: { side: found.side },
    });
    await notifyOtherSide(tx, found.row, found.side, "closed", viewer, input.publicUrl);
    return ok();
  });
}
