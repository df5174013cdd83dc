import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { readTrainingSettings } from "./training-settings.server.ts";
import { person } from "../people/tables.ts";
import { isRegistrationClosed } from "./mix-rules.ts";
import { closesDaysOf } from "./registration.server.ts";
import { trainingRegistration, trainingSession } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

const NONE = "00000000-0000-0000-0000-000000000000";

/** The person, when they belong to the Table AND to one of the pivot coordinator's organizations. */
export async function findNominee(db: Database, partnershipId: string, organizations: "all" | string[], personId: string) {
  const where = [eq(person.partnershipId, partnershipId), eq(person.id, personId)];
  if (organizations !== "all") where.push(inArray(person.organizationId, organizations.length ? organizations : [NONE]));
  const [row] = await db.select({ id: person.id }).from(person).where(and(...where));
  return row ?? null;
}

/** Current places (seat or waiting list) in open sessions of the people of these organizations. */
export async function listNominations(db: Database, partnershipId: string, organizations: "all" | string[], now: Date = new Date()) {
  const where = [
    eq(trainingRegistration.partnershipId, partnershipId),
    inArray(trainingRegistration.status, ["registered", "waitlisted"]),
    inArray(trainingSession.status, ["open", "full"]),
  ];
  if (organizations !== "all") where.push(inArray(person.organizationId, organizations.length ? organizations : [NONE]));
  const rows = await db
    .select({
      registrationId: trainingRegistration.id,
      sessionId: trainingRegistration.sessionId,
      personId: trainingRegistration.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      status: trainingRegistration.status,
      waitReason: trainingRegistration.waitReason,
      dates: trainingSession.dates,
      registrationClosesDays: trainingSession.registrationClosesDays,
    })
    .from(trainingRegistration)
    .innerJoin(trainingSession, and(eq(trainingSession.id, trainingRegistration.sessionId), eq(trainingSession.partnershipId, partnershipId)))
    .innerJoin(person, eq(person.id, trainingRegistration.personId))
    .where(and(...where))
    .orderBy(asc(person.familyName), asc(person.givenName));
  const settings = await readTrainingSettings(db, partnershipId);
  const today = quebecDay(now);
  return rows.map((r) => ({
    registrationId: r.registrationId,
    sessionId: r.sessionId,
    personId: r.personId,
    name: `${r.givenName} ${r.familyName}`,
    status: r.status as "registered" | "waitlisted",
    waitReason: r.waitReason,
    dates: r.dates,
    closed: isRegistrationClosed(r.dates[0], closesDaysOf(r, settings), today),
  }));
}
