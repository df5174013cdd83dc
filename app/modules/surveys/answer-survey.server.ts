import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import { hashToken } from "../identity/session.server.ts";
import { person } from "../people/tables.ts";
import type { AnswerMap } from "../questionnaires/questions.ts";
import { quebecDay } from "../time/days.ts";
import { publishedVersion } from "./list-surveys.server.ts";
import { survey, surveyDraft, surveyInvitation, surveyResponse, surveyResponseAuthor } from "./tables.ts";

export type InvitationState =
  | { state: "unknown" }
  | { state: "used" | "closed"; titleFr: string; titleEn: string }
  | {
      state: "open";
      invitationId: string;
      personId: string;
      partnershipId: string;
      survey: typeof survey.$inferSelect;
      version: NonNullable<Awaited<ReturnType<typeof publishedVersion>>>;
      draft: { answers: AnswerMap; section: number } | null;
    };

/** What a single-use link leads to: nothing (unknown token), already used, closed, or the survey to answer. */
export async function invitationByToken(db: Database, token: string): Promise<InvitationState> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "unknown" };
  const [inv] = await db.select().from(surveyInvitation).where(eq(surveyInvitation.tokenHash, hashToken(token)));
  if (!inv) return { state: "unknown" };
  const [row] = await db.select().from(survey).where(and(eq(survey.id, inv.surveyId), eq(survey.partnershipId, inv.partnershipId)));
  if (!row) return { state: "unknown" };
  if (inv.answered) return { state: "used", titleFr: row.titleFr, titleEn: row.titleEn };
  const version = await publishedVersion(db, row);
  if (row.status !== "open" || !version) return { state: "closed", titleFr: row.titleFr, titleEn: row.titleEn };
  const [draft] = await db.select().from(surveyDraft).where(eq(surveyDraft.invitationId, inv.id));
  return { state: "open", invitationId: inv.id, personId: inv.personId, partnershipId: inv.partnershipId, survey: row, version, draft: draft ? { answers: draft.answers, section: draft.section } : null };
}

/** Saves the progress of one section against the invitation (until the answer is submitted). */
export async function saveSurveyDraft(db: Database, input: { invitationId: string; partnershipId: string; answers: AnswerMap; section: number }): Promise<void> {
  await db
    .insert(surveyDraft)
    .values({ invitationId: input.invitationId, partnershipId: input.partnershipId, answers: input.answers, section: input.section })
    .onConflictDoUpdate({ target: surveyDraft.invitationId, set: { answers: input.answers, section: input.section, updatedAt: new Date() } });
}

/**
 * Submits the answer, once. In one transaction: the invitation is marked used (the "has
 * answered" marker; a second submission finds it used), the response is stored — for an
 * anonymous survey with no person, no invitation, the day only and, when the survey asks for
 * it, the organization's TYPE only — and the draft is deleted. A named survey stores its author beside the response.
 * The audit event of an anonymous answer carries no actor (with its time it would tell who).
 */
export async function submitSurveyAnswer(
  db: Database,
  input: { invitationId: string; answers: AnswerMap; now: Date },
): Promise<{ status: "answered" } | { status: "used" }> {
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .update(surveyInvitation)
      .set({ answered: true })
      .where(and(eq(surveyInvitation.id, input.invitationId), eq(surveyInvitation.answered, false)))
      .returning();
    if (!inv) return { status: "used" as const };
    const [row] = await tx.select().from(survey).where(eq(survey.id, inv.surveyId));
    if (!row?.publishedVersionId || row.status !== "open") throw new Error("survey not open");
    const [who] = await tx
      .select({ personId: person.id, organizationId: person.organizationId, organizationType: organization.type })
      .from(person)
      .leftJoin(organization, eq(organization.id, person.organizationId))
      .where(eq(person.id, inv.personId));
    const [response] = await tx
      .insert(surveyResponse)
      .values({
        partnershipId: inv.partnershipId,
        surveyId: inv.surveyId,
        versionId: row.publishedVersionId,
        answeredOn: quebecDay(input.now),
        // Only when the survey asks for it, and only the type: coarse enough to hide a person.
        organizationType: row.asksOrganizationType ? (who?.organizationType ?? null) : null,
        answers: input.answers,
      })
      .returning({ id: surveyResponse.id });
    if (!row.anonymous) await tx.insert(surveyResponseAuthor).values({ responseId: response!.id, partnershipId: inv.partnershipId, personId: inv.personId });
    await tx.delete(surveyDraft).where(eq(surveyDraft.invitationId, inv.id));
    await recordAuditEvent(
      tx,
      row.anonymous
        ? { accountId: null, role: "respondent", organizationId: null, partnershipId: inv.partnershipId, requestId: "", ip: "" }
        : { accountId: null, role: "respondent", organizationId: who?.organizationId ?? null, partnershipId: inv.partnershipId, requestId: "", ip: "" },
      { action: "survey.answered", targetType: "survey", targetId: inv.surveyId, partnershipId: inv.partnershipId },
    );
    return { status: "answered" as const };
  });
}
