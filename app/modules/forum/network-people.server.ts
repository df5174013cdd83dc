import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { networkRoles } from "./vocabulary.ts";

/** The people of the network (network roles in the Table), by organization, for a group's member list. */
export async function listNetworkPeople(db: Database, partnershipId: string) {
  const rows = await db
    .selectDistinct({ id: person.id, givenName: person.givenName, familyName: person.familyName, organization: organization.nameFr, acronym: organization.acronym })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(and(eq(roleAssignment.partnershipId, partnershipId), isNull(roleAssignment.revokedAt), inArray(roleAssignment.role, [...networkRoles])))
    .orderBy(asc(organization.nameFr), asc(person.familyName), asc(person.givenName));
  return rows.map((r) => ({ id: r.id, name: `${r.givenName} ${r.familyName}`, organization: r.acronym || r.organization || "" }));
}
