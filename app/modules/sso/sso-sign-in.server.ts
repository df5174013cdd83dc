import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import * as client from "openid-client";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { mfaRequiredRoles } from "../authz/permissions.ts";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization } from "../governance/tables.ts";
import { loadActiveRoles } from "../identity/current-user.server.ts";
import { accountActor, anonymousActor, type IdentityContext } from "../identity/identity-context.ts";
import { identityEmail } from "../identity/identity-emails.server.ts";
import { createSession, hashToken, revokeSession } from "../identity/session.server.ts";
import { findApprovers } from "../identity/sign-up.server.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { clientSecretBox, idTokenBox } from "./client-secret.server.ts";
import { providerConfiguration } from "./oidc-configuration.server.ts";
import { applyRoleMapping, mfaAsserted } from "./role-mapping.server.ts";
import { identityProvider, ssoIdentity, ssoLoginState, ssoSession } from "./tables.ts";

export const SSO_STATE_TTL_MS = 10 * 60 * 1000;
export const SSO_CALLBACK_PATH = "/login/sso/callback";

export type SsoRefusal =
  | "sso.unavailable" // the provider is off, unknown, or cannot be reached
  | "sso.expired" // no usable sign-in under way (tampered, replayed or too old)
  | "sso.failed" // the provider's answer was refused (state, code, nonce, signature…)
  | "sso.noAccount"
  | "sso.emailDomain"
  | "sso.emailExists"
  | "sso.emailUnverified"
  | "sso.alreadyLinked"
  | "sso.otherOrganization"
  | "sso.accountInactive"
  | "sso.pendingApproval";

type Provider = typeof identityProvider.$inferSelect;

export function callbackUrl(publicUrl: string): string {
  return `${publicUrl}${SSO_CALLBACK_PATH}`;
}

async function loadProvider(db: Database, providerId: string): Promise<Provider | null> {
  const [row] = await db
    .select()
    .from(identityProvider)
    .innerJoin(organization, eq(organization.id, identityProvider.organizationId))
    .where(and(eq(identityProvider.id, providerId), eq(organization.partnershipId, identityProvider.partnershipId)))
    .limit(1);
  return row?.identity_provider ?? null;
}

async function configurationOf(context: IdentityContext, provider: Provider): Promise<client.Configuration | null> {
  const clientSecret = clientSecretBox(context.config).open(provider.clientSecretEnc, provider.id);
  if (clientSecret === null) return null;
  try {
    return await providerConfiguration({ id: provider.id, issuer: provider.issuer, clientId: provider.clientId, clientSecret });
  } catch {
    return null;
  }
}

const stateHash = (id: string) => createHash("sha256").update(id).digest("hex");

/**
 * Starts the authorization code flow (PKCE S256, state, nonce). The flow's secrets stay in the
 * database; the browser only gets a random id in a short-lived cookie. `link`: from a signed-in
 * session, to link the account (`accountId`) to this provider.
 */
export async function startSsoSignIn(
  context: IdentityContext,
  input: { providerId: string; purpose: "login" | "link"; accountId?: string | null; redirectTo: string; now?: Date },
): Promise<{ kind: "redirect"; url: string; stateId: string } | { kind: "refused"; reason: "sso.unavailable" }> {
  const now = input.now ?? new Date();
  const provider = await loadProvider(context.db, input.providerId);
  if (!provider || !provider.enabled) return { kind: "refused", reason: "sso.unavailable" };
  const configuration = await configurationOf(context, provider);
  if (!configuration) return { kind: "refused", reason: "sso.unavailable" };
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
  const stateId = randomBytes(32).toString("base64url");
  await context.db.transaction(async (tx) => {
    // Old, finished or abandoned flows go as new ones start.
    await tx.delete(ssoLoginState).where(lt(ssoLoginState.expiresAt, new Date(now.getTime() - SSO_STATE_TTL_MS)));
    await tx.insert(ssoLoginState).values({
      idHash: stateHash(stateId),
      providerId: provider.id,
      purpose: input.purpose,
      accountId: input.purpose === "link" ? (input.accountId ?? null) : null,
      state,
      nonce,
      codeVerifier,
      redirectTo: input.redirectTo.slice(0, 2000),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SSO_STATE_TTL_MS),
    });
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(context.config.publicUrl),
    scope: "openid email profile",
    response_type: "code",
    state,
    nonce,
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
  });
  return { kind: "redirect", url: url.href, stateId };
}

export type SsoCallbackResult =
  | { kind: "refused"; reason: SsoRefusal }
  | { kind: "signed_in"; token: string; next: "mfa" | "mfa_setup" | "continue"; redirectTo: string }
  | { kind: "pending_approval" }
  | { kind: "linked"; redirectTo: string };

/**
 * The provider sent the browser back. The flow is consumed first (single use, 10 minutes), then
 * openid-client exchanges the code, checking state, PKCE, nonce, issuer, audience and signature.
 */
export async function completeSsoSignIn(
  context: IdentityContext,
  input: {
    stateId: string | null;
    /** The query string the provider sent back (`?code=…&state=…&iss=…`). */
    search: string;
    /** For a link: the session the person is signed in with. */
    signedIn: { accountId: string } | null;
    userAgent: string;
    previousSessionToken?: string | null;
    now?: Date;
  },
): Promise<SsoCallbackResult> {
  const now = input.now ?? new Date();
  const { db } = context;
  const fail = async (reason: SsoRefusal, details: Record<string, unknown> = {}, provider?: Provider | null) => {
    await db.transaction((tx) =>
      recordAuditEvent(tx, anonymousActor(context), {
        action: "sso.login_failed",
        targetType: "identity_provider",
        targetId: provider?.id ?? "",
        partnershipId: provider?.partnershipId ?? null,
        organizationId: provider?.organizationId ?? null,
        details: { reason, ...details },
      }),
    );
    return { kind: "refused", reason } as const;
  };
  if (!input.stateId || !/^[A-Za-z0-9_-]{43}$/.test(input.stateId)) return fail("sso.expired", { cause: "no_state_cookie" });
  // Consumed before anything else: a second use of the same flow finds nothing.
  const [flow] = await db
    .update(ssoLoginState)
    .set({ usedAt: now })
    .where(and(eq(ssoLoginState.idHash, stateHash(input.stateId)), isNull(ssoLoginState.usedAt), gt(ssoLoginState.expiresAt, now)))
    .returning();
  if (!flow) return fail("sso.expired", { cause: "state_unknown_used_or_expired" });
  const provider = await loadProvider(db, flow.providerId);
  if (!provider || !provider.enabled) return fail("sso.unavailable", {}, provider);
  const configuration = await configurationOf(context, provider);
  if (!configuration) return fail("sso.unavailable", {}, provider);

  let claims: Record<string, unknown>;
  let idToken: string;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, new URL(`${callbackUrl(context.config.publicUrl)}${input.search}`), {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) return fail("sso.failed", { cause: "no_id_token" }, provider);
    claims = idClaims as Record<string, unknown>;
    idToken = tokens.id_token;
  } catch (error) {
    const e = error as { name?: string; code?: string; error?: string };
    return fail("sso.failed", { cause: e.code ?? e.error ?? e.name ?? "error" }, provider);
  }
  const issuer = String(claims.iss ?? "");
  const subject = String(claims.sub ?? "");
  if (!issuer || !subject) return fail("sso.failed", { cause: "no_subject" }, provider);
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  const emailVerified = claims.email_verified === true;
  const domainAllowed = !provider.emailDomains.length || provider.emailDomains.includes(email.split("@").pop() ?? "");

  const [linked] = await db
    .select({ identityId: ssoIdentity.id, accountId: ssoIdentity.accountId, providerId: ssoIdentity.providerId })
    .from(ssoIdentity)
    .where(and(eq(ssoIdentity.issuer, issuer), eq(ssoIdentity.subject, subject)))
    .limit(1);

  if (flow.purpose === "link") {
    // Only the signed-in account that started the link may finish it.
    if (!input.signedIn || input.signedIn.accountId !== flow.accountId) return fail("sso.expired", { cause: "link_session_changed" }, provider);
    if (!emailVerified || !email) return fail("sso.emailUnverified", {}, provider);
    if (!domainAllowed) return fail("sso.emailDomain", {}, provider);
    if (linked) return fail("sso.alreadyLinked", { sameAccount: linked.accountId === flow.accountId }, provider);
    const [who] = await db
      .select({ personId: account.personId, organizationId: person.organizationId, partnershipId: person.partnershipId })
      .from(account)
      .innerJoin(person, eq(person.id, account.personId))
      .where(eq(account.id, flow.accountId!))
      .limit(1);
    if (!who || who.organizationId !== provider.organizationId || who.partnershipId !== provider.partnershipId) {
      return fail("sso.otherOrganization", {}, provider);
    }
    const roles = await loadActiveRoles(db, who.personId);
    const done = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(ssoIdentity)
        .values({ accountId: flow.accountId!, providerId: provider.id, partnershipId: provider.partnershipId, organizationId: provider.organizationId, issuer, subject, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: ssoIdentity.id });
      if (!row) return false;
      await recordAuditEvent(tx, accountActor(context, { accountId: flow.accountId!, partnershipId: who.partnershipId, organizationId: who.organizationId, roles }), {
        action: "sso.identity_linked",
        targetType: "account",
        targetId: flow.accountId!,
        details: { providerId: provider.id, identityId: row.id, issuer },
      });
      return true;
    });
    if (!done) return fail("sso.alreadyLinked", { race: true }, provider);
    return { kind: "linked", redirectTo: flow.redirectTo };
  }

  // Sign-in: only through an identity already linked, or a new account when the provider allows it.
  const accountId = linked?.accountId ?? null;
  if (linked && linked.providerId !== provider.id) {
    // The same issuer registered for another organization: the identity belongs to its own provider.
    return fail("sso.otherOrganization", {}, provider);
  }
  if (!accountId) {
    if (!provider.autoCreate) return fail("sso.noAccount", { issuer }, provider);
    if (!email || !emailVerified) return fail("sso.emailUnverified", {}, provider);
    if (!domainAllowed) return fail("sso.emailDomain", {}, provider);
    const [existing] = await db.select({ id: account.id }).from(account).where(eq(account.email, email)).limit(1);
    // Never linked silently by address: the person signs in with the password and links from the profile.
    if (existing) return fail("sso.emailExists", {}, provider);
    await createPendingAccount(context, provider, { issuer, subject, email, claims, now });
    return { kind: "pending_approval" };
  }

  const [row] = await db
    .select({ status: account.status, personId: account.personId, mfaEnabledAt: account.mfaEnabledAt, email: account.email, partnershipId: person.partnershipId, organizationId: person.organizationId })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(account.id, accountId))
    .limit(1);
  if (!row) return fail("sso.noAccount", {}, provider);
  if (row.status === "pending_approval" || row.status === "pending_email") return { kind: "pending_approval" };
  if (row.status !== "active") return fail("sso.accountInactive", {}, provider);

  const asserted = mfaAsserted(claims);
  const token = await db.transaction(async (tx) => {
    const before = await loadActiveRoles(tx, row.personId);
    const actor: AuditActor = accountActor(context, { accountId: accountId!, partnershipId: row.partnershipId, organizationId: row.organizationId, roles: before });
    await applyRoleMapping(tx, actor, {
      personId: row.personId,
      accountId: accountId!,
      partnershipId: provider.partnershipId,
      organizationId: provider.organizationId,
      providerId: provider.id,
      rules: provider,
      claims,
      now,
    });
    if (input.previousSessionToken) await revokeSession(tx, hashToken(input.previousSessionToken), now);
    // A second factor the provider asserts counts as the session's own.
    const created = await createSession(tx, { accountId: accountId!, mfaPassed: asserted, mfaByProvider: asserted, ip: context.ip, userAgent: input.userAgent, now });
    await tx.insert(ssoSession).values({ sessionIdHash: hashToken(created), providerId: provider.id, idTokenEnc: idTokenBox(context.config).seal(idToken, hashToken(created)), createdAt: now });
    await tx.update(ssoIdentity).set({ lastLoginAt: now }).where(eq(ssoIdentity.id, linked!.identityId));
    await tx.update(account).set({ lastLoginAt: now }).where(eq(account.id, accountId!));
    await recordAuditEvent(tx, actor, {
      action: "auth.login_succeeded",
      targetType: "account",
      targetId: accountId!,
      details: { method: "sso", providerId: provider.id, mfa: asserted ? "asserted_by_provider" : row.mfaEnabledAt ? "pending" : "none" },
    });
    return created;
  });
  const roles = await loadActiveRoles(db, row.personId);
  const privileged = roles.some((r) => mfaRequiredRoles.includes(r.role));
  const next = asserted ? "continue" : row.mfaEnabledAt ? "mfa" : privileged && !context.demoMode ? "mfa_setup" : "continue";
  return { kind: "signed_in", token, next, redirectTo: flow.redirectTo };
}

/** A new account from the provider: pending the pivot coordinator's approval, as a sign-up is. */
async function createPendingAccount(
  context: IdentityContext,
  provider: Provider,
  input: { issuer: string; subject: string; email: string; claims: Record<string, unknown>; now: Date },
): Promise<void> {
  const text = (v: unknown, fallback: string) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 100) : fallback);
  await context.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(person)
      .values({
        partnershipId: provider.partnershipId,
        organizationId: provider.organizationId,
        givenName: text(input.claims.given_name, input.email.split("@")[0] ?? "—"),
        familyName: text(input.claims.family_name, ""),
        email: input.email,
      })
      .returning({ id: person.id });
    const [newAccount] = await tx
      .insert(account)
      .values({ personId: created!.id, email: input.email, passwordHash: null, status: "pending_approval", locale: input.claims.locale === "en" ? "en" : "fr" })
      .returning({ id: account.id });
    await tx.insert(ssoIdentity).values({
      accountId: newAccount!.id,
      providerId: provider.id,
      partnershipId: provider.partnershipId,
      organizationId: provider.organizationId,
      issuer: input.issuer,
      subject: input.subject,
      createdAt: input.now,
    });
    const approvers = await findApprovers(tx, provider.partnershipId, provider.organizationId);
    for (const approver of approvers) {
      const message = identityEmail("approvalRequest", approver.locale, { link: `${context.config.publicUrl}/admin/approvals` });
      await queueEmail(tx, { to: approver.email, ...message, partnershipId: provider.partnershipId });
    }
    await recordAuditEvent(tx, anonymousActor(context), {
      action: "sso.account_created",
      targetType: "account",
      targetId: newAccount!.id,
      partnershipId: provider.partnershipId,
      organizationId: provider.organizationId,
      details: { email: input.email, personId: created!.id, providerId: provider.id, approversNotified: approvers.length },
    });
  });
}
