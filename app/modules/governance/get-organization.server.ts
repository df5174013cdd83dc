import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { organization, site } from "./tables.ts";

/**
 * One organization of a Table, with its sites and people. The Table is in the WHERE clause:
 * an organization of another Table is reported missing, like one that does not exist.
 */
export async function getOrganization(db: Database, input: { partnershipId: string; organizationId: string }) {
  const [org] = await db
    .select()
    .from(organization)
    .where(and(eq(organization.id, input.organizationId), eq(organization.partnershipId, input.partnershipId)))
    .limit(1);
  if (!org) return null;
  const sites = await db
    .select({ id: site.id, name: site.name, kind: site.kind, municipality: site.municipality, territory: site.territory })
    .from(site)
    .where(and(eq(site.organizationId, org.id), eq(site.partnershipId, input.partnershipId)))
    .orderBy(asc(site.name));
  const people = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      title: person.title,
      accountStatus: account.status,
    })
    .from(person)
    .leftJoin(account, eq(account.personId, person.id))
    .where(and(eq(person.organizationId, org.id), eq(person.partnershipId, input.partnershipId)))
    .orderBy(asc(person.familyName), asc(person.givenName));
  return { organization: org, sites, people };
}

export type OrganizationDetail = NonNullable<Awaited<ReturnType<typeof getOrganization>>>;
