import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { loginAttempt, session } from "../../app/modules/identity/tables.ts";
import { purgeLoginAttempts } from "../../app/modules/identity/throttle.server.ts";
import { hashToken } from "../../app/modules/identity/session.server.ts";
import * as login from "../../app/routes/identity/login.tsx";
import * as logout from "../../app/routes/identity/logout.tsx";
import { callRoute, createAccount, PASSWORD, seedTable, sessionCookie, tokenOf, uniqueEmail } from "./identity-fixtures.ts";

let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db);
});
afterAll(async () => {
  await handle.close();
});

const ctx = (ip = "192.0.2.1", overrides = {}) => testContext(handle.db, { ip, ...overrides });
const post = (form: Record<string, string>, ip?: string, cookie?: string | null, overrides = {}) =>
  callRoute(login.action, ctx(ip, overrides), { path: "/login", form, cookie });

async function worker(extra: Partial<Parameters<typeof createAccount>[1]> = {}) {
  const email = uniqueEmail("worker");
  const ids = await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"], ...extra });
  return { email, ...ids };
}

describe("sign-in page", () => {
  it("declares a policy and shows a form with the email and password fields", async () => {
    expect(login.policy).toEqual({ kind: "public" });
    expect(logout.policy).toEqual({ kind: "public" });
    const page = await callRoute(login.loader, ctx(), { path: "/login" });
    expect(page.status).toBe(200);
  });

  it("signs in with a new session cookie and lands on a same-site redirectTo", async () => {
    const { email, accountId } = await worker();
    const out = await post({ email: email.toUpperCase(), password: PASSWORD, redirectTo: "/profile" }, "192.0.2.10");
    expect(out.status).toBe(302);
    expect(out.location).toBe("/profile");
    expect(out.setCookie).toMatch(/^filet_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    const [row] = await handle.db.select().from(session).where(eq(session.idHash, hashToken(tokenOf(sessionCookie(out.setCookie)))));
    expect(row?.accountId).toBe(accountId);
  });

  it("gives a new session id at each sign-in and ends the one the browser had", async () => {
    const { email } = await worker();
    const first = sessionCookie((await post({ email, password: PASSWORD }, "192.0.2.11")).setCookie);
    const second = sessionCookie((await post({ email, password: PASSWORD }, "192.0.2.11", first)).setCookie);
    expect(second).not.toBe(first);
    const [old] = await handle.db.select({ revokedAt: session.revokedAt }).from(session).where(eq(session.idHash, hashToken(tokenOf(first))));
    expect(old?.revokedAt).not.toBeNull();
  });

  it("refuses open redirects", async () => {
    const { email } = await worker();
    for (const target of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)"]) {
      const out = await post({ email, password: PASSWORD, redirectTo: target }, "192.0.2.12");
      expect(out.location, target).toBe("/");
    }
    const page = await callRoute(login.loader, ctx(), { path: `/login?redirectTo=${encodeURIComponent("//evil.example")}` });
    expect((page.data as { redirectTo: string }).redirectTo).toBe("/");
  });

  it("answers an unknown address exactly like a wrong password, and audits both without the password", async () => {
    const { email } = await worker();
    const unknown = uniqueEmail("nobody");
    const a = await post({ email: unknown, password: "some wrong password" }, "192.0.2.13");
    const b = await post({ email, password: "some wrong password" }, "192.0.2.13");
    expect(a.status).toBe(b.status);
    const strip = (o: typeof a) => JSON.stringify({ ...(o.data as object), email: "<echo>" });
    expect(strip(a)).toBe(strip(b));
    expect(a.setCookie).toBeNull();
    const events = await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "auth.login_failed"));
    const mine = events.filter((e) => [unknown, email].includes(String(e.details.email)));
    expect(mine).toHaveLength(2);
    expect(JSON.stringify(mine)).not.toContain("some wrong password");
  });

  it("treats deactivated and invited accounts like unknown ones", async () => {
    const off = await worker({ status: "deactivated" });
    const invited = await worker({ status: "invited", withPassword: false });
    for (const who of [off, invited]) {
      const out = await post({ email: who.email, password: PASSWORD }, "192.0.2.14");
      expect(out.status).toBe(400);
      expect((out.data as { formError: string }).formError).toBe("identity.login.invalid");
    }
  });

  it("tells a pending account it awaits approval only after the right password", async () => {
    const pending = await worker({ status: "pending_approval" });
    const wrong = await post({ email: pending.email, password: "not the password!" }, "192.0.2.15");
    expect((wrong.data as { formError: string }).formError).toBe("identity.login.invalid");
    const right = await post({ email: pending.email, password: PASSWORD }, "192.0.2.15");
    expect(right.status).toBe(403);
    expect((right.data as { formError: string }).formError).toBe("identity.login.pendingApproval");
    expect(right.setCookie).toBeNull();
  });

  it("sends a role that requires MFA to set it up, except in demo mode", async () => {
    const email = uniqueEmail("coord");
    await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["pivot_coordinator"] });
    const out = await post({ email, password: PASSWORD, redirectTo: "/admin" }, "192.0.2.16");
    expect(out.location).toBe("/mfa/setup");
    const demo = await post({ email, password: PASSWORD, redirectTo: "/admin" }, "192.0.2.16", null, { demoMode: true });
    expect(demo.location).toBe("/admin");
  });

  it("redirects a signed-in person away from the sign-in page", async () => {
    const { email } = await worker();
    const cookie = sessionCookie((await post({ email, password: PASSWORD }, "192.0.2.17")).setCookie);
    const page = await callRoute(login.loader, ctx(), { path: "/login", cookie });
    expect(page.status).toBe(302);
    expect(page.location).toBe("/");
  });
});

describe("throttling", () => {
  it("locks an account after 5 failures in 15 minutes, across app processes, even with the right password", async () => {
    const { email } = await worker();
    // Two contexts on one database stand for two app processes.
    const processA = (form: Record<string, string>) => callRoute(login.action, ctx("198.51.100.1"), { path: "/login", form });
    const processB = (form: Record<string, string>) => callRoute(login.action, ctx("198.51.100.2"), { path: "/login", form });
    for (let i = 0; i < 5; i++) {
      const out = await (i % 2 ? processA : processB)({ email, password: `wrong password ${i}` });
      expect(out.status).toBe(400);
    }
    const blocked = await processA({ email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.data).toMatchObject({ formError: "identity.throttled", formVars: { minutes: 15 } });
    expect(blocked.setCookie).toBeNull();
    // Another account is not affected.
    const other = await worker();
    expect((await processB({ email: other.email, password: PASSWORD })).status).toBe(302);
  });

  it("counts parallel guesses: a burst does not buy extra attempts", async () => {
    const { email } = await worker();
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => callRoute(login.action, ctx(`203.0.113.${i + 1}`), { path: "/login", form: { email, password: `guess number ${i}` } })),
    );
    expect(burst.filter((o) => o.status === 429)).toHaveLength(3);
  });

  it("limits one IP to 20 failures in 15 minutes, whatever the addresses tried", async () => {
    const ip = "198.51.100.99";
    for (let i = 0; i < 20; i++) {
      const out = await post({ email: uniqueEmail("spray"), password: "password spraying" }, ip);
      expect(out.status).toBe(400);
    }
    const { email } = await worker();
    expect((await post({ email, password: PASSWORD }, ip)).status).toBe(429);
    expect((await post({ email, password: PASSWORD }, "198.51.100.100")).status).toBe(302);
    const rows = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "auth.login_failed"), like(auditEvent.ip, ip)));
    expect(rows.some((r) => r.details.reason === "throttled")).toBe(true);
  });
});

describe("sign-out", () => {
  it("only POST signs out: it ends the session and clears the cookie", async () => {
    const { email } = await worker();
    const cookie = sessionCookie((await post({ email, password: PASSWORD }, "192.0.2.30")).setCookie);
    const viaGet = await callRoute(logout.loader, ctx(), { path: "/logout", cookie });
    // A GET only shows the sign-out button.
    expect(viaGet.location).toBeNull();
    const out = await callRoute(logout.action, ctx(), { path: "/logout", form: {}, cookie });
    expect(out.location).toBe("/login?notice=signedOut");
    expect(out.setCookie).toContain("Max-Age=0");
    const [row] = await handle.db.select({ revokedAt: session.revokedAt }).from(session).where(eq(session.idHash, hashToken(tokenOf(cookie))));
    expect(row?.revokedAt).not.toBeNull();
  });
});

describe("attempt log upkeep", () => {
  it("purges attempts older than every window plus a day, and keeps recent ones", async () => {
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    await handle.db.insert(loginAttempt).values({ email: "old@example.org", ip: "192.0.2.200", succeeded: false, at: old });
    const removed = await purgeLoginAttempts(handle.db);
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await handle.db.select().from(loginAttempt).where(eq(loginAttempt.email, "old@example.org"));
    expect(left).toHaveLength(0);
    const recent = await handle.db.select().from(loginAttempt);
    expect(recent.length).toBeGreaterThan(0);
  });
});
