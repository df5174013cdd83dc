import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { account } from "./tables.ts";
import { person } from "../people/tables.ts";

export interface AccountScope {
  partnershipId: string;
  /** From organizationsWhere(): "all" for Table-wide managers, else the organizations they manage. */
  organizationIds: "all" | string[];
}

/** WHERE clause limiting people to a Table and, unless "all", to some of its organizations. */
export function personInScope(scope: AccountScope): SQL | undefined {
  if (scope.organizationIds !== "all" && scope.organizationIds.length === 0) return sql`false`;
  return and(
    eq(person.partnershipId, scope.partnershipId),
    scope.organizationIds === "all" ? undefined : inArray(person.organizationId, scope.organizationIds),
  );
}

/** The account with its person, only when it lies inside the scope (otherwise: as if missing). */
export async function findAccountInScope(tx: Database, accountId: string, scope: AccountScope) {
  const [row] = await tx
    .select({
      id: account.id,
      status: account.status,
      email: account.email,
      locale: account.locale,
      passwordHash: account.passwordHash,
      personId: person.id,
      givenName: person.givenName,
      partnershipId: person.partnershipId,
      organizationId: person.organizationId,
    })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(and(eq(account.id, accountId), personInScope(scope)))
    .limit(1);
  return row ?? null;
}
