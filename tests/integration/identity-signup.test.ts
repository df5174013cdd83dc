import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { systemActor, type AuditActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { approveSignup, listPendingSignups, rejectSignup } from "../../app/modules/identity/review-signup.server.ts";
import { NotFoundError } from "../../app/modules/identity/errors.ts";
import * as signup from "../../app/routes/identity/signup.tsx";
import * as confirm from "../../app/routes/identity/signup.confirm.$token.tsx";
import * as login from "../../app/routes/identity/login.tsx";
import { accountRow, activeRoles, callRoute, createAccount, emailsTo, linkTokenFrom, seedTable, uniqueEmail } from "./identity-fixtures.ts";

let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
let reviewer: AuditActor;
const suffix = Math.random().toString(36).slice(2, 8);
const DOMAIN = `cjq-${suffix}.qc.ca`;
const SHARED = `cisss-${suffix}.qc.ca`;
const PASSWORD = "ma phrase de passe secrète";

beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db, { main: [DOMAIN, `@${SHARED}`], twins: [SHARED] });
  reviewer = { ...systemActor("test", table.partnershipId), role: "pivot_coordinator" };
});
afterAll(async () => {
  await handle.close();
});

const ctx = (ip = "192.0.2.80") => testContext(handle.db, { ip });
// As the page sends it: with its submission key (a new one each time the page is drawn).
const form = (email: string, extra: Record<string, string> = {}) => ({ givenName: "Sam", familyName: "Roy", email, password: PASSWORD, _submission: randomUUID(), ...extra });
const submit = (values: Record<string, string>, ip?: string) => callRoute(signup.action, ctx(ip), { path: "/signup", form: values });
const scope = (organizationIds: "all" | string[] = [table.organizationId]) => ({ partnershipId: table.partnershipId, organizationIds });

async function accountOf(email: string) {
  const [row] = await handle.db.select({ id: account.id, status: account.status, personId: account.personId }).from(account).where(eq(account.email, email));
  return row;
}

describe("self sign-up", () => {
  it("explains when the address's domain belongs to no organization", async () => {
    const out = await submit(form(uniqueEmail("sam", "gmail.com")));
    expect(out.status).toBe(400);
    expect(out.data).toMatchObject({ errors: { email: ["identity.signup.noOrganization"] } });
  });

  it("creates a person and an account waiting for email confirmation, in the organization of the domain", async () => {
    const email = uniqueEmail("sam", DOMAIN.toUpperCase());
    const out = await submit(form(email));
    // POST, then redirect to the "check your inbox" page.
    expect(out.status).toBe(302);
    expect(out.location).toBe("/signup?sent=1");
    expect((await callRoute(signup.loader, ctx(), { path: "/signup?sent=1" })).data).toEqual({ sent: true });
    const row = await accountOf(email.toLowerCase());
    expect(row?.status).toBe("pending_email");
    const [who] = await handle.db.select().from(person).where(eq(person.id, row!.personId));
    expect(who).toMatchObject({ partnershipId: table.partnershipId, organizationId: table.organizationId, givenName: "Sam" });
    // A double submission makes no second record.
    await submit(form(email));
    expect((await handle.db.select().from(account).where(eq(account.email, email.toLowerCase()))).length).toBe(1);
  });

  it("asks to choose when several organizations use the domain", async () => {
    const email = uniqueEmail("alex", SHARED);
    const out = await submit(form(email));
    expect(out.status).toBe(400);
    const organizations = (out.data as { organizations: { id: string }[] }).organizations.map((o) => o.id).sort();
    expect(organizations).toEqual([table.organizationId, table.otherOrganizationId].sort());
    const chosen = await submit(form(email, { organizationId: table.otherOrganizationId }));
    expect(chosen.location).toBe("/signup?sent=1");
    const row = await accountOf(email);
    const [who] = await handle.db.select().from(person).where(eq(person.id, row!.personId));
    expect(who?.organizationId).toBe(table.otherOrganizationId);
  });

  it("gives the same answer for an address already registered, and sends it a notice instead", async () => {
    const email = uniqueEmail("known", DOMAIN);
    await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId });
    const fresh = uniqueEmail("fresh", DOMAIN);
    const a = await submit(form(email));
    const b = await submit(form(fresh));
    expect(a.status).toBe(b.status);
    expect(a.location).toBe(b.location);
    expect(a.data).toEqual(b.data);
    const [notice] = await emailsTo(handle.db, email);
    expect(notice!.subject).toBe("Vous avez déjà un compte Filet");
    expect(notice!.text).not.toMatch(/signup\/confirm/);
  });

  it("checks the password policy", async () => {
    const out = await submit(form(uniqueEmail("weak", DOMAIN), { password: "short" }));
    expect(out.data).toMatchObject({ errors: { password: ["identity.password.tooShort"] } });
  });
});

describe("confirmation and approval", () => {
  it("walks from sign-up to an approved worker who can sign in", async () => {
    const coordinatorEmail = uniqueEmail("coord", DOMAIN);
    await createAccount(handle.db, { email: coordinatorEmail, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["pivot_coordinator"] });
    const email = uniqueEmail("newbie", DOMAIN);
    await submit(form(email), "192.0.2.81");
    const token = await linkTokenFrom(handle.db, email, "/signup/confirm");

    // Opening the link only shows a button; the POST confirms.
    expect((await callRoute(confirm.loader, ctx(), { path: `/signup/confirm/${token}`, params: { token } })).data).toMatchObject({ state: "form" });
    expect((await accountOf(email))?.status).toBe("pending_email");
    const confirmed = await callRoute(confirm.action, ctx(), { path: `/signup/confirm/${token}`, params: { token }, form: { intent: "confirm" } });
    expect(confirmed.data).toMatchObject({ state: "confirmed" });
    const row = await accountOf(email);
    expect(row?.status).toBe("pending_approval");
    expect((await callRoute(confirm.action, ctx(), { path: `/signup/confirm/${token}`, params: { token }, form: { intent: "confirm" } })).status).toBe(410);

    const [request] = await emailsTo(handle.db, coordinatorEmail);
    expect(request!.text).toContain("http://localhost:3000/admin/approvals");

    // Until approved: no session; the status is told only with the right password.
    const early = await callRoute(login.action, ctx("192.0.2.82"), { path: "/login", form: { email, password: PASSWORD } });
    expect(early.data).toMatchObject({ formError: "identity.login.pendingApproval" });
    expect(early.setCookie).toBeNull();

    const pending = await listPendingSignups(handle.db, scope());
    expect(pending.map((p) => p.accountId)).toContain(row!.id);
    expect(pending.find((p) => p.accountId === row!.id)).toMatchObject({ email, givenName: "Sam", organizationId: table.organizationId });
    expect(await listPendingSignups(handle.db, scope([table.otherOrganizationId]))).toEqual([]);

    await expect(approveSignup(handle.db, reviewer, { accountId: row!.id, ...scope([table.otherOrganizationId]), publicUrl: "http://localhost:3000" })).rejects.toBeInstanceOf(NotFoundError);
    await approveSignup(handle.db, reviewer, { accountId: row!.id, ...scope(), publicUrl: "http://localhost:3000" });
    expect((await accountRow(handle.db, row!.id)).status).toBe("active");
    expect(await activeRoles(handle.db, row!.personId)).toEqual([{ role: "worker", organizationId: table.organizationId }]);
    expect((await emailsTo(handle.db, email))[0]!.subject).toBe("Votre compte Filet est approuvé");
    // A second click changes nothing.
    await expect(approveSignup(handle.db, reviewer, { accountId: row!.id, ...scope(), publicUrl: "http://localhost:3000" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await activeRoles(handle.db, row!.personId)).toHaveLength(1);

    const signIn = await callRoute(login.action, ctx("192.0.2.83"), { path: "/login", form: { email, password: PASSWORD } });
    expect(signIn.status).toBe(302);
  });

  it("rejects without deleting, and the person cannot sign in", async () => {
    const email = uniqueEmail("declined", DOMAIN);
    await submit(form(email), "192.0.2.84");
    const token = await linkTokenFrom(handle.db, email, "/signup/confirm");
    await callRoute(confirm.action, ctx(), { path: `/signup/confirm/${token}`, params: { token }, form: { intent: "confirm" } });
    const row = await accountOf(email);
    await rejectSignup(handle.db, reviewer, { accountId: row!.id, ...scope("all"), publicUrl: "http://localhost:3000" });
    expect((await accountRow(handle.db, row!.id)).status).toBe("deactivated");
    expect((await emailsTo(handle.db, email))[0]!.subject).toBe("Votre demande de compte Filet");
    const signIn = await callRoute(login.action, ctx("192.0.2.85"), { path: "/login", form: { email, password: PASSWORD } });
    expect(signIn.data).toMatchObject({ formError: "identity.login.invalid" });
  });

  it("treats a reviewer from another Table as if the sign-up did not exist", async () => {
    const email = uniqueEmail("other", DOMAIN);
    await submit(form(email), "192.0.2.86");
    const token = await linkTokenFrom(handle.db, email, "/signup/confirm");
    await callRoute(confirm.action, ctx(), { path: `/signup/confirm/${token}`, params: { token }, form: { intent: "confirm" } });
    const row = await accountOf(email);
    const elsewhere = await seedTable(handle.db);
    const input = { accountId: row!.id, partnershipId: elsewhere.partnershipId, organizationIds: "all" as const, publicUrl: "http://localhost:3000" };
    await expect(approveSignup(handle.db, reviewer, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(rejectSignup(handle.db, reviewer, input)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listPendingSignups(handle.db, { partnershipId: elsewhere.partnershipId, organizationIds: "all" })).toEqual([]);
  });
});
