import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { listObjectivesForSelect } from "../../action-plan/list-objectives.server.ts";
import { organization } from "../../governance/tables.ts";
import { person } from "../../people/tables.ts";

export interface OwnerChoices {
  people: { value: string; label: string }[];
  organizations: { value: string; label: string }[];
  objectives: { value: string; label: string }[];
}

/** Who may own a responsibility (the Table's people and organizations, or one organization's), and the objectives. */
export async function responsibilityFormData(db: Database, partnershipId: string, scopeOrganizationId: string | null): Promise<OwnerChoices> {
  const [people, orgs, objectives] = await Promise.all([
    db
      .select({ id: person.id, given: person.givenName, family: person.familyName, acronym: organization.acronym })
      .from(person)
      .leftJoin(organization, eq(organization.id, person.organizationId))
      .where(and(eq(person.partnershipId, partnershipId), scopeOrganizationId ? eq(person.organizationId, scopeOrganizationId) : undefined))
      .orderBy(asc(person.familyName), asc(person.givenName)),
    db
      .select({ id: organization.id, nameFr: organization.nameFr, acronym: organization.acronym })
      .from(organization)
      .where(and(eq(organization.partnershipId, partnershipId), scopeOrganizationId ? eq(organization.id, scopeOrganizationId) : undefined))
      .orderBy(asc(organization.nameFr)),
    listObjectivesForSelect(db, partnershipId),
  ]);
  return {
    people: people.map((p) => ({ value: `person:${p.id}`, label: `${p.given} ${p.family}${p.acronym ? ` (${p.acronym})` : ""}` })),
    organizations: orgs.map((o) => ({ value: `organization:${o.id}`, label: o.acronym ? `${o.nameFr} (${o.acronym})` : o.nameFr })),
    objectives: objectives.map((o) => ({ value: o.id, label: o.label })),
  };
}
