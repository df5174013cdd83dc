import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { systemActor, type AuditActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { person } from "../../app/modules/people/tables.ts";
import { invitePerson } from "../../app/modules/identity/invite-person.server.ts";
import { acceptInvitation, findInvitation } from "../../app/modules/identity/accept-invitation.server.ts";
import { AccountStateError, EmailTakenError, NotFoundError } from "../../app/modules/identity/errors.ts";
import * as invitation from "../../app/routes/identity/invitation.$token.tsx";
import * as login from "../../app/routes/identity/login.tsx";
import { accountRow, callRoute, createAccount, emailsTo, linkTokenFrom, seedTable, uniqueEmail } from "./identity-fixtures.ts";

let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
let actor: AuditActor;
beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db);
  actor = { ...systemActor("test", table.partnershipId), role: "table_coordinator" };
});
afterAll(async () => {
  await handle.close();
});

const ctx = () => testContext(handle.db, { ip: "192.0.2.60" });
const NEW_PASSWORD = "un mot de passe bien long";

async function newPerson(partnershipId: string | null = table.partnershipId) {
  const [row] = await handle.db
    .insert(person)
    .values({ partnershipId, organizationId: partnershipId ? table.organizationId : null, givenName: "Hélène", familyName: "Gagnon" })
    .returning({ id: person.id });
  return row!.id;
}

async function invite(personId: string, email: string, partnershipId: string | null = table.partnershipId) {
  return invitePerson(handle.db, actor, { personId, partnershipId, email, locale: "fr", publicUrl: "http://localhost:3000" });
}

describe("invitation", () => {
  it("creates an invited account, emails a single-use link and audits it", async () => {
    const email = uniqueEmail("helene");
    const { accountId } = await invite(await newPerson(), email.toUpperCase());
    const row = await accountRow(handle.db, accountId);
    expect(row).toMatchObject({ status: "invited", email, passwordHash: null });
    const [mail] = await emailsTo(handle.db, email);
    expect(mail!.subject).toBe("Votre invitation à Filet");
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/invitation\/[A-Za-z0-9_-]{43}/);
    const events = await handle.db.select().from(auditEvent).where(eq(auditEvent.targetId, accountId));
    expect(events.map((e) => e.action)).toContain("account.invited");
  });

  it("sets the password through the link once; a second use gets a clear 410 page", async () => {
    const email = uniqueEmail("helene");
    const { accountId } = await invite(await newPerson(), email);
    const token = await linkTokenFrom(handle.db, email, "/invitation");
    const page = await callRoute(invitation.loader, ctx(), { path: `/invitation/${token}`, params: { token } });
    expect(page.data).toMatchObject({ state: "form", email, givenName: "Hélène" });

    const mismatch = await callRoute(invitation.action, ctx(), { path: `/invitation/${token}`, params: { token }, form: { username: email, password: NEW_PASSWORD, confirm: "autre chose encore" } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.data).toMatchObject({ errors: { confirm: ["identity.password.mismatch"] } });
    const weak = await callRoute(invitation.action, ctx(), { path: `/invitation/${token}`, params: { token }, form: { username: email, password: "123qweasdzxc", confirm: "123qweasdzxc" } });
    expect(weak.data).toMatchObject({ errors: { password: ["identity.password.common"] } });
    // The page's hidden username is the invited address: a body the page did not draw sets nothing.
    const forged = await callRoute(invitation.action, ctx(), { path: `/invitation/${token}`, params: { token }, form: { username: "x@evil.example", password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(forged.status).toBe(400);
    expect((await accountRow(handle.db, accountId)).status).toBe("invited");

    const done = await callRoute(invitation.action, ctx(), { path: `/invitation/${token}`, params: { token }, form: { username: email, password: NEW_PASSWORD, confirm: NEW_PASSWORD } });
    expect(done.location).toBe("/login?notice=invitationAccepted");
    expect((await accountRow(handle.db, accountId)).status).toBe("active");

    const again = await callRoute(invitation.action, ctx(), { path: `/invitation/${token}`, params: { token }, form: { username: email, password: "encore un autre mot de passe", confirm: "encore un autre mot de passe" } });
    expect(again.status).toBe(410);
    expect(again.data).toMatchObject({ state: "invalid" });
    expect((await callRoute(invitation.loader, ctx(), { path: `/invitation/${token}`, params: { token } })).status).toBe(410);
    // The first password stands.
    const signIn = await callRoute(login.action, ctx(), { path: "/login", form: { email, password: NEW_PASSWORD } });
    expect(signIn.status).toBe(302);
  });

  it("lets only one of two simultaneous submissions through", async () => {
    const email = uniqueEmail("race");
    await invite(await newPerson(), email);
    const token = await linkTokenFrom(handle.db, email, "/invitation");
    const results = await Promise.all([
      acceptInvitation(ctx(), { token, password: "premier mot de passe long" }),
      acceptInvitation(ctx(), { token, password: "second mot de passe long" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("expires after 72 hours", async () => {
    const email = uniqueEmail("late");
    await invite(await newPerson(), email);
    const token = await linkTokenFrom(handle.db, email, "/invitation");
    const hours = (h: number) => new Date(Date.now() + h * 3600_000);
    expect(await findInvitation(handle.db, token, hours(71.9))).not.toBeNull();
    expect(await findInvitation(handle.db, token, hours(72.1))).toBeNull();
    expect(await acceptInvitation(ctx(), { token, password: NEW_PASSWORD, now: hours(72.1) })).toEqual({ ok: false, error: "invalid_token" });
    expect(await acceptInvitation(ctx(), { token, password: NEW_PASSWORD, now: hours(71.9) })).toEqual({ ok: true });
  });

  it("refreshes a pending invitation: only the newest link works", async () => {
    const email = uniqueEmail("twice");
    const personId = await newPerson();
    const first = await invite(personId, email);
    const oldToken = await linkTokenFrom(handle.db, email, "/invitation");
    const second = await invite(personId, email);
    expect(second.accountId).toBe(first.accountId);
    const newToken = await linkTokenFrom(handle.db, email, "/invitation");
    expect(newToken).not.toBe(oldToken);
    expect(await findInvitation(handle.db, oldToken)).toBeNull();
    expect(await findInvitation(handle.db, newToken)).not.toBeNull();
  });

  it("refuses an address owned by someone else, an active account, and a person of another Table", async () => {
    const taken = uniqueEmail("taken");
    await createAccount(handle.db, { email: taken, partnershipId: table.partnershipId, organizationId: table.organizationId });
    await expect(invite(await newPerson(), taken)).rejects.toBeInstanceOf(EmailTakenError);

    const active = await createAccount(handle.db, { email: uniqueEmail("active"), partnershipId: table.partnershipId, organizationId: table.organizationId });
    await expect(invite(active.personId, uniqueEmail("new"))).rejects.toBeInstanceOf(AccountStateError);

    const elsewhere = await seedTable(handle.db);
    const [outsider] = await handle.db
      .insert(person)
      .values({ partnershipId: elsewhere.partnershipId, organizationId: elsewhere.organizationId, givenName: "Autre", familyName: "Table" })
      .returning({ id: person.id });
    await expect(invite(outsider!.id, uniqueEmail("x"))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("answers an unknown or malformed token with the 410 page, not an error", async () => {
    for (const token of ["x".repeat(43), "short", "../../etc/passwd"]) {
      const out = await callRoute(invitation.loader, ctx(), { path: `/invitation/${encodeURIComponent(token)}`, params: { token } });
      expect(out.status).toBe(410);
    }
  });
});
