import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { HeldRole } from "../authz/decide.ts";
import { mfaRequiredRoles } from "../authz/permissions.ts";
import { partnership } from "../governance/tables.ts";
import { loadSession, readSessionToken } from "./session.server.ts";
import { account } from "./tables.ts";
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

export async function getCurrentUser(db: Database, request: Request, secureCookies: boolean): Promise<CurrentUser | null> {
  const token = readSessionToken(request, secureCookies);
  if (!token) return null;
  const live = await loadSession(db, token);
  if (!live) return null;
  const [row] = await db
    .select({
      accountId: account.id,
      personId: person.id,
      email: account.email,
      givenName: person.givenName,
      familyName: person.familyName,
      locale: account.locale,
      partnershipId: person.partnershipId,
      organizationId: person.organizationId,
      mfaEnabledAt: account.mfaEnabledAt,
    })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(account.id, live.accountId))
    .limit(1);
  if (!row) return null;
  const roles = await loadActiveRoles(db, row.personId);
  const isPlatformAdmin = roles.some((r) => r.role === "platform_admin");
  let partnershipId = row.partnershipId;
  if (isPlatformAdmin) {
    partnershipId = live.activePartnershipId ?? row.partnershipId;
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
    sessionIdHash: live.idHash,
    mfaPassed: live.mfaPassed,
    mfaByProvider: live.mfaByProvider,
  };
}
