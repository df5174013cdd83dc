import { and, eq, isNull, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { Role } from "./roles.ts";
import { account } from "./tables.ts";
import { person, roleAssignment } from "../people/tables.ts";

/** A role in the Table, optionally only for one organization's holders. */
export interface RoleHolders {
  role: Role;
  organizationId?: string;
}

/**
 * Addresses of the people holding any of the given roles in the Table (assignment not revoked;
 * account active, or no account yet): the account's address first, else the directory address,
 * lower-cased and each once. The one recipients lookup of the reminder and alert jobs.
 */
export async function roleHolderEmails(db: Database, partnershipId: string, holders: readonly RoleHolders[]): Promise<string[]> {
  if (holders.length === 0) return [];
  const rows = await db
    .select({ email: person.email, accountEmail: account.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .leftJoin(account, eq(account.personId, person.id))
    .where(
      and(
        eq(roleAssignment.partnershipId, partnershipId),
        isNull(roleAssignment.revokedAt),
        or(
          ...holders.map((h) =>
            h.organizationId === undefined ? eq(roleAssignment.role, h.role) : and(eq(roleAssignment.role, h.role), eq(roleAssignment.organizationId, h.organizationId)),
          ),
        ),
        or(isNull(account.id), eq(account.status, "active")),
      ),
    );
  return [...new Set(rows.map((r) => (r.accountEmail || r.email || "").toLowerCase()).filter(Boolean))];
}
