import { and, count, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { survey, surveyInvitation, surveyResponse, surveyVersion } from "./tables.ts";

export type SurveyRow = typeof survey.$inferSelect;
export type SurveyVersionRow = typeof surveyVersion.$inferSelect;

/** The Table's surveys, newest first, with their invitation and response counts. */
export async function listSurveys(db: Database, partnershipId: string) {
  const rows = await db.select().from(survey).where(eq(survey.partnershipId, partnershipId)).orderBy(desc(survey.closesOn));
  const invited = await db
    .select({ surveyId: surveyInvitation.surveyId, n: count() })
    .from(surveyInvitation)
    .where(eq(surveyInvitation.partnershipId, partnershipId))
    .groupBy(surveyInvitation.surveyId);
  const answered = await db
    .select({ surveyId: surveyResponse.surveyId, n: count() })
    .from(surveyResponse)
    .where(eq(surveyResponse.partnershipId, partnershipId))
    .groupBy(surveyResponse.surveyId);
  const by = (list: { surveyId: string; n: number }[]) => new Map(list.map((r) => [r.surveyId, Number(r.n)]));
  const inv = by(invited);
  const ans = by(answered);
  return rows.map((s) => ({ ...s, invited: inv.get(s.id) ?? 0, responses: ans.get(s.id) ?? 0 }));
}

/** One survey of the Table (null for another Table's or a missing one) and its latest version. */
export async function getSurvey(db: Database, partnershipId: string, surveyId: string) {
  const [row] = await db.select().from(survey).where(and(eq(survey.partnershipId, partnershipId), eq(survey.id, surveyId)));
  if (!row) return null;
  const [latest] = await db.select().from(surveyVersion).where(eq(surveyVersion.surveyId, row.id)).orderBy(desc(surveyVersion.number)).limit(1);
  return { survey: row, latest: latest ?? null };
}

/** The version answered: the published one. */
export async function publishedVersion(db: Database, row: SurveyRow): Promise<SurveyVersionRow | null> {
  if (!row.publishedVersionId) return null;
  const [v] = await db.select().from(surveyVersion).where(and(eq(surveyVersion.id, row.publishedVersionId), eq(surveyVersion.partnershipId, row.partnershipId)));
  return v ?? null;
}

/** The Table's organizations, to choose an audience from. */
export async function surveyOrganizations(db: Database, partnershipId: string, locale: "fr" | "en") {
  const rows = await db.select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn }).from(organization).where(eq(organization.partnershipId, partnershipId));
  return rows.map((r) => ({ id: r.id, name: locale === "en" ? r.nameEn : r.nameFr })).sort((a, b) => a.name.localeCompare(b.name));
}
