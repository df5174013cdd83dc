import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { trainerProfile, trainingProgram, trainingRegistration, trainingSession } from "../training/tables.ts";
import { newCertificateCode } from "./certificate-code.ts";
import { trainingCertificate } from "./tables.ts";

export type CertificateRow = typeof trainingCertificate.$inferSelect;

/**
 * The certificate of a completed registration, issued on first request (lazily) with a fresh
 * code and what it prints frozen; issuance is audited. Null when the registration is not the
 * person's own completed one in this Table.
 */
export async function issueCertificate(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; sessionId: string; personId: string },
): Promise<CertificateRow | null> {
  return db.transaction(async (tx) => {
    const [reg] = await tx
      .select({ id: trainingRegistration.id })
      .from(trainingRegistration)
      .where(
        and(
          eq(trainingRegistration.partnershipId, input.partnershipId),
          eq(trainingRegistration.sessionId, input.sessionId),
          eq(trainingRegistration.personId, input.personId),
          eq(trainingRegistration.status, "registered"),
          isNotNull(trainingRegistration.completedAt),
        ),
      );
    if (!reg) return null;
    const [existing] = await tx.select().from(trainingCertificate).where(eq(trainingCertificate.registrationId, reg.id));
    if (existing) return existing.revokedAt ? null : existing;
    const [session] = await tx
      .select({ dates: trainingSession.dates, trainerAId: trainingSession.trainerAId, trainerBId: trainingSession.trainerBId, nameFr: trainingProgram.nameFr, nameEn: trainingProgram.nameEn })
      .from(trainingSession)
      .innerJoin(trainingProgram, eq(trainingProgram.id, trainingSession.programId))
      .where(and(eq(trainingSession.partnershipId, input.partnershipId), eq(trainingSession.id, input.sessionId)));
    const [holder] = await tx.select({ givenName: person.givenName, familyName: person.familyName }).from(person).where(eq(person.id, input.personId));
    if (!session || !holder) return null;
    const pair = [session.trainerAId, session.trainerBId].filter((x): x is string => !!x);
    const orgs = pair.length
      ? await tx
          .select({ id: trainerProfile.id, name: organization.nameFr })
          .from(trainerProfile)
          .innerJoin(organization, eq(organization.id, trainerProfile.organizationId))
          .where(and(eq(trainerProfile.partnershipId, input.partnershipId), inArray(trainerProfile.id, pair)))
      : [];
    const [row] = await tx
      .insert(trainingCertificate)
      .values({
        partnershipId: input.partnershipId,
        registrationId: reg.id,
        personId: input.personId,
        code: newCertificateCode(),
        holderName: `${holder.givenName} ${holder.familyName}`,
        programNameFr: session.nameFr,
        programNameEn: session.nameEn,
        dates: session.dates,
        trainerOrganizations: [...new Set(pair.map((id) => orgs.find((o) => o.id === id)?.name).filter((n): n is string => !!n))],
      })
      .returning();
    await recordAuditEvent(tx, actor, {
      action: "training_certificate.issued",
      targetType: "training_certificate",
      targetId: row!.id,
      partnershipId: input.partnershipId,
      details: { sessionId: input.sessionId, personId: input.personId },
    });
    return row!;
  });
}

/** For the public verification: the certificate with that exact code, whatever its Table. */
export async function findCertificate(db: Database, code: string): Promise<CertificateRow | null> {
  const [row] = await db.select().from(trainingCertificate).where(eq(trainingCertificate.code, code));
  return row ?? null;
}

/** Revokes a certificate of the Table (issued by mistake); its code then verifies as revoked. */
export async function revokeCertificate(db: Database, actor: AuditActor, partnershipId: string, certificateId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(trainingCertificate)
      .set({ revokedAt: new Date() })
      .where(and(eq(trainingCertificate.partnershipId, partnershipId), eq(trainingCertificate.id, certificateId), isNull(trainingCertificate.revokedAt)))
      .returning({ id: trainingCertificate.id });
    if (!rows[0]) return false;
    await recordAuditEvent(tx, actor, { action: "training_certificate.revoked", targetType: "training_certificate", targetId: certificateId, partnershipId });
    return true;
  });
}

/** The Table's certificates, newest first (for the coordinator). */
export async function listCertificates(db: Database, partnershipId: string): Promise<CertificateRow[]> {
  const rows = await db.select().from(trainingCertificate).where(eq(trainingCertificate.partnershipId, partnershipId));
  return rows.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
}
