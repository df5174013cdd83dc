import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { createTestDatabase, testConfig, testContext } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { loginAttempt } from "../../app/modules/identity/tables.ts";
import { SIGN_IN_LIMITS, THROTTLE_LIMITS } from "../../app/modules/identity/throttle.server.ts";
import * as login from "../../app/routes/identity/login.tsx";
import * as signup from "../../app/routes/identity/signup.tsx";
import { callRoute, createAccount, PASSWORD, seedTable, sessionCookie, uniqueEmail } from "./identity-fixtures.ts";

/**
 * Sign-in abuse without locking out the real user (docs/decisions/009): device cookies give a
 * browser that signed in before its own budget; unknown browsers share the account's budget,
 * capped per (account, IP) and per IP; failing sign-ups are counted.
 */
let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
const DOMAIN = `ecole-${randomUUID().slice(0, 6)}.qc.ca`;
beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db, { main: [DOMAIN] });
});
afterAll(async () => {
  await handle.close();
});

let ipCounter = 0;
/** A fresh address for each scenario, so their budgets never mix. */
const freshIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

const ctx = (ip: string, overrides = {}) => testContext(handle.db, { ip, ...overrides });
const post = (ip: string, form: Record<string, string>, cookie?: string | null, overrides = {}) =>
  callRoute(login.action, ctx(ip, overrides), { path: "/login", form, cookie });

async function worker() {
  const email = uniqueEmail("worker");
  await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
  return email;
}

/** "filet_device=…" from a sign-in's Set-Cookie headers. */
function deviceCookie(setCookie: string | null): string {
  const match = setCookie?.match(/(?:^|[\s,])filet_device=([A-Za-z0-9_.~-]+)/);
  if (!match) throw new Error(`no device cookie in ${setCookie}`);
  return `filet_device=${match[1]}`;
}

/** A browser that signed in once (correct password) and keeps its device cookie. */
async function knownBrowser(email: string, ip: string): Promise<string> {
  const out = await post(ip, { email, password: PASSWORD });
  expect(out.status).toBe(302);
  return deviceCookie(out.setCookie);
}

describe("device cookies", () => {
  it("are long-lived, HttpOnly, SameSite=Lax, and Secure with the __Host- prefix in production", async () => {
    const email = await worker();
    const out = await post(freshIp(), { email, password: PASSWORD });
    expect(out.setCookie).toMatch(/^filet_session=/);
    expect(out.setCookie).toMatch(/filet_device=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=31536000/);
    // The cookie names nobody: it is a nonce and a signature.
    expect(out.setCookie).not.toContain(email);

    const production = { config: testConfig({ NODE_ENV: "production" }) };
    const secure = await post(freshIp(), { email, password: PASSWORD }, null, production);
    expect(secure.setCookie).toMatch(/__Host-filet_device=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure/);
  });

  it("a stranger's 5 wrong passwords: the real user's browser signs in at once, a fresh browser is refused", async () => {
    const email = await worker();
    const home = freshIp();
    const device = await knownBrowser(email, home);

    // The stranger, from elsewhere, without the cookie.
    const stranger = freshIp();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await post(stranger, { email, password: `wrong guess ${i}` })).status);
    expect(answers.filter((s) => s === 400).length).toBe(SIGN_IN_LIMITS.untrustedPerAccountIp);
    expect(answers.slice(SIGN_IN_LIMITS.untrustedPerAccountIp).every((s) => s === 429)).toBe(true);

    // The real user, correct password, on the browser that signed in before: at once.
    const mine = await post(home, { email, password: PASSWORD }, device);
    expect(mine.status).toBe(302);
    expect(sessionCookie(mine.setCookie)).toBeTruthy();

    // A browser without the cookie (another address still): the account's untrusted budget is spent.
    const fresh = await post(freshIp(), { email, password: PASSWORD });
    expect(fresh.status).toBe(429);
    expect(fresh.setCookie).toBeNull();
    // Someone else's valid device cookie is no pass for this account.
    const otherDevice = await knownBrowser(await worker(), freshIp());
    expect((await post(freshIp(), { email, password: PASSWORD }, otherDevice)).status).toBe(429);
    // Nor is a forged one.
    const forged = device.replace(/\.[A-Za-z0-9_-]{43}/, `.${"A".repeat(43)}`);
    expect((await post(freshIp(), { email, password: PASSWORD }, forged)).status).toBe(429);
  });

  it("a correct password after some failures from the same known browser still works", async () => {
    const email = await worker();
    const ip = freshIp();
    const device = await knownBrowser(email, ip);
    for (let i = 0; i < 4; i++) expect((await post(ip, { email, password: `typo number ${i}` }, device)).status).toBe(400);
    const ok = await post(ip, { email, password: PASSWORD }, device);
    expect(ok.status).toBe(302);
    // A new nonce at every sign-in: the cookie is renewed.
    expect(deviceCookie(ok.setCookie)).not.toBe(device);
  });

  it("many wrong passwords from a device cookie lock that device only", async () => {
    const email = await worker();
    const ip = freshIp();
    const stolen = await knownBrowser(email, ip);
    const laptop = await knownBrowser(email, freshIp());
    for (let i = 0; i < SIGN_IN_LIMITS.perDevice; i++) expect((await post(ip, { email, password: `guess ${i}` }, stolen)).status).toBe(400);
    // That device is locked, even for the right password.
    const locked = await post(ip, { email, password: PASSWORD }, stolen);
    expect(locked.status).toBe(429);
    expect(locked.data).toMatchObject({ formError: "identity.throttled", formVars: { minutes: 15 } });
    // The person's other browser, and even an unknown browser, still sign in.
    expect((await post(freshIp(), { email, password: PASSWORD }, laptop)).status).toBe(302);
    expect((await post(freshIp(), { email, password: PASSWORD })).status).toBe(302);
    const events = await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "auth.login_failed"));
    expect(events.some((e) => e.details.email === email && e.details.reason === "device_locked")).toBe(true);
  });

  it("keeps the entries of several accounts on one browser (a shared computer)", async () => {
    const ip = freshIp();
    const first = await worker();
    const second = await worker();
    const afterFirst = await knownBrowser(first, ip);
    const both = deviceCookie((await post(ip, { email: second, password: PASSWORD }, afterFirst)).setCookie);
    // A stranger spends both accounts' untrusted budgets…
    const stranger = freshIp();
    for (const email of [first, second]) for (let i = 0; i < 6; i++) await post(stranger, { email, password: `nope ${i}` });
    // …the shared browser still signs both in.
    expect((await post(ip, { email: first, password: PASSWORD }, both)).status).toBe(302);
    expect((await post(ip, { email: second, password: PASSWORD }, both)).status).toBe(302);
  });
});

describe("distributed and spraying guesses stay capped", () => {
  it("30 accounts guessed from one IP: capped after 20 failures", async () => {
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push((await post(ip, { email: await worker(), password: "Printemps2026!" })).status);
    expect(statuses.slice(0, SIGN_IN_LIMITS.untrustedPerIp).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(SIGN_IN_LIMITS.untrustedPerIp).every((s) => s === 429)).toBe(true);
  });

  it("one account guessed from many IPs: capped by the account's untrusted budget", async () => {
    const email = await worker();
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await post(freshIp(), { email, password: `spread ${i}` })).status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(SIGN_IN_LIMITS.untrustedPerAccount);
    expect(statuses.slice(SIGN_IN_LIMITS.untrustedPerAccount).every((s) => s === 429)).toBe(true);
  });

  it("a school behind one IP: 25 people with device cookies sign in even after the IP is capped", async () => {
    const school = freshIp();
    const people = [];
    for (let i = 0; i < 25; i++) {
      const email = await worker();
      people.push({ email, device: await knownBrowser(email, school) });
    }
    // Someone on the school network sprays passwords until the address is capped.
    for (let i = 0; i < SIGN_IN_LIMITS.untrustedPerIp + 2; i++) await post(school, { email: uniqueEmail("spray"), password: "Ecole2026!" });
    expect((await post(school, { email: await worker(), password: PASSWORD })).status).toBe(429);
    // Everyone who signed in before, in parallel as at the start of a class: none is refused.
    const answers = await Promise.all(people.map((p) => post(school, { email: p.email, password: PASSWORD }, p.device)));
    expect(answers.map((a) => a.status)).toEqual(people.map(() => 302));
  });
});

describe("sign-up attempts", () => {
  const PASSWORD_OK = "une phrase de passe assez longue";
  const form = (email: string, extra: Record<string, string> = {}) => ({
    givenName: "Sam",
    familyName: "Roy",
    email,
    password: PASSWORD_OK,
    _submission: randomUUID(),
    ...extra,
  });
  const submit = (ip: string, values: Record<string, string>) => callRoute(signup.action, ctx(ip), { path: "/signup", form: values });

  it("35 failing sign-ups in a row from one IP are throttled, and each failure stays counted", async () => {
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 35; i++) {
      // A weak password: refused by the policy, nothing created.
      statuses.push((await submit(ip, form(uniqueEmail(`fail${i}`, DOMAIN), { password: "motdepasse" }))).status);
    }
    expect(statuses.slice(0, THROTTLE_LIMITS.signup.perIp).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(THROTTLE_LIMITS.signup.perIp).every((s) => s === 429)).toBe(true);
    const rows = await handle.db.select().from(loginAttempt).where(and(eq(loginAttempt.ip, ip), like(loginAttempt.email, "signup:%")));
    expect(rows).toHaveLength(35);
    // A correct sign-up from that address waits too; from elsewhere it goes through.
    expect((await submit(ip, form(uniqueEmail("ok", DOMAIN)))).status).toBe(429);
    expect((await submit(freshIp(), form(uniqueEmail("ok", DOMAIN)))).location).toBe("/signup?sent=1");
  });

  it("failing sign-ups of one address from many IPs: throttled per address (unknown domain included)", async () => {
    const email = uniqueEmail("probe", "inconnu.example");
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await submit(freshIp(), form(email))).status);
    expect(statuses.slice(0, THROTTLE_LIMITS.signup.perKey).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(THROTTLE_LIMITS.signup.perKey).every((s) => s === 429)).toBe(true);
  });

  it("the same submission sent again counts once", async () => {
    const ip = freshIp();
    const body = form(uniqueEmail("twice", DOMAIN), { password: "motdepasse" });
    const answers = await Promise.all(Array.from({ length: 10 }, () => submit(ip, body)));
    expect(answers.every((a) => a.status === 400)).toBe(true);
    const rows = await handle.db.select().from(loginAttempt).where(and(eq(loginAttempt.ip, ip), like(loginAttempt.email, "signup:%")));
    expect(rows).toHaveLength(1);
  });
});
