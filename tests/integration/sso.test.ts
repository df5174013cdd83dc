import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import * as client from "openid-client";
import { startIdp, type RunningIdp } from "../../server/demo-idp.ts";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { IdpBrowser } from "../support/oidc-browser.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { systemActor, type AuditActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { account, session } from "../../app/modules/identity/tables.ts";
import { person, roleAssignment } from "../../app/modules/people/tables.ts";
import { approveSignup } from "../../app/modules/identity/review-signup.server.ts";
import { createIdentityProvider, updateIdentityProvider, getIdentityProvider } from "../../app/modules/sso/manage-identity-providers.server.ts";
import { providerConfiguration } from "../../app/modules/sso/oidc-configuration.server.ts";
import { identityProvider, ssoIdentity, ssoLoginState } from "../../app/modules/sso/tables.ts";
import * as start from "../../app/routes/identity/login.sso.$providerId.tsx";
import * as emailFirst from "../../app/routes/identity/login.sso.tsx";
import * as callback from "../../app/routes/identity/login.sso.callback.tsx";
import * as login from "../../app/routes/identity/login.tsx";
import * as logout from "../../app/routes/identity/logout.tsx";
import * as profileSso from "../../app/routes/identity/profile.sso.tsx";
import { callRoute, createAccount, PASSWORD, seedTable, sessionCookie, uniqueEmail } from "./identity-fixtures.ts";

let handle: DatabaseHandle;
let idp: RunningIdp;
let table: Awaited<ReturnType<typeof seedTable>>;
let providerId: string;
let admin: AuditActor;
const suffix = Math.random().toString(36).slice(2, 8);
const DOMAIN = `cjq-${suffix}.qc.ca`;
const PUBLIC = "http://localhost:3000";
const CALLBACK = `${PUBLIC}/login/sso/callback`;
const CLIENT = { clientId: "filet-test", clientSecret: "un-secret-de-client-de-test-assez-long", redirectUris: [CALLBACK], postLogoutRedirectUris: [`${PUBLIC}/login?notice=signedOut`] };

const ctx = () => testContext(handle.db);
const person_ = (sub: string, email: string, extra: Record<string, unknown> = {}) => ({
  sub,
  label: sub,
  claims: { email, email_verified: true, given_name: "Camille", family_name: "Roy", groups: [] as string[], ...extra },
});

beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db, { main: [DOMAIN] });
  idp = await startIdp({ client: CLIENT, people: [] });
  admin = { ...systemActor("test", table.partnershipId), role: "platform_admin" };
  const created = await createIdentityProvider(handle.db, ctx().config, admin, {
    partnershipId: table.partnershipId,
    organizationId: table.organizationId,
    issuer: idp.issuer,
    clientId: CLIENT.clientId,
    clientSecret: CLIENT.clientSecret,
    emailDomains: [DOMAIN],
    roleClaim: "groups",
    roleMappings: [
      { value: "pivots", role: "pivot" },
      { value: "cadres", role: "pivot_coordinator" },
    ],
    defaultRole: "worker",
    autoCreate: true,
    ssoOnly: false,
    enabled: true,
  });
  if (created.kind !== "ok") throw new Error(JSON.stringify(created));
  providerId = created.value.id;
}, 60_000);

afterAll(async () => {
  await idp?.close();
  await handle?.close();
});

function cookieValue(setCookie: string | null, name: string): string {
  const match = setCookie?.match(new RegExp(`${name}=([A-Za-z0-9_-]{43})`));
  if (!match) throw new Error(`no ${name} cookie in ${setCookie}`);
  return `${name}=${match[1]}`;
}

/** Where the hand-over page sends the browser (the provider's authorization or end-session address). */
function handoffOf(reply: { data: unknown }): string {
  const to = (reply.data as { handoff?: unknown } | null)?.handoff;
  if (typeof to !== "string") throw new Error(`no hand-over in ${JSON.stringify(reply.data)}`);
  return to;
}

/** POST "Sign in with…", then the provider: the callback's query and the flow's cookie. */
async function toProvider(as: { sub: string; mfa?: boolean }, browser = new IdpBrowser()) {
  const started = await callRoute(start.action, ctx(), { path: `/login/sso/${providerId}`, form: { redirectTo: "/directory" }, params: { providerId } });
  // A page that hands over to the provider (a plain form's redirect elsewhere would break the CSP's form-action).
  expect(started.status).toBe(200);
  expect(handoffOf(started)).toMatch(new RegExp(`^${idp.issuer}/auth\\?`));
  const auth = new URL(handoffOf(started));
  // PKCE S256, state and nonce, as the provider receives them.
  expect(auth.searchParams.get("code_challenge_method")).toBe("S256");
  expect(auth.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(auth.searchParams.get("state")).toBeTruthy();
  expect(auth.searchParams.get("nonce")).toBeTruthy();
  expect(auth.searchParams.get("redirect_uri")).toBe(CALLBACK);
  const flowCookie = cookieValue(started.setCookie, "filet_sso");
  const search = await browser.signIn(handoffOf(started), as, CALLBACK);
  return { search, flowCookie, browser };
}

const back = (search: string, cookie: string) => callRoute(callback.loader, ctx(), { path: `/login/sso/callback${search}`, cookie });

async function signInWithSso(as: { sub: string; mfa?: boolean }) {
  const { search, flowCookie } = await toProvider(as);
  return back(search, flowCookie);
}

async function accountByEmail(email: string) {
  const [row] = await handle.db.select().from(account).where(eq(account.email, email));
  return row;
}

async function heldRoles(personId: string) {
  const rows = await handle.db
    .select({ role: roleAssignment.role })
    .from(roleAssignment)
    .where(and(eq(roleAssignment.personId, personId), isNull(roleAssignment.revokedAt)));
  return rows.map((r) => r.role).sort();
}

async function auditActions(targetId: string) {
  const rows = await handle.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.targetId, targetId));
  return rows.map((r) => r.action);
}

describe("discovery", () => {
  it("reads the provider's metadata from its issuer", async () => {
    const provider = await getIdentityProvider(handle.db, { partnershipId: table.partnershipId, providerId });
    expect(provider?.issuer).toBe(idp.issuer);
    const configuration = await providerConfiguration({ id: `discovery-${suffix}`, issuer: idp.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret });
    const metadata = configuration.serverMetadata();
    expect(metadata.issuer).toBe(idp.issuer);
    expect(metadata.authorization_endpoint).toBe(`${idp.issuer}/auth`);
    expect(metadata.end_session_endpoint).toBeTruthy();
    expect(metadata.code_challenge_methods_supported).toContain("S256");
  });

  it("keeps the client secret sealed: never in the row in clear, nor in the audit", async () => {
    const [row] = await handle.db.select().from(identityProvider).where(eq(identityProvider.id, providerId));
    expect(row!.clientSecretEnc).not.toContain(CLIENT.clientSecret);
    const events = await handle.db.select({ details: auditEvent.details }).from(auditEvent).where(eq(auditEvent.targetId, providerId));
    expect(events.length).toBe(1);
    expect(JSON.stringify(events)).not.toContain(CLIENT.clientSecret);
  });
});

describe("the authorization code flow", () => {
  const email = `alex.${suffix}@${DOMAIN}`;
  it("creates an account pending approval at the first sign-in, keyed by (issuer, subject)", async () => {
    idp.people.set("alex-sub", person_("alex-sub", email, { groups: ["pivots"] }));
    const out = await signInWithSso({ sub: "alex-sub" });
    expect(out.status).toBe(403);
    expect(out.data).toEqual({ reason: "sso.pendingApproval" });
    const row = await accountByEmail(email);
    expect(row).toMatchObject({ status: "pending_approval", passwordHash: null });
    const [identity] = await handle.db.select().from(ssoIdentity).where(eq(ssoIdentity.accountId, row!.id));
    expect(identity).toMatchObject({ issuer: idp.issuer, subject: "alex-sub", organizationId: table.organizationId, providerId });
    expect(await auditActions(row!.id)).toContain("sso.account_created");
  });

  it("signs the person in once approved, and applies the mapping", async () => {
    const row = (await accountByEmail(email))!;
    await approveSignup(handle.db, { ...admin, role: "pivot_coordinator" }, { accountId: row.id, partnershipId: table.partnershipId, organizationIds: "all", publicUrl: PUBLIC });
    expect(await heldRoles(row.personId)).toEqual(["worker"]);
    const out = await signInWithSso({ sub: "alex-sub" });
    expect(out.status).toBe(302);
    expect(out.location).toBe("/directory");
    const cookie = sessionCookie(out.setCookie);
    expect(cookie).toMatch(/^filet_session=/);
    // "pivots" → pivot; the default role (worker) is only for those no rule matches.
    expect(await heldRoles(row.personId)).toEqual(["pivot"]);
    const actions = await auditActions(row.id);
    expect(actions).toContain("sso.roles_changed");
    expect(actions).toContain("auth.login_succeeded");
  });

  it("removes a role the provider no longer gives at the next sign-in, and keeps roles granted by hand", async () => {
    const row = (await accountByEmail(email))!;
    await handle.db.insert(roleAssignment).values({ personId: row.personId, role: "trainer", partnershipId: table.partnershipId, organizationId: null });
    idp.people.set("alex-sub", person_("alex-sub", email, { groups: ["autre"] }));
    const out = await signInWithSso({ sub: "alex-sub" });
    expect(out.status).toBe(302);
    expect(await heldRoles(row.personId)).toEqual(["trainer", "worker"]);
    idp.people.set("alex-sub", person_("alex-sub", email, { groups: ["pivots", "autre"] }));
    await signInWithSso({ sub: "alex-sub" });
    expect(await heldRoles(row.personId)).toEqual(["pivot", "trainer"]);
  });

  it("refuses a tampered state, and the flow cannot be used again", async () => {
    const { search, flowCookie } = await toProvider({ sub: "alex-sub" });
    const tampered = search.replace(/state=[^&]+/, "state=tampered-state-value");
    const out = await back(tampered, flowCookie);
    expect(out.status).toBe(400);
    expect(out.data).toEqual({ reason: "sso.failed" });
    expect(out.setCookie).toContain("filet_sso=;");
    // The flow was consumed by the first attempt: the genuine answer now finds nothing.
    const again = await back(search, flowCookie);
    expect(again.data).toEqual({ reason: "sso.expired" });
  });

  it("refuses a replayed state (the same callback twice)", async () => {
    const { search, flowCookie } = await toProvider({ sub: "alex-sub" });
    expect((await back(search, flowCookie)).status).toBe(302);
    const replay = await back(search, flowCookie);
    expect(replay.status).toBe(400);
    expect(replay.data).toEqual({ reason: "sso.expired" });
  });

  it("refuses a replayed code: the provider itself rejects the second exchange", async () => {
    const { search, flowCookie } = await toProvider({ sub: "alex-sub" });
    const [flow] = await handle.db.select().from(ssoLoginState).where(isNull(ssoLoginState.usedAt));
    expect((await back(search, flowCookie)).status).toBe(302);
    // The same flow's secrets under a new id: Filet's own check passes, the code is spent.
    const copyId = "c".repeat(43);
    const { createHash } = await import("node:crypto");
    await handle.db.insert(ssoLoginState).values({ ...flow!, idHash: createHash("sha256").update(copyId).digest("hex"), usedAt: null });
    const replay = await back(search, `filet_sso=${copyId}`);
    expect(replay.status).toBe(400);
    expect(replay.data).toEqual({ reason: "sso.failed" });
    const [failed] = await handle.db
      .select({ details: auditEvent.details })
      .from(auditEvent)
      .where(eq(auditEvent.action, "sso.login_failed"))
      .orderBy(auditEvent.occurredAt);
    expect(failed).toBeTruthy();
    // And directly with openid-client: a code exchanged once is refused the second time.
    const configuration = await providerConfiguration({ id: `replay-${suffix}`, issuer: idp.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret });
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: CALLBACK,
      scope: "openid email",
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
    const answer = await new IdpBrowser().signIn(url.href, { sub: "alex-sub" }, CALLBACK);
    const current = new URL(`${CALLBACK}${answer}`);
    const checks = { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce };
    await client.authorizationCodeGrant(configuration, current, checks);
    await expect(client.authorizationCodeGrant(configuration, current, checks)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("answers a callback without a flow, or with garbage, with a 4xx", async () => {
    expect((await back("?code=abc&state=def", "")).data).toEqual({ reason: "sso.expired" });
    expect((await back("?code=abc&code=def", "")).status).toBe(400);
    expect((await back("?code=%00", "")).status).toBe(400);
    expect((await back("", "filet_sso=" + "x".repeat(43))).status).toBe(400);
    expect((await back("?error=access_denied&state=x", "filet_sso=" + "x".repeat(43))).data).toEqual({ reason: "sso.expired" });
  });
});

describe("MFA for privileged roles", () => {
  it("asks for the Filet second factor set-up when the provider does not assert MFA, not when it does", async () => {
    const email = `cadre.${suffix}@${DOMAIN}`;
    const { accountId } = await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId });
    await handle.db.insert(ssoIdentity).values({ accountId, providerId, partnershipId: table.partnershipId, organizationId: table.organizationId, issuer: idp.issuer, subject: "cadre-sub" });
    idp.people.set("cadre-sub", person_("cadre-sub", email, { groups: ["cadres"] }));
    const without = await signInWithSso({ sub: "cadre-sub" });
    expect(without.location).toBe("/mfa/setup");
    const withMfa = await signInWithSso({ sub: "cadre-sub", mfa: true });
    expect(withMfa.location).toBe("/directory");
    const token = sessionCookie(withMfa.setCookie).split("=")[1]!;
    const { createHash } = await import("node:crypto");
    const [row] = await handle.db.select({ mfaPassed: session.mfaPassed }).from(session).where(eq(session.idHash, createHash("sha256").update(token).digest("hex")));
    expect(row?.mfaPassed).toBe(true);
    // An account with its own Filet second factor is asked for it when the provider asserts none.
    await handle.db.update(account).set({ mfaEnabledAt: new Date(), mfaSecretEnc: "x.y.z" }).where(eq(account.id, accountId));
    const enrolled = await signInWithSso({ sub: "cadre-sub" });
    expect(enrolled.location).toBe(`/login/mfa?redirectTo=${encodeURIComponent("/directory")}`);
  });
});

describe("linking an existing account", () => {
  const email = `sam.${suffix}@${DOMAIN}`;
  let accountId: string;
  beforeAll(async () => {
    ({ accountId } = await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] }));
    idp.people.set("sam-sub", person_("sam-sub", email));
  });

  it("never links silently by email at sign-in", async () => {
    const out = await signInWithSso({ sub: "sam-sub" });
    expect(out.status).toBe(400);
    expect(out.data).toEqual({ reason: "sso.emailExists" });
    expect(await handle.db.select().from(ssoIdentity).where(eq(ssoIdentity.accountId, accountId))).toEqual([]);
  });

  async function passwordSession() {
    const out = await callRoute(login.action, ctx(), { path: "/login", form: { email, password: PASSWORD } });
    expect(out.status).toBe(302);
    return sessionCookie(out.setCookie);
  }

  it("links from a signed-in session only, with a verified email", async () => {
    const cookie = await passwordSession();
    const started = await callRoute(profileSso.action, ctx(), { path: "/profile/sso", form: { intent: "link", providerId }, cookie });
    expect(started.status).toBe(200);
    const flowCookie = cookieValue(started.setCookie, "filet_sso");
    const search = await new IdpBrowser().signIn(handoffOf(started), { sub: "sam-sub" }, CALLBACK);
    // The same answer without the session that asked: refused.
    const [flow] = await handle.db.select().from(ssoLoginState).where(and(eq(ssoLoginState.purpose, "link"), isNull(ssoLoginState.usedAt)));
    const done = await back(search, `${flowCookie}; ${cookie}`);
    expect(done.status).toBe(302);
    expect(done.location).toBe("/profile/sso?linked=1");
    const [identity] = await handle.db.select().from(ssoIdentity).where(eq(ssoIdentity.accountId, accountId));
    expect(identity).toMatchObject({ subject: "sam-sub", issuer: idp.issuer });
    expect(await auditActions(accountId)).toContain("sso.identity_linked");
    expect(flow?.accountId).toBe(accountId);
    const signed = await signInWithSso({ sub: "sam-sub" });
    expect(signed.status).toBe(302);
  });

  it("refuses to finish a link in another (or no) session, or with an unverified email", async () => {
    const other = `lou.${suffix}@${DOMAIN}`;
    await createAccount(handle.db, { email: other, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    const signedIn = await callRoute(login.action, ctx(), { path: "/login", form: { email: other, password: PASSWORD } });
    const cookie = sessionCookie(signedIn.setCookie);
    idp.people.set("lou-sub", person_("lou-sub", other, { email_verified: false }));
    const started = await callRoute(profileSso.action, ctx(), { path: "/profile/sso", form: { intent: "link", providerId }, cookie });
    const flowCookie = cookieValue(started.setCookie, "filet_sso");
    const search = await new IdpBrowser().signIn(handoffOf(started), { sub: "lou-sub" }, CALLBACK);
    expect((await back(search, flowCookie)).data).toEqual({ reason: "sso.expired" });
    const again = await callRoute(profileSso.action, ctx(), { path: "/profile/sso", form: { intent: "link", providerId }, cookie });
    const search2 = await new IdpBrowser().signIn(handoffOf(again), { sub: "lou-sub" }, CALLBACK);
    expect((await back(search2, `${cookieValue(again.setCookie, "filet_sso")}; ${cookie}`)).data).toEqual({ reason: "sso.emailUnverified" });
  });

  it("refuses to link another organization's provider (404, like a missing one)", async () => {
    const cookie = await passwordSession();
    const out = await callRoute(profileSso.action, ctx(), { path: "/profile/sso", form: { intent: "link", providerId: crypto.randomUUID() }, cookie });
    expect(out.status).toBe(404);
  });

  it("unlinks from the profile, audited; refuses when it is the only way in", async () => {
    const cookie = await passwordSession();
    const [identity] = await handle.db.select().from(ssoIdentity).where(eq(ssoIdentity.accountId, accountId));
    const out = await callRoute(profileSso.action, ctx(), { path: "/profile/sso", form: { intent: "unlink", identityId: identity!.id }, cookie });
    expect(out.status).toBe(302);
    expect(await auditActions(accountId)).toContain("sso.identity_unlinked");
    // Alex's account was made by the provider: no password, one identity.
    const alex = (await accountByEmail(`alex.${suffix}@${DOMAIN}`))!;
    const alexIn = await signInWithSso({ sub: "alex-sub" });
    const [alexIdentity] = await handle.db.select().from(ssoIdentity).where(eq(ssoIdentity.accountId, alex.id));
    const refused = await callRoute(profileSso.action, ctx(), { path: "/profile/sso", form: { intent: "unlink", identityId: alexIdentity!.id }, cookie: sessionCookie(alexIn.setCookie) });
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ formError: "sso.unlink.lastWayIn" });
  });
});

describe("SSO-only", () => {
  const email = `dominique.${suffix}@${DOMAIN}`;
  const adminEmail = `admin.${suffix}@${DOMAIN}`;
  beforeAll(async () => {
    await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    await createAccount(handle.db, { email: adminEmail, partnershipId: null, organizationId: null, roles: ["platform_admin"] });
    const row = (await getIdentityProvider(handle.db, { partnershipId: table.partnershipId, providerId }))!;
    const saved = await updateIdentityProvider(handle.db, ctx().config, admin, {
      partnershipId: table.partnershipId,
      providerId,
      version: row.version,
      organizationId: row.organizationId,
      issuer: row.issuer,
      clientId: row.clientId,
      clientSecret: "",
      emailDomains: row.emailDomains,
      roleClaim: row.roleClaim,
      roleMappings: row.roleMappings as never,
      defaultRole: row.defaultRole as never,
      autoCreate: row.autoCreate,
      ssoOnly: true,
      enabled: true,
    });
    expect(saved.kind).toBe("ok");
  });

  const tryPassword = (address: string, password = PASSWORD) => callRoute(login.action, ctx(), { path: "/login", form: { email: address, password } });

  it("refuses the password with the same answer whatever the account, pointing to the button", async () => {
    const right = await tryPassword(email);
    const wrong = await tryPassword(email, "not the password at all");
    const nobody = await tryPassword(`nobody.${suffix}@${DOMAIN}`);
    for (const out of [right, wrong, nobody]) {
      expect(out.status).toBe(403);
      expect(out.data).toMatchObject({ formError: "sso.login.ssoOnly" });
      expect(out.setCookie).toBeNull();
    }
  });

  it("never applies to the platform admin (the break-glass account)", async () => {
    const out = await tryPassword(adminEmail);
    expect(out.status).toBe(302);
  });

  it("applies to an account linked to the provider, whatever its address", async () => {
    const outside = uniqueEmail("externe", "example.org");
    const { accountId } = await createAccount(handle.db, { email: outside, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    expect((await tryPassword(outside)).status).toBe(302);
    await handle.db.insert(ssoIdentity).values({ accountId, providerId, partnershipId: table.partnershipId, organizationId: table.organizationId, issuer: idp.issuer, subject: `externe-${suffix}` });
    const out = await tryPassword(outside);
    expect(out.status).toBe(403);
    expect(out.data).toMatchObject({ formError: "sso.login.ssoOnly" });
  });

  it("still lets the person in through the provider, and the login page offers the button", async () => {
    const page = await callRoute(login.loader, ctx(), { path: "/login" });
    expect((page.data as { providers: { providerId: string }[] }).providers.map((p) => p.providerId)).toContain(providerId);
    const out = await signInWithSso({ sub: "alex-sub" });
    expect(out.status).toBe(302);
  });
});

describe("logout", () => {
  it("ends an SSO session at the provider too (RP-initiated logout)", async () => {
    const out = await signInWithSso({ sub: "alex-sub" });
    const cookie = sessionCookie(out.setCookie);
    const left = await callRoute(logout.action, ctx(), { path: "/logout", method: "POST", cookie });
    expect(left.status).toBe(200);
    const url = new URL(handoffOf(left));
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(url.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${PUBLIC}/login?notice=signedOut`);
    expect(left.setCookie).toContain("Max-Age=0");
  });

  it("ends a password session locally", async () => {
    const email = `local.${suffix}@example.org`;
    await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    const signedIn = await callRoute(login.action, ctx(), { path: "/login", form: { email, password: PASSWORD } });
    const left = await callRoute(logout.action, ctx(), { path: "/logout", method: "POST", cookie: sessionCookie(signedIn.setCookie) });
    expect(left.location).toBe("/login?notice=signedOut");
  });
});

it("leaves no person behind for a refused sign-in", async () => {
  const count = (await handle.db.select({ id: person.id }).from(person).where(eq(person.email, `nobody.${suffix}@${DOMAIN}`))).length;
  expect(count).toBe(0);
});

describe("email first", () => {
  const ask = (email: string) => callRoute(emailFirst.action, ctx(), { path: "/login/sso", form: { email, redirectTo: "/directory" } });

  it("sends an address of a provider's domain to that provider, whether an account exists or not", async () => {
    await createAccount(handle.db, { email: `existe.${suffix}@${DOMAIN}`, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    for (const email of [`existe.${suffix}@${DOMAIN}`, `personne.${suffix}@${DOMAIN.toUpperCase()}`]) {
      const out = await ask(email);
      expect(out.status, email).toBe(200);
      const to = new URL(handoffOf(out));
      expect(`${to.origin}${to.pathname}`).toBe(`${idp.issuer}/auth`);
      expect(to.searchParams.get("code_challenge_method")).toBe("S256");
      expect(out.setCookie).toContain("filet_sso=");
    }
  });

  it("tells an address no provider signs in to use its password, and refuses a malformed one", async () => {
    const none = await ask(`quelquun@autre-${suffix}.example.org`);
    expect(none.status).toBe(400);
    expect((none.data as { formError: string }).formError).toBe("sso.emailFirst.none");
    expect(none.setCookie).toBeNull();
    const bad = await ask("pas-une-adresse");
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: unknown }).errors).toBeTruthy();
  });
});
