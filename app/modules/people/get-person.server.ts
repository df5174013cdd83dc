import { and, desc, eq, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "../governance/tables.ts";
import { account } from "../identity/tables.ts";
import { person, roleAssignment } from "./tables.ts";
import { personScope, type OrganizationScope } from "./person-scope.ts";

const granter = alias(account, "granter");
const revoker = alias(account, "revoker");

/**
 * One person of the Table with their account and the full history of their roles (revoked ones
 * included). Outside the reader's scope (another Table, or another organization for a pivot
 * coordinator) → null, exactly like a missing person.
 */
export async function getPerson(
  db: Database,
  input: { partnershipId: string; organizationIds: OrganizationScope; personId: string },
) {
  const [row] = await db
    .select({
      person,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      siteName: site.name,
    })
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(site, eq(site.id, person.siteId))
    .where(and(eq(person.id, input.personId), personScope(input.partnershipId, input.organizationIds)))
    .limit(1);
  if (!row) return null;
  const [acc] = await db
    .select({
      id: account.id,
      email: account.email,
      status: account.status,
      lastLoginAt: account.lastLoginAt,
      deactivatedAt: account.deactivatedAt,
      mfaEnabledAt: account.mfaEnabledAt,
    })
    .from(account)
    .where(eq(account.personId, row.person.id))
    .limit(1);
  const roles = await db
    .select({
      id: roleAssignment.id,
      role: roleAssignment.role,
      partnershipId: roleAssignment.partnershipId,
      organizationId: roleAssignment.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      grantedAt: roleAssignment.grantedAt,
      grantedByEmail: granter.email,
      revokedAt: roleAssignment.revokedAt,
      revokedByEmail: revoker.email,
    })
    .from(roleAssignment)
    .leftJoin(organization, eq(organization.id, roleAssignment.organizationId))
    .leftJoin(granter, eq(granter.id, roleAssignment.grantedBy))
    .leftJoin(revoker, eq(revoker.id, roleAssignment.revokedBy))
    .where(
      and(
        eq(roleAssignment.personId, row.person.id),
        or(eq(roleAssignment.partnershipId, input.partnershipId), isNull(roleAssignment.partnershipId)),
      ),
    )
    .orderBy(desc(roleAssignment.grantedAt));
  return {
    person: row.person,
    organizationNameFr: row.organizationNameFr,
    organizationNameEn: row.organizationNameEn,
    siteName: row.siteName,
    account: acc ?? null,
    roles,
  };
}

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

/** Whether the person exists inside the reader's scope: checked before reading a submitted form. */
export async function personInScope(
  db: Database,
  input: { partnershipId: string; organizationIds: OrganizationScope; personId: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.id, input.personId), personScope(input.partnershipId, input.organizationIds)))
    .limit(1);
  return rows.length > 0;
}
