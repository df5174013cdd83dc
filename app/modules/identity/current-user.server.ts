import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { HeldRole } from "../authz/decide.ts";
import { mfaRequiredRoles } from "../authz/permissions.ts";
import { partnership } from "../governance/tables.ts";
import { hashToken, liveSessionColumns, readSessionToken, settleSession } from "./session.server.ts";
import { account, session } from "./tables.ts";
import { person, roleAssignment } from "../people/tables.ts";

export interface CurrentUser {
  accountId: string;
  personId: string;
  email: string;
  givenName: string;
  familyName: string;
  locale: "fr" | "en";
  /** The Table the user is working in (a platform admin may switch). */
  partnershipId: string | null;
  organizationId: string | null;
  roles: HeldRole[];
  mfaEnabled: boolean;
  /** Holds a role that must use a second factor. */
  mfaRequired: boolean;
  sessionIdHash: string;
  mfaPassed: boolean;
  /** The session's second factor came from the identity provider (single sign-on). */
  mfaByProvider: boolean;
}

export async function loadActiveRoles(db: Database, personId: string): Promise<HeldRole[]> {
  return db
    .select({
      role: roleAssignment.role,
      partnershipId: roleAssignment.partnershipId,
      organizationId: roleAssignment.organizationId,
    })
    .from(roleAssignment)
    .where(and(eq(roleAssignment.personId, personId), isNull(roleAssignment.revokedAt)));
}

/**
 * The signed-in person of this request, or null. One query reads the session, its account,
 * the person and their active roles: every signed-in page starts here, so it is one round trip
 * instead of three.
 */
export async function getCurrentUser(db: Database, request: Request, secureCookies: boolean): Promise<CurrentUser | null> {
  const token = readSessionToken(request, secureCookies);
  if (!token) return null;
  const idHash = hashToken(token);
  const [row] = await db
    .select({
      ...liveSessionColumns,
      accountId: account.id,
      personId: person.id,
      email: account.email,
      givenName: person.givenName,
      familyName: person.familyName,
      locale: account.locale,
      partnershipId: person.partnershipId,
      organizationId: person.organizationId,
      mfaEnabledAt: account.mfaEnabledAt,
      roles: sql<HeldRole[]>`coalesce((
        select json_agg(json_build_object('role', ${roleAssignment.role}, 'partnershipId', ${roleAssignment.partnershipId}, 'organizationId', ${roleAssignment.organizationId}))
        from ${roleAssignment}
        where ${roleAssignment.personId} = ${person.id} and ${roleAssignment.revokedAt} is null
      ), '[]'::json)`,
    })
    .from(session)
    .innerJoin(account, eq(account.id, session.accountId))
    .innerJoin(person, eq(person.id, account.personId))
    .where(and(eq(session.idHash, idHash), isNull(session.revokedAt)))
    .limit(1);
  if (!row || !(await settleSession(db, idHash, row))) return null;
  const roles = row.roles;
  const isPlatformAdmin = roles.some((r) => r.role === "platform_admin");
  let partnershipId = row.partnershipId;
  if (isPlatformAdmin) {
    partnershipId = row.activePartnershipId ?? row.partnershipId;
    if (!partnershipId) {
      const [first] = await db.select({ id: partnership.id }).from(partnership).orderBy(asc(partnership.createdAt)).limit(1);
      partnershipId = first?.id ?? null;
    }
  }
  return {
    accountId: row.accountId,
    personId: row.personId,
    email: row.email,
    givenName: row.givenName,
    familyName: row.familyName,
    locale: row.locale === "en" ? "en" : "fr",
    partnershipId,
    organizationId: row.organizationId,
    roles,
    mfaEnabled: !!row.mfaEnabledAt,
    mfaRequired: roles.some((r) => mfaRequiredRoles.includes(r.role)),
    sessionIdHash: row.idHash,
    mfaPassed: row.mfaPassed,
    mfaByProvider: row.mfaByProvider,
  };
}
