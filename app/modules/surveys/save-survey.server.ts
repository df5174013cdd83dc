import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";
import { organization } from "../governance/tables.ts";
import { inArray } from "drizzle-orm";
import { survey, surveyVersion } from "./tables.ts";
import type { SurveyAudience, SurveySection } from "./vocabulary.ts";

export interface SurveyInput {
  titleFr: string;
  titleEn: string;
  anonymous: boolean;
  asksOrganizationType: boolean;
  audience: SurveyAudience;
  audienceOrganizationIds: string[];
  closesOn: string;
  sections: SurveySection[];
}

/** Keeps only the Table's own organizations (another Table's id is dropped, never used). */
async function ownOrganizations(db: Database, partnershipId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: organization.id })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), inArray(organization.id, ids)));
  return rows.map((r) => r.id);
}

/** A new survey in draft, its definition as version 1. */
export async function createSurvey(db: Database, actor: AuditActor, partnershipId: string, input: SurveyInput): Promise<Ok<string>> {
  const orgs = await ownOrganizations(db, partnershipId, input.audienceOrganizationIds);
  const [row] = await db
    .insert(survey)
    .values({ partnershipId, titleFr: input.titleFr, titleEn: input.titleEn, anonymous: input.anonymous, asksOrganizationType: input.asksOrganizationType, audience: input.audience, audienceOrganizationIds: orgs, closesOn: input.closesOn })
    .returning({ id: survey.id });
  await db.insert(surveyVersion).values({ partnershipId, surveyId: row!.id, number: 1, sections: input.sections });
  await recordAuditEvent(db, actor, { action: "survey.created", targetType: "survey", targetId: row!.id, partnershipId, details: { anonymous: input.anonymous, asksOrganizationType: input.asksOrganizationType, audience: input.audience } });
  return ok(row!.id);
}

/**
 * Saves titles, audience, closing date and definition. A published definition is frozen: the
 * edit becomes a new draft version (answered once the survey is opened again). Anonymity and
 * audience are fixed once the survey has opened. Stale `version`: conflict.
 */
export async function updateSurvey(
  db: Database,
  actor: AuditActor,
  partnershipId: string,
  surveyId: string,
  expectedVersion: number,
  input: SurveyInput,
): Promise<Ok<number> | Conflict | NotFound> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(survey).where(and(eq(survey.partnershipId, partnershipId), eq(survey.id, surveyId))).for("update");
    if (!row) return missing();
    if (row.version !== expectedVersion) return conflict();
    const started = row.status !== "draft";
    const orgs = await ownOrganizations(tx, partnershipId, input.audienceOrganizationIds);
    await tx
      .update(survey)
      .set({
        titleFr: input.titleFr,
        titleEn: input.titleEn,
        closesOn: input.closesOn,
        ...(started ? {} : { anonymous: input.anonymous, asksOrganizationType: input.asksOrganizationType, audience: input.audience, audienceOrganizationIds: orgs }),
        version: sql`${survey.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(survey.id, row.id));
    const [latest] = await tx.select().from(surveyVersion).where(eq(surveyVersion.surveyId, row.id)).orderBy(desc(surveyVersion.number)).limit(1);
    let number = latest?.number ?? 0;
    if (latest && !latest.published) {
      await tx.update(surveyVersion).set({ sections: input.sections }).where(eq(surveyVersion.id, latest.id));
    } else if (!latest || JSON.stringify(latest.sections) !== JSON.stringify(input.sections)) {
      number += 1;
      await tx.insert(surveyVersion).values({ partnershipId, surveyId: row.id, number, sections: input.sections });
    }
    await recordAuditEvent(tx, actor, { action: "survey.updated", targetType: "survey", targetId: row.id, partnershipId, details: { definitionVersion: number } });
    return ok(row.version + 1);
  });
}
