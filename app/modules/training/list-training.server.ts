import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { trainerAvailability, trainerProfile, trainingProgram, trainingSession } from "./tables.ts";

export type ProgramRow = typeof trainingProgram.$inferSelect;
export type SessionRow = typeof trainingSession.$inferSelect;

export interface TrainerRow {
  id: string;
  personId: string;
  name: string;
  organizationId: string;
  organizationName: string;
  organizationAcronym: string;
  languages: string[];
  accreditedOn: string | null;
  maxSessions: number;
  active: boolean;
  version: number;
}

export async function listPrograms(db: Database, partnershipId: string): Promise<ProgramRow[]> {
  return db.select().from(trainingProgram).where(eq(trainingProgram.partnershipId, partnershipId)).orderBy(asc(trainingProgram.nameFr));
}

export async function listSessions(db: Database, partnershipId: string, options: { ids?: string[] } = {}): Promise<SessionRow[]> {
  const where = [eq(trainingSession.partnershipId, partnershipId)];
  if (options.ids) where.push(inArray(trainingSession.id, options.ids.length ? options.ids : ["00000000-0000-0000-0000-000000000000"]));
  const rows = await db.select().from(trainingSession).where(and(...where));
  return rows.sort((a, b) => (a.dates[0] ?? "").localeCompare(b.dates[0] ?? ""));
}

/** The session, or null when it does not exist in this Table (callers answer 404 either way). */
export async function loadSession(db: Database, partnershipId: string, sessionId: string): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.id, sessionId)));
  return row ?? null;
}

export async function listTrainers(db: Database, partnershipId: string): Promise<TrainerRow[]> {
  const rows = await db
    .select({
      id: trainerProfile.id,
      personId: trainerProfile.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      organizationId: trainerProfile.organizationId,
      organizationName: organization.nameFr,
      organizationAcronym: organization.acronym,
      languages: trainerProfile.languages,
      accreditedOn: trainerProfile.accreditedOn,
      maxSessions: trainerProfile.maxSessions,
      active: trainerProfile.active,
      version: trainerProfile.version,
    })
    .from(trainerProfile)
    .innerJoin(person, eq(person.id, trainerProfile.personId))
    .innerJoin(organization, and(eq(organization.id, trainerProfile.organizationId), eq(organization.partnershipId, partnershipId)))
    .where(eq(trainerProfile.partnershipId, partnershipId))
    .orderBy(asc(person.familyName), asc(person.givenName));
  return rows.map(({ givenName, familyName, ...r }) => ({ ...r, name: `${givenName} ${familyName}` }));
}

/** Availability answers, as "sessionId|trainerId" → available. */
export async function listAvailability(db: Database, partnershipId: string, sessionIds?: string[]): Promise<Map<string, boolean>> {
  const where = [eq(trainerAvailability.partnershipId, partnershipId)];
  if (sessionIds) where.push(inArray(trainerAvailability.sessionId, sessionIds.length ? sessionIds : ["00000000-0000-0000-0000-000000000000"]));
  const rows = await db.select().from(trainerAvailability).where(and(...where));
  return new Map(rows.map((r) => [`${r.sessionId}|${r.trainerId}`, r.available]));
}

/** The caller's own trainer profile in this Table, if they are in the pool. */
export async function findOwnTrainerProfile(db: Database, partnershipId: string, personId: string) {
  const [row] = await db
    .select()
    .from(trainerProfile)
    .where(and(eq(trainerProfile.partnershipId, partnershipId), eq(trainerProfile.personId, personId), eq(trainerProfile.active, true)));
  return row ?? null;
}
