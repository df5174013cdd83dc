import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { signIn } from "../support/fixtures.ts";
import { renderPage } from "../support/render-page.tsx";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { MASK } from "../../app/modules/email/secret-links.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { invitePerson } from "../../app/modules/identity/invite-person.server.ts";
import { isResetTokenUsable } from "../../app/modules/identity/password-reset.server.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import * as outbox from "../../app/routes/admin/outbox.tsx";
import * as message from "../../app/routes/admin/outbox.$messageId.tsx";
import * as forgot from "../../app/routes/identity/password.forgot.tsx";
import * as reset from "../../app/routes/identity/password.reset.$token.tsx";
import * as signup from "../../app/routes/identity/signup.tsx";
import { callRoute, createAccount, emailsTo, linkTokenFrom, seedTable, uniqueEmail } from "./identity-fixtures.ts";

/**
 * No secret in the outbox: reset, invitation and confirmation links are for their recipient
 * only. An administrator sees them masked, and can send the recipient a fresh message.
 */
let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
let admin: string;
let adminId: string;
const DOMAIN = `org-${randomUUID().slice(0, 6)}.qc.ca`;

beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db, { main: [DOMAIN] });
  ({ accountId: adminId } = await createAccount(handle.db, { email: uniqueEmail("admin"), partnershipId: null, organizationId: null, roles: ["platform_admin"] }));
  // An administrator must have MFA set up: marked so, and the session has passed it.
  await handle.db.update(account).set({ mfaEnabledAt: new Date(), mfaSecretEnc: "unused" }).where(eq(account.id, adminId));
  admin = await signIn(handle.db, adminId);
});
afterAll(async () => {
  await handle.close();
});

const ctx = () => testContext(handle.db, { ip: "192.0.2.90" });
const openMessage = (id: string, path = `/admin/outbox/${id}`) => callRoute(message.loader, ctx(), { path, params: { messageId: id }, cookie: admin });
const resend = (id: string, key = randomUUID()) =>
  callRoute(message.action, ctx(), { path: `/admin/outbox/${id}`, params: { messageId: id }, cookie: admin, form: { intent: "resend", _submission: key } });

async function latestMessageTo(to: string) {
  const [row] = await handle.db
    .select({ id: emailMessage.id })
    .from(emailMessage)
    .where(eq(emailMessage.toAddress, to))
    .orderBy(emailMessage.createdAt)
    .limit(1);
  return row!.id;
}
const totalEmails = async () => (await handle.db.select({ n: count() }).from(emailMessage))[0]!.n;

type MessageView = { message: { textBody: string; hiddenLinks: number }; resendKind: string | null };

describe("the outbox masks secret links", () => {
  it("a reset email: no token in the list, the loader data or the HTML; the masked link opens nothing; resend sends a new one to the recipient only", async () => {
    const email = uniqueEmail("worker");
    await createAccount(handle.db, { email, partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
    await callRoute(forgot.action, ctx(), { path: "/password/forgot", form: { email } });
    const token = await linkTokenFrom(handle.db, email, "/password/reset");
    const id = await latestMessageTo(email);

    const list = await callRoute(outbox.loader, ctx(), { path: "/admin/outbox", cookie: admin });
    expect(JSON.stringify(list.data)).not.toContain(token);
    expect((list.data as { messages: { id: string; hasSecretLink: boolean }[] }).messages.find((m) => m.id === id)?.hasSecretLink).toBe(true);

    const page = await openMessage(id);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toContain(token);
    const view = page.data as MessageView;
    expect(view.message.textBody).toContain(`http://localhost:3000/password/reset/${MASK}`);
    expect(view.message.hiddenLinks).toBe(1);
    expect(view.resendKind).toBe("password_reset");

    for (const locale of ["fr", "en"] as const) {
      const html = renderPage(message.default as never, { path: `/admin/outbox/${id}`, loaderData: page.data, locale });
      expect(html).not.toContain(token);
      expect(html).toContain(MASK);
      expect(html).toContain(locale === "fr" ? "seul le destinataire peut les voir" : "only the recipient can see them");
      expect(html).toMatch(/<form[^>]*method="post"[^>]*>.*name="intent" value="resend"/s);
    }

    // What the page shows is not a link that works.
    const masked = view.message.textBody.match(/\/password\/reset\/(\S+)/)![1]!;
    expect((await callRoute(reset.loader, ctx(), { path: `/password/reset/${encodeURIComponent(masked)}`, params: { token: masked } })).status).toBe(410);
    const tried = await callRoute(reset.action, ctx(), {
      path: `/password/reset/${encodeURIComponent(masked)}`,
      params: { token: masked },
      form: { username: email, password: "une phrase assez longue", confirm: "une phrase assez longue" },
    });
    expect(tried.status).toBe(410);

    // Resend: a new message, to the recipient, with a new link; the old one stops working.
    const before = await totalEmails();
    const key = randomUUID();
    const out = await resend(id, key);
    expect(out.status).toBe(302);
    expect(out.location).toMatch(/^\/admin\/outbox\/[0-9a-f-]{36}\?resent=1$/);
    expect(await totalEmails()).toBe(before + 1);
    const mails = await emailsTo(handle.db, email);
    expect(mails).toHaveLength(2);
    const fresh = await linkTokenFrom(handle.db, email, "/password/reset");
    expect(fresh).not.toBe(token);
    expect(await isResetTokenUsable(handle.db, fresh)).toBe(true);
    expect(await isResetTokenUsable(handle.db, token)).toBe(false);
    // The administrator does not see the new link either.
    const newId = out.location!.split("/")[3]!.split("?")[0]!;
    const newPage = await openMessage(newId, out.location!);
    expect(JSON.stringify(newPage.data)).not.toContain(fresh);
    // Audited, as the administrator.
    const [event] = await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "email.resent"), eq(auditEvent.actorAccountId, adminId)));
    expect(event?.details).toMatchObject({ kind: "password_reset", messageId: id, newMessageId: newId });
    // The same click again (same key): the same answer, no second message.
    const again = await resend(id, key);
    expect(again.location).toBe(out.location);
    expect(await totalEmails()).toBe(before + 1);
  });

  it("an invitation is renewed, a sign-up confirmation is sent again; messages without a link offer nothing", async () => {
    const invited = uniqueEmail("invitee");
    // A person of the Table, invited by a coordinator.
    const [p] = await handle.db
      .insert(person)
      .values({ partnershipId: table.partnershipId, organizationId: table.organizationId, givenName: "Léa", familyName: "Invitée" })
      .returning({ id: person.id });
    await invitePerson(handle.db, { ...systemActor("test", table.partnershipId), role: "table_coordinator" }, { personId: p!.id, partnershipId: table.partnershipId, email: invited, locale: "fr", publicUrl: "http://localhost:3000" });
    const first = await linkTokenFrom(handle.db, invited, "/invitation");
    const invitation = await latestMessageTo(invited);
    expect(((await openMessage(invitation)).data as MessageView).resendKind).toBe("invitation");
    expect((await resend(invitation)).status).toBe(302);
    expect(await linkTokenFrom(handle.db, invited, "/invitation")).not.toBe(first);

    const signedUp = uniqueEmail("newbie", DOMAIN);
    await callRoute(signup.action, ctx(), { path: "/signup", form: { givenName: "Sam", familyName: "Roy", email: signedUp, password: "une phrase de passe assez longue", _submission: randomUUID() } });
    const confirmation = await latestMessageTo(signedUp);
    const token = await linkTokenFrom(handle.db, signedUp, "/signup/confirm");
    const view = (await openMessage(confirmation)).data as MessageView;
    expect(JSON.stringify(view)).not.toContain(token);
    expect(view.resendKind).toBe("email_confirmation");
    expect((await resend(confirmation)).status).toBe(302);
    expect(await emailsTo(handle.db, signedUp)).toHaveLength(2);

    // A message with no link: nothing hidden, nothing to resend.
    const plain = uniqueEmail("plain");
    await handle.db.insert(emailMessage).values({ toAddress: plain, subject: "Avis", textBody: "Un avis sans lien.", status: "stored" });
    const plainId = await latestMessageTo(plain);
    expect(((await openMessage(plainId)).data as MessageView).message.hiddenLinks).toBe(0);
    const refused = await resend(plainId);
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ formError: "admin.outbox.resendImpossible" });
    expect(await emailsTo(handle.db, plain)).toHaveLength(1);
  });
});
