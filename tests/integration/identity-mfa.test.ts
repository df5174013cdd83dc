import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { recoveryCode } from "../../app/modules/identity/tables.ts";
import * as login from "../../app/routes/identity/login.tsx";
import * as loginMfa from "../../app/routes/identity/login.mfa.tsx";
import * as mfaSetup from "../../app/routes/identity/mfa.setup.tsx";
import * as profile from "../../app/routes/identity/profile.tsx";
import { accountRow, callRoute, createAccount, PASSWORD, seedTable, sessionCookie, uniqueEmail } from "./identity-fixtures.ts";

let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db);
});
afterAll(async () => {
  await handle.close();
});

const ctx = (ip = "192.0.2.50") => testContext(handle.db, { ip });
const code = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function signIn(email: string, ip?: string) {
  const out = await callRoute(login.action, ctx(ip), { path: "/login", form: { email, password: PASSWORD } });
  return { location: out.location, cookie: sessionCookie(out.setCookie) };
}

/** A pivot coordinator (MFA required) who turns MFA on through /mfa/setup. */
async function enrolled() {
  const email = uniqueEmail("coord");
  const { accountId } = await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["pivot_coordinator"] });
  const first = await signIn(email);
  expect(first.location).toBe("/mfa/setup");
  const otherCookie = (await signIn(email, "192.0.2.51")).cookie;
  const page = await callRoute(mfaSetup.loader, ctx(), { path: "/mfa/setup", cookie: first.cookie });
  const view = page.data as { state: string; secret: string; sealed: string; qrDataUrl: string; uri: string };
  expect(view.state).toBe("enroll");
  const done = await callRoute(mfaSetup.action, ctx(), { path: "/mfa/setup", cookie: first.cookie, form: { sealed: view.sealed, code: await code(view.secret) } });
  return { email, accountId, secret: view.secret, view, done, firstCookie: first.cookie, otherCookie };
}

describe("MFA set-up", () => {
  it("shows a QR code and a key, writes nothing until confirmed, then enables MFA with 10 recovery codes", async () => {
    const { accountId, view, done, secret, firstCookie, otherCookie } = await enrolled();
    expect(view.qrDataUrl.startsWith("data:image/svg+xml,%3Csvg")).toBe(true);
    expect(view.uri).toContain(`secret=${secret}`);
    expect(done.status).toBe(200);
    const codes = (done.data as { recoveryCodes: string[] }).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // This session has now passed the second factor (and keeps its cookie, so the page that
    // shows the codes renders without JavaScript); any other password-only session is over.
    expect(done.setCookie).toBeNull();
    expect((await callRoute(profile.loader, ctx(), { path: "/profile", cookie: firstCookie })).status).toBe(200);
    expect((await callRoute(profile.loader, ctx(), { path: "/profile", cookie: otherCookie })).status).toBe(302);
    const stored = await handle.db.select({ hash: recoveryCode.codeHash }).from(recoveryCode).where(eq(recoveryCode.accountId, accountId));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace("-", ""));
  });

  it("keeps the secret encrypted at rest", async () => {
    const { accountId, secret } = await enrolled();
    const row = await accountRow(handle.db, accountId);
    expect(row.mfaEnabledAt).not.toBeNull();
    expect(row.mfaSecretEnc).toBeTruthy();
    expect(row.mfaSecretEnc).not.toContain(secret);
    expect(row.mfaSecretEnc).not.toContain(secret.toLowerCase());
    expect(Buffer.from(row.mfaSecretEnc!.split(".")[2]!, "base64url").toString("latin1")).not.toContain(secret);
  });

  it("refuses a wrong code and keeps the same secret on the page", async () => {
    const email = uniqueEmail("worker");
    await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    const { cookie } = await signIn(email);
    const page = await callRoute(mfaSetup.loader, ctx(), { path: "/mfa/setup", cookie });
    const view = page.data as { secret: string; sealed: string };
    const wrong = await callRoute(mfaSetup.action, ctx(), { path: "/mfa/setup", cookie, form: { sealed: view.sealed, code: "000000" } });
    expect(wrong.status).toBe(400);
    expect(wrong.data).toMatchObject({ state: "enroll", secret: view.secret, error: "identity.mfa.invalidCode" });
    // A sealed secret made for someone else does not open.
    const other = await enrolledView();
    const swapped = await callRoute(mfaSetup.action, ctx(), { path: "/mfa/setup", cookie, form: { sealed: other.sealed, code: await code(other.secret) } });
    expect(swapped.data).toMatchObject({ error: "identity.mfa.setup.expired" });
  });
});

async function enrolledView() {
  const email = uniqueEmail("someone");
  await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
  const { cookie } = await signIn(email);
  return (await callRoute(mfaSetup.loader, ctx(), { path: "/mfa/setup", cookie })).data as { secret: string; sealed: string };
}

describe("MFA challenge", () => {
  it("asks for the second factor after the password, and gates every page until then", async () => {
    const { email } = await enrolled();
    const { location, cookie } = await signIn(email);
    expect(location).toBe("/login/mfa");
    const gated = await callRoute(profile.loader, ctx(), { path: "/profile", cookie });
    expect(gated.location).toBe("/login/mfa");
  });

  it("accepts a TOTP code once: a replay is rejected", async () => {
    const { email, secret, accountId } = await enrolled();
    const { cookie } = await signIn(email);
    // The code used at set-up is already spent (its time step is stored).
    const { mfaLastStep } = await accountRow(handle.db, accountId);
    const spent = await generate({ secret, epoch: mfaLastStep! * 30 });
    const setupCode = await callRoute(loginMfa.action, ctx(), { path: "/login/mfa", cookie, form: { code: spent } });
    expect(setupCode.status).toBe(400);
    const next = await code(secret, 30);
    const ok = await callRoute(loginMfa.action, ctx(), { path: "/login/mfa", cookie, form: { code: next, redirectTo: "/profile" } });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/profile");
    const passed = sessionCookie(ok.setCookie);
    expect(passed).not.toBe(cookie);
    expect((await callRoute(profile.loader, ctx(), { path: "/profile", cookie: passed })).status).toBe(200);

    const again = await signIn(email);
    const replay = await callRoute(loginMfa.action, ctx(), { path: "/login/mfa", cookie: again.cookie, form: { code: next } });
    expect(replay.status).toBe(400);
    expect(replay.data).toMatchObject({ errors: { code: ["identity.mfa.invalidCode"] } });
  });

  it("accepts each recovery code once", async () => {
    const { email, done } = await enrolled();
    const [recovery] = (done.data as { recoveryCodes: string[] }).recoveryCodes;
    const first = await signIn(email);
    const ok = await callRoute(loginMfa.action, ctx(), { path: "/login/mfa", cookie: first.cookie, form: { code: ` ${recovery!.toUpperCase()} ` } });
    expect(ok.status).toBe(302);
    const second = await signIn(email);
    const reused = await callRoute(loginMfa.action, ctx(), { path: "/login/mfa", cookie: second.cookie, form: { code: recovery! } });
    expect(reused.status).toBe(400);
  });

  it("throttles code guessing", async () => {
    const { email, secret, accountId } = await enrolled();
    const { cookie } = await signIn(email, "192.0.2.77");
    for (let i = 0; i < 5; i++) {
      const out = await callRoute(loginMfa.action, ctx("192.0.2.77"), { path: "/login/mfa", cookie, form: { code: String(100000 + i) } });
      expect(out.status).toBe(400);
    }
    const blocked = await callRoute(loginMfa.action, ctx("192.0.2.77"), { path: "/login/mfa", cookie, form: { code: await code(secret, 30) } });
    expect(blocked.status).toBe(429);
    const failures = await handle.db.select().from(auditEvent).where(eq(auditEvent.targetId, accountId));
    expect(failures.filter((e) => e.action === "mfa.challenge_failed")).toHaveLength(6);
  });

  it("sends people without a pending challenge away from the challenge page", async () => {
    expect((await callRoute(loginMfa.loader, ctx(), { path: "/login/mfa" })).location).toBe("/login");
    const email = uniqueEmail("plain");
    await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    const { cookie } = await signIn(email);
    expect((await callRoute(loginMfa.loader, ctx(), { path: "/login/mfa", cookie })).location).toBe("/");
  });
});

describe("MFA in the profile", () => {
  it("regenerates recovery codes with the password, and refuses to turn MFA off for a role that requires it", async () => {
    const { email, secret } = await enrolled();
    const { cookie } = await signIn(email);
    const passed = sessionCookie((await callRoute(loginMfa.action, ctx(), { path: "/login/mfa", cookie, form: { code: await code(secret, 30) } })).setCookie);
    const wrong = await callRoute(profile.action, ctx(), { path: "/profile", cookie: passed, form: { intent: "recovery-codes", codesPassword: "not my password" } });
    expect(wrong.status).toBe(400);
    const fresh = await callRoute(profile.action, ctx(), { path: "/profile", cookie: passed, form: { intent: "recovery-codes", codesPassword: PASSWORD } });
    expect((fresh.data as { codes: string[] }).codes).toHaveLength(10);
    const off = await callRoute(profile.action, ctx(), { path: "/profile", cookie: passed, form: { intent: "mfa-disable", disablePassword: PASSWORD } });
    expect(off.data).toMatchObject({ formError: "identity.mfa.disable.required" });
  });

  it("lets a person whose role does not require it turn MFA off", async () => {
    const email = uniqueEmail("worker");
    const { accountId } = await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    const { cookie } = await signIn(email);
    const view = (await callRoute(mfaSetup.loader, ctx(), { path: "/mfa/setup", cookie })).data as { secret: string; sealed: string };
    await callRoute(mfaSetup.action, ctx(), { path: "/mfa/setup", cookie, form: { sealed: view.sealed, code: await code(view.secret) } });
    const passed = cookie;
    const off = await callRoute(profile.action, ctx(), { path: "/profile", cookie: passed, form: { intent: "mfa-disable", disablePassword: PASSWORD } });
    expect(off.data).toMatchObject({ ok: true });
    const row = await accountRow(handle.db, accountId);
    expect(row.mfaEnabledAt).toBeNull();
    expect(row.mfaSecretEnc).toBeNull();
    expect((await signIn(email)).location).toBe("/");
  });
});
