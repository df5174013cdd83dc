import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { createSession, hashToken, loadSession } from "../../app/modules/identity/session.server.ts";
import { startEnrollment, confirmEnrollment } from "../../app/modules/identity/mfa.server.ts";
import { isResetTokenUsable, resetPassword } from "../../app/modules/identity/password-reset.server.ts";
import * as forgot from "../../app/routes/identity/password.forgot.tsx";
import * as reset from "../../app/routes/identity/password.reset.$token.tsx";
import * as login from "../../app/routes/identity/login.tsx";
import { generate } from "otplib";
import { callRoute, createAccount, emailsTo, linkTokenFrom, PASSWORD, seedTable, uniqueEmail } from "./identity-fixtures.ts";

let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db);
});
afterAll(async () => {
  await handle.close();
});

const ctx = (ip = "192.0.2.70") => testContext(handle.db, { ip });
const NEW_PASSWORD = "une toute nouvelle phrase";
const ask = (email: string, ip?: string) => callRoute(forgot.action, ctx(ip), { path: "/password/forgot", form: { email } });

async function member() {
  const email = uniqueEmail("member");
  const ids = await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
  return { email, ...ids };
}

describe("forgot password", () => {
  it("answers the same whether or not the address has an account, and emails only real accounts", async () => {
    const { email } = await member();
    const unknown = uniqueEmail("ghost");
    const a = await ask(email);
    const b = await ask(unknown);
    expect(a).toEqual(b);
    expect(a.data).toMatchObject({ sent: true });
    expect(await emailsTo(handle.db, unknown)).toHaveLength(0);
    const [mail] = await emailsTo(handle.db, email);
    expect(mail!.text).toMatch(/\/password\/reset\/[A-Za-z0-9_-]{43}/);
  });

  it("sends nothing to accounts that are not active", async () => {
    const email = uniqueEmail("off");
    await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, status: "deactivated" });
    expect((await ask(email)).data).toMatchObject({ sent: true });
    expect(await emailsTo(handle.db, email)).toHaveLength(0);
  });

  it("throttles requests per address and per IP", async () => {
    const { email } = await member();
    for (let i = 0; i < 3; i++) expect((await ask(email, `198.18.0.${i + 1}`)).status).toBe(200);
    expect((await ask(email, "198.18.0.9")).status).toBe(429);
    expect(await emailsTo(handle.db, email)).toHaveLength(3);
    for (let i = 0; i < 20; i++) expect((await ask(uniqueEmail("spray"), "198.18.1.1")).status).toBe(200);
    expect((await ask(uniqueEmail("spray"), "198.18.1.1")).status).toBe(429);
  });
});

describe("reset link", () => {
  it("sets a new password once, ends every session, and lasts one hour", async () => {
    const { email, accountId } = await member();
    const live = await createSession(handle.db, { accountId, mfaPassed: true, ip: "x", userAgent: "x" });
    await ask(email, "192.0.2.71");
    const token = await linkTokenFrom(handle.db, email, "/password/reset");
    const hours = (h: number) => new Date(Date.now() + h * 3600_000);
    expect(await isResetTokenUsable(handle.db, token, hours(0.9))).toBe(true);
    expect(await isResetTokenUsable(handle.db, token, hours(1.1))).toBe(false);
    expect(await resetPassword(ctx(), { token, password: NEW_PASSWORD, now: hours(1.1) })).toEqual({ ok: false, error: "invalid_token" });

    const page = await callRoute(reset.loader, ctx(), { path: `/password/reset/${token}`, params: { token } });
    expect(page.status).toBe(200);
    // The page names the account (a hidden username field, for password managers), and the
    // form must carry it back: a body the page did not draw sets nothing.
    expect(page.data).toMatchObject({ state: "form", email });
    const forged = await callRoute(reset.action, ctx(), { path: `/password/reset/${token}`, params: { token }, form: { username: "someone@else.example", password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(forged.status).toBe(400);
    expect(await isResetTokenUsable(handle.db, token)).toBe(true);
    const done = await callRoute(reset.action, ctx(), { path: `/password/reset/${token}`, params: { token }, form: { username: email, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(done.location).toBe("/login?notice=passwordReset");
    expect(await loadSession(handle.db, live)).toBeNull();

    const reuse = await callRoute(reset.action, ctx(), { path: `/password/reset/${token}`, params: { token }, form: { username: email, password: "yet another long one", confirm: "yet another long one" } });
    expect(reuse.status).toBe(410);
    expect((await callRoute(login.action, ctx("192.0.2.72"), { path: "/login", form: { email, password: PASSWORD } })).status).toBe(400);
    expect((await callRoute(login.action, ctx("192.0.2.72"), { path: "/login", form: { email, password: NEW_PASSWORD } })).status).toBe(302);
  });

  it("never bypasses MFA: after a reset, sign-in still asks for the second factor", async () => {
    const { email, accountId } = await member();
    const enrollment = startEnrollment(ctx().config, { accountId, email });
    const code = await generate({ secret: enrollment.secret });
    const sessionIdHash = hashToken(await createSession(handle.db, { accountId, mfaPassed: false, ip: "x", userAgent: "x" }));
    const enabled = await confirmEnrollment(ctx(), systemActor("test"), { accountId, email, sealed: enrollment.sealed, code, sessionIdHash });
    expect(enabled.ok).toBe(true);
    await ask(email, "192.0.2.73");
    const token = await linkTokenFrom(handle.db, email, "/password/reset");
    const done = await callRoute(reset.action, ctx(), { path: `/password/reset/${token}`, params: { token }, form: { username: email, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(done.setCookie).toContain("Max-Age=0");
    const signIn = await callRoute(login.action, ctx("192.0.2.74"), { path: "/login", form: { email, password: NEW_PASSWORD } });
    expect(signIn.location).toBe("/login/mfa");
  });

  it("checks the password policy against the account's address", async () => {
    const { email } = await member();
    await ask(email, "192.0.2.75");
    const token = await linkTokenFrom(handle.db, email, "/password/reset");
    const out = await callRoute(reset.action, ctx(), { path: `/password/reset/${token}`, params: { token }, form: { username: email, password: email, confirm: email } });
    expect(out.data).toMatchObject({ errors: { password: ["identity.password.likeEmail"] } });
  });
});
