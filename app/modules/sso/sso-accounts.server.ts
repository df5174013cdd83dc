import { and, asc, eq, sql } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { emailDomain } from "../identity/sign-up.server.ts";
import { account } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { missing, ok, refusal, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { identityProvider, ssoIdentity } from "./tables.ts";

export interface SignInButton {
  providerId: string;
  nameFr: string;
  nameEn: string;
}

/** "Sign in with <organisation>": every enabled provider (the login page is public). */
export async function listSignInButtons(db: Database): Promise<SignInButton[]> {
  return db
    .select({ providerId: identityProvider.id, nameFr: organization.nameFr, nameEn: organization.nameEn })
    .from(identityProvider)
    .innerJoin(organization, and(eq(organization.id, identityProvider.organizationId), eq(organization.partnershipId, identityProvider.partnershipId)))
    .where(eq(identityProvider.enabled, true))
    .orderBy(asc(organization.nameFr));
}

/**
 * The enabled provider that signs in this address ("email first"): the one whose allowed domains
 * hold its domain, an SSO-only one first. Depends on the address's domain only, never on an account.
 */
export async function providerForEmail(db: Database, email: string): Promise<string | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const [row] = await db
    .select({ id: identityProvider.id })
    .from(identityProvider)
    .where(and(eq(identityProvider.enabled, true), sql`${domain} = any(${identityProvider.emailDomains})`))
    .orderBy(sql`${identityProvider.ssoOnly} desc`, asc(identityProvider.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Whether password sign-in is closed for this address: its domain belongs to an enabled
 * SSO-only provider. Depends on the address only, so the answer says nothing about an account.
 */
export async function ssoOnlyForEmail(db: Database, email: string): Promise<boolean> {
  const domain = emailDomain(email);
  if (!domain) return false;
  const [row] = await db
    .select({ id: identityProvider.id })
    .from(identityProvider)
    .where(and(eq(identityProvider.enabled, true), eq(identityProvider.ssoOnly, true), sql`${domain} = any(${identityProvider.emailDomains})`))
    .limit(1);
  return !!row;
}

/**
 * Whether this account may not use its password: it holds no platform_admin role (the local
 * break-glass admin always can) and its address's domain, or one of its linked identities,
 * falls under an enabled SSO-only provider.
 */
export async function passwordClosedForAccount(db: Database, input: { accountId: string; email: string; roles: readonly { role: string }[] }): Promise<boolean> {
  if (input.roles.some((r) => r.role === "platform_admin")) return false;
  if (await ssoOnlyForEmail(db, input.email)) return true;
  const [row] = await db
    .select({ id: ssoIdentity.id })
    .from(ssoIdentity)
    .innerJoin(identityProvider, eq(identityProvider.id, ssoIdentity.providerId))
    .where(and(eq(ssoIdentity.accountId, input.accountId), eq(identityProvider.enabled, true), eq(identityProvider.ssoOnly, true)))
    .limit(1);
  return !!row;
}

export interface LinkedIdentity {
  id: string;
  providerId: string;
  nameFr: string;
  nameEn: string;
  createdAt: Date;
  lastLoginAt: Date | null;
  ssoOnly: boolean;
}

export interface ProfileSso {
  linked: LinkedIdentity[];
  /** The providers of the person's own organization not linked yet. */
  linkable: SignInButton[];
}

/** The profile's single sign-on section: the person's identities, and what they may link. */
export async function getProfileSso(db: Database, input: { accountId: string }): Promise<ProfileSso> {
  const linked = await db
    .select({
      id: ssoIdentity.id,
      providerId: ssoIdentity.providerId,
      nameFr: organization.nameFr,
      nameEn: organization.nameEn,
      createdAt: ssoIdentity.createdAt,
      lastLoginAt: ssoIdentity.lastLoginAt,
      ssoOnly: identityProvider.ssoOnly,
    })
    .from(ssoIdentity)
    .innerJoin(identityProvider, eq(identityProvider.id, ssoIdentity.providerId))
    .innerJoin(organization, eq(organization.id, identityProvider.organizationId))
    .where(eq(ssoIdentity.accountId, input.accountId))
    .orderBy(asc(ssoIdentity.createdAt));
  const [who] = await db
    .select({ organizationId: person.organizationId, partnershipId: person.partnershipId })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(account.id, input.accountId))
    .limit(1);
  const linkable =
    who?.organizationId && who.partnershipId
      ? (
          await db
            .select({ providerId: identityProvider.id, nameFr: organization.nameFr, nameEn: organization.nameEn })
            .from(identityProvider)
            .innerJoin(organization, eq(organization.id, identityProvider.organizationId))
            .where(and(eq(identityProvider.enabled, true), eq(identityProvider.organizationId, who.organizationId), eq(identityProvider.partnershipId, who.partnershipId)))
            .orderBy(asc(organization.nameFr))
        ).filter((p) => !linked.some((l) => l.providerId === p.providerId))
      : [];
  return { linked, linkable };
}

/** Whether the account may start linking this provider (its own organization's, enabled). */
export async function canLinkProvider(db: Database, input: { accountId: string; providerId: string }): Promise<boolean> {
  const { linkable } = await getProfileSso(db, input);
  return linkable.some((p) => p.providerId === input.providerId);
}

/**
 * Removes a linked identity of one's own account. Refused when the account could not sign in
 * afterwards: no password and no other identity, or SSO-only with no other identity.
 */
export async function unlinkIdentity(
  db: Database,
  actor: AuditActor,
  input: { accountId: string; identityId: string },
): Promise<Ok | NotFound | Refused<"sso.unlink.lastWayIn">> {
  return db.transaction(async (tx) => {
    const identities = await tx
      .select({ id: ssoIdentity.id, providerId: ssoIdentity.providerId, issuer: ssoIdentity.issuer, ssoOnly: identityProvider.ssoOnly, enabled: identityProvider.enabled })
      .from(ssoIdentity)
      .innerJoin(identityProvider, eq(identityProvider.id, ssoIdentity.providerId))
      .where(eq(ssoIdentity.accountId, input.accountId))
      .for("update");
    const target = identities.find((i) => i.id === input.identityId);
    if (!target) return missing();
    const others = identities.filter((i) => i.id !== target.id && i.enabled);
    const [acc] = await tx.select({ passwordHash: account.passwordHash, email: account.email, personId: account.personId }).from(account).where(eq(account.id, input.accountId));
    if (!acc) return missing();
    const isAdmin = (
      await tx
        .select({ id: roleAssignment.id })
        .from(roleAssignment)
        .where(and(eq(roleAssignment.personId, acc.personId), eq(roleAssignment.role, "platform_admin"), sql`${roleAssignment.revokedAt} is null`))
        .limit(1)
    ).length > 0;
    // Left with no way in: no other identity, and no password, or an SSO-only provider (or address).
    const passwordUsable = !!acc.passwordHash && (isAdmin || (!target.ssoOnly && !(await ssoOnlyForEmail(tx, acc.email))));
    if (!others.length && !passwordUsable) return refusal("sso.unlink.lastWayIn");
    await tx.delete(ssoIdentity).where(and(eq(ssoIdentity.id, target.id), eq(ssoIdentity.accountId, input.accountId)));
    await recordAuditEvent(tx, actor, {
      action: "sso.identity_unlinked",
      targetType: "account",
      targetId: input.accountId,
      details: { providerId: target.providerId, identityId: target.id, issuer: target.issuer },
    });
    return ok();
  });
}
