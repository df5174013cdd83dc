import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { listPrograms, listTrainers } from "./list-training.server.ts";

/** What the session form offers: the Table's programs, its trainer pool, and its observers. */
export async function sessionFormOptions(db: Database, partnershipId: string) {
  const [programs, trainers, observers] = await Promise.all([
    listPrograms(db, partnershipId),
    listTrainers(db, partnershipId),
    db
      .selectDistinct({ id: person.id, givenName: person.givenName, familyName: person.familyName })
      .from(roleAssignment)
      .innerJoin(person, eq(person.id, roleAssignment.personId))
      .where(and(eq(roleAssignment.partnershipId, partnershipId), eq(roleAssignment.role, "observer"), isNull(roleAssignment.revokedAt)))
      .orderBy(asc(person.familyName)),
  ]);
  return {
    programs: programs.map((p) => ({ id: p.id, nameFr: p.nameFr, nameEn: p.nameEn })),
    // What the trainer selects show (trainerLabel), not the pool's whole rows: the session page carries them twice.
    trainers: trainers.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name, organizationAcronym: t.organizationAcronym, organizationName: t.organizationName })),
    observers: observers.map((o) => ({ id: o.id, name: `${o.givenName} ${o.familyName}` })),
  };
}
