import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { translator } from "../../i18n/catalog.ts";
import { isLocale } from "../../i18n/types.ts";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { account } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";
import { privacyCorrectionRequest } from "./tables.ts";
import type { CorrectionStatus } from "./vocabulary.ts";

/**
 * A person asks that what Filet holds about them be corrected (Loi 25, art. 89). The request is
 * stored for the Table's privacy officer, who is told by email that one is waiting — the email
 * carries a link, never a word of the request.
 */
async function tableOfficers(db: Database, partnershipId: string) {
  return db
    .select({ email: account.email, locale: account.locale })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .innerJoin(account, eq(account.personId, person.id))
    .where(and(eq(roleAssignment.partnershipId, partnershipId), eq(roleAssignment.role, "privacy_officer"), isNull(roleAssignment.organizationId), isNull(roleAssignment.revokedAt), eq(account.status, "active")));
}

export async function requestCorrection(db: Database, actor: AuditActor, input: { partnershipId: string; personId: string; request: string; publicUrl: string }): Promise<Ok<string>> {
  const [row] = await db.insert(privacyCorrectionRequest).values({ partnershipId: input.partnershipId, personId: input.personId, request: input.request }).returning({ id: privacyCorrectionRequest.id });
  const officers = await tableOfficers(db, input.partnershipId);
  for (const o of new Map(officers.map((x) => [x.email, x])).values()) {
    const t = translator(isLocale(o.locale) ? o.locale : "fr");
    await queueEmail(db, { to: o.email, subject: t("privacy.email.correction.subject"), text: `${t("privacy.email.correction.body", { link: `${input.publicUrl}/privacy/corrections` })}\n`, partnershipId: input.partnershipId });
  }
  await recordAuditEvent(db, actor, { action: "privacy.correction_requested", targetType: "privacy_correction_request", targetId: row!.id, partnershipId: input.partnershipId, details: { notified: officers.length } });
  return ok(row!.id);
}

export async function listCorrectionRequests(db: Database, partnershipId: string) {
  return db
    .select({
      id: privacyCorrectionRequest.id,
      request: privacyCorrectionRequest.request,
      status: privacyCorrectionRequest.status,
      answer: privacyCorrectionRequest.answer,
      version: privacyCorrectionRequest.version,
      createdAt: privacyCorrectionRequest.createdAt,
      answeredAt: privacyCorrectionRequest.answeredAt,
      givenName: person.givenName,
      familyName: person.familyName,
      email: person.email,
    })
    .from(privacyCorrectionRequest)
    .innerJoin(person, eq(person.id, privacyCorrectionRequest.personId))
    .where(eq(privacyCorrectionRequest.partnershipId, partnershipId))
    .orderBy(desc(privacyCorrectionRequest.createdAt))
    .limit(200);
}

/** A person's own requests (their data page lists them with their answer). */
export async function ownCorrectionRequests(db: Database, partnershipId: string, personId: string) {
  return db
    .select({ id: privacyCorrectionRequest.id, request: privacyCorrectionRequest.request, status: privacyCorrectionRequest.status, answer: privacyCorrectionRequest.answer, createdAt: privacyCorrectionRequest.createdAt })
    .from(privacyCorrectionRequest)
    .where(and(eq(privacyCorrectionRequest.partnershipId, partnershipId), eq(privacyCorrectionRequest.personId, personId)))
    .orderBy(desc(privacyCorrectionRequest.createdAt));
}

/** The officer answers a request (done or declined, with the answer the person reads on their page). */
export async function answerCorrection(db: Database, actor: AuditActor, access: { partnershipId: string; personId: string }, input: { requestId: string; status: Exclude<CorrectionStatus, "open">; answer: string; version: number }, now = new Date()): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(privacyCorrectionRequest).where(and(eq(privacyCorrectionRequest.partnershipId, access.partnershipId), eq(privacyCorrectionRequest.id, input.requestId)));
    if (!current) return missing();
    const rows = await tx
      .update(privacyCorrectionRequest)
      .set({ status: input.status, answer: input.answer, answeredByPersonId: access.personId, answeredAt: now, version: sql`${privacyCorrectionRequest.version} + 1`, updatedAt: now })
      .where(and(eq(privacyCorrectionRequest.id, input.requestId), eq(privacyCorrectionRequest.version, input.version)))
      .returning({ id: privacyCorrectionRequest.id });
    if (rows.length === 0) return conflict();
    await recordAuditEvent(tx, actor, { action: "privacy.correction_answered", targetType: "privacy_correction_request", targetId: input.requestId, partnershipId: access.partnershipId, details: { from: current.status, to: input.status } });
    return ok(input.requestId);
  });
}
