import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { account } from "../identity/tables.ts";
import { hashToken } from "../identity/session.server.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { trainingCertificate } from "../training-evaluation/tables.ts";
import { quebecDay } from "../time/days.ts";
import { survey, surveyInvitation, surveyVersion } from "./tables.ts";
import { desc } from "drizzle-orm";
import type { SurveyRow } from "./list-surveys.server.ts";

export interface Recipient {
  personId: string;
  email: string;
}

/**
 * The people a survey goes to: delegates (table_member), pivots (pivot role currently held),
 * trained workers (a valid training certificate), every member of the Table, or the people of
 * chosen organizations. Only people with an active role in the Table and an address.
 */
export async function resolveAudience(db: Database, row: Pick<SurveyRow, "partnershipId" | "audience" | "audienceOrganizationIds">): Promise<Recipient[]> {
  const base = and(eq(roleAssignment.partnershipId, row.partnershipId), isNull(roleAssignment.revokedAt), or(isNull(account.id), eq(account.status, "active")));
  const byAudience =
    row.audience === "delegates"
      ? eq(roleAssignment.role, "table_member")
      : row.audience === "pivots"
        ? eq(roleAssignment.role, "pivot")
        : row.audience === "organizations"
          ? row.audienceOrganizationIds.length
            ? inArray(person.organizationId, row.audienceOrganizationIds)
            : sql`false`
          : row.audience === "trained"
            ? inArray(
                person.id,
                db
                  .select({ id: trainingCertificate.personId })
                  .from(trainingCertificate)
                  .where(and(eq(trainingCertificate.partnershipId, row.partnershipId), isNull(trainingCertificate.revokedAt))),
              )
            : undefined;
  const rows = await db
    .selectDistinct({ personId: person.id, email: person.email, accountEmail: account.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .leftJoin(account, eq(account.personId, person.id))
    .where(and(base, byAudience, eq(person.partnershipId, row.partnershipId)));
  const seen = new Map<string, Recipient>();
  for (const r of rows) {
    const email = (r.accountEmail || r.email || "").toLowerCase();
    if (email && !seen.has(r.personId)) seen.set(r.personId, { personId: r.personId, email });
  }
  return [...seen.values()];
}

/** The email of an invitation: the link only, nothing of the survey's questions. */
export function invitationEmail(link: string, closesOn: string) {
  return {
    subject: "Filet — Un sondage de la Table vous attend / A Table survey is waiting for you",
    text: `Bonjour,\n\nLa Table vous invite à répondre à un sondage d'ici le ${closesOn}. Ce lien est personnel et ne sert qu'une fois :\n${link}\n\nHello,\n\nThe Table invites you to answer a survey by ${closesOn}. This link is personal and works once:\n${link}\n`,
  };
}

/**
 * Opens a draft (or reopens a closed) survey: its latest definition is published (frozen), the
 * audience becomes invitations (one per person, token hashed at rest) and their emails are queued
 * in the same transaction. People already invited keep their invitation.
 */
export async function openSurvey(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; surveyId: string; expectedVersion: number; publicUrl: string; now: Date },
): Promise<Ok<{ invited: number }> | Conflict | NotFound | Refused<"surveys.edit.closesInPast">> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(survey).where(and(eq(survey.partnershipId, input.partnershipId), eq(survey.id, input.surveyId))).for("update");
    if (!row) return missing();
    if (row.version !== input.expectedVersion || row.status === "open") return conflict();
    const today = quebecDay(input.now);
    if (row.closesOn < today) return refusal("surveys.edit.closesInPast");
    const [latest] = await tx.select().from(surveyVersion).where(eq(surveyVersion.surveyId, row.id)).orderBy(desc(surveyVersion.number)).limit(1);
    if (!latest) return missing();
    await tx.update(surveyVersion).set({ published: true }).where(eq(surveyVersion.id, latest.id));
    await tx
      .update(survey)
      .set({ status: "open", publishedVersionId: latest.id, openedOn: row.openedOn ?? today, closedOn: null, version: sql`${survey.version} + 1`, updatedAt: input.now })
      .where(eq(survey.id, row.id));
    const already = new Set((await tx.select({ personId: surveyInvitation.personId }).from(surveyInvitation).where(eq(surveyInvitation.surveyId, row.id))).map((r) => r.personId));
    let invited = 0;
    for (const r of await resolveAudience(tx, row)) {
      if (already.has(r.personId)) continue;
      const token = randomBytes(32).toString("base64url");
      await tx.insert(surveyInvitation).values({ partnershipId: row.partnershipId, surveyId: row.id, personId: r.personId, tokenHash: hashToken(token) });
      const mail = invitationEmail(`${input.publicUrl}/surveys/answer/${token}`, row.closesOn);
      await queueEmail(tx, { to: r.email, ...mail, partnershipId: row.partnershipId });
      invited++;
    }
    await recordAuditEvent(tx, actor, { action: "survey.opened", targetType: "survey", targetId: row.id, partnershipId: row.partnershipId, details: { definitionVersion: latest.number, invited } });
    return ok({ invited });
  });
}

/** Closes an open survey by hand: its links then answer "closed". */
export async function closeSurvey(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; surveyId: string; expectedVersion: number; now: Date },
): Promise<Ok | Conflict | NotFound> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(survey).where(and(eq(survey.partnershipId, input.partnershipId), eq(survey.id, input.surveyId))).for("update");
    if (!row) return missing();
    if (row.version !== input.expectedVersion || row.status !== "open") return conflict();
    await tx.update(survey).set({ status: "closed", closedOn: quebecDay(input.now), version: sql`${survey.version} + 1`, updatedAt: input.now }).where(eq(survey.id, row.id));
    await recordAuditEvent(tx, actor, { action: "survey.closed", targetType: "survey", targetId: row.id, partnershipId: row.partnershipId, details: { by: "hand" } });
    return ok();
  });
}
