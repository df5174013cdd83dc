import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { loadSession } from "../../app/modules/identity/session.server.ts";
import { person } from "../../app/modules/people/tables.ts";
import * as login from "../../app/routes/identity/login.tsx";
import * as profile from "../../app/routes/identity/profile.tsx";
import { accountRow, callRoute, createAccount, PASSWORD, seedTable, sessionCookie, tokenOf, uniqueEmail } from "./identity-fixtures.ts";

let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db);
});
afterAll(async () => {
  await handle.close();
});

const ctx = (ip = "192.0.2.90") => testContext(handle.db, { ip });

async function signedIn() {
  const email = uniqueEmail("me");
  const ids = await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["pivot"] });
  const open = async () => sessionCookie((await callRoute(login.action, ctx(), { path: "/login", form: { email, password: PASSWORD } })).setCookie);
  return { email, ...ids, cookie: await open(), open };
}

type ProfileData = { profile: { version: number; givenName: string; locale: string }; sessions: { current: boolean; key: string }[] };

describe("my profile", () => {
  it("requires a session and declares its policy", async () => {
    expect(profile.policy).toEqual({ kind: "authenticated" });
    const out = await callRoute(profile.loader, ctx(), { path: "/profile" });
    expect(out.location).toBe("/login?redirectTo=%2Fprofile");
  });

  it("saves my details and language, and refuses a stale version", async () => {
    const me = await signedIn();
    const page = (await callRoute(profile.loader, ctx(), { path: "/profile", cookie: me.cookie })).data as ProfileData;
    const values = { intent: "details", givenName: "Hélène", familyName: "Côté", title: "Intervenante pivot", phone: "418 555-0101", locale: "en", version: String(page.profile.version) };
    const saved = await callRoute(profile.action, ctx(), { path: "/profile", cookie: me.cookie, form: values });
    expect(saved.data).toMatchObject({ intent: "details", ok: true });
    const [row] = await handle.db.select().from(person).where(eq(person.id, me.personId));
    expect(row).toMatchObject({ givenName: "Hélène", familyName: "Côté", title: "Intervenante pivot", version: page.profile.version + 1 });
    expect((await accountRow(handle.db, me.accountId)).locale).toBe("en");
    const stale = await callRoute(profile.action, ctx(), { path: "/profile", cookie: me.cookie, form: { ...values, givenName: "Autre" } });
    expect(stale.status).toBe(409);
    expect(stale.data).toMatchObject({ formError: "form.conflict" });
    const events = await handle.db.select().from(auditEvent).where(eq(auditEvent.targetId, me.personId));
    expect(events.filter((e) => e.action === "profile.updated")).toHaveLength(1);
  });

  it("changes the password with the current one, ending my other sessions only", async () => {
    const me = await signedIn();
    const other = await me.open();
    const wrong = await callRoute(profile.action, ctx(), {
      path: "/profile",
      cookie: me.cookie,
      form: { intent: "password", currentPassword: "not my password", password: "a brand new passphrase", confirm: "a brand new passphrase" },
    });
    expect(wrong.data).toMatchObject({ errors: { currentPassword: ["identity.reauth.invalid"] } });
    const ok = await callRoute(profile.action, ctx(), {
      path: "/profile",
      cookie: me.cookie,
      form: { intent: "password", currentPassword: PASSWORD, password: "a brand new passphrase", confirm: "a brand new passphrase" },
    });
    expect(ok.data).toMatchObject({ ok: true });
    expect(await loadSession(handle.db, tokenOf(me.cookie))).not.toBeNull();
    expect(await loadSession(handle.db, tokenOf(other))).toBeNull();
  });

  it("lists my sessions without their ids and signs me out everywhere else", async () => {
    const me = await signedIn();
    const other = await me.open();
    const mine = await me.open();
    const page = (await callRoute(profile.loader, ctx(), { path: "/profile", cookie: mine })).data as ProfileData;
    expect(page.sessions).toHaveLength(3);
    expect(page.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(JSON.stringify(page.sessions)).not.toMatch(/[0-9a-f]{64}/);
    const out = await callRoute(profile.action, ctx(), { path: "/profile", cookie: mine, form: { intent: "revoke-others" } });
    expect(out.data).toMatchObject({ ok: true, count: 2 });
    expect(await loadSession(handle.db, tokenOf(mine))).not.toBeNull();
    expect(await loadSession(handle.db, tokenOf(other))).toBeNull();
    expect(await loadSession(handle.db, tokenOf(me.cookie))).toBeNull();
  });
});
