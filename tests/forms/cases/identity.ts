import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { generate } from "otplib";
import { rowsOf } from "../../../app/modules/db/rows.ts";
import { DEMO_PASSWORD } from "../../../app/modules/demo/seed-demo.server.ts";
import { issueAccountToken, type TokenKind } from "../../../app/modules/identity/account-tokens.server.ts";
import { startEnrollment } from "../../../app/modules/identity/mfa.server.ts";
import { account } from "../../../app/modules/identity/tables.ts";
import { person } from "../../../app/modules/people/tables.ts";
import { testConfig } from "../../support/test-db.ts";
import type { CaseBook, Demo } from "../harness.ts";

/** Forms of the identity routes: a valid submission each (see ../harness.ts). */

const NEW_PASSWORD = "une phrase de passe assez longue 2026";
const accountOf = (demo: Demo, email: string) => demo.one(sql`select id from account where email = ${email}`);

/**
 * A fresh account of the demo Table in the given state, with a real single-use link token of
 * the given kind (the link routes use it up, so each case gets its own account). The address
 * starts with `prefix`, so the body can find it again.
 */
async function accountWithLink(demo: Demo, prefix: string, status: "invited" | "active" | "pending_email", kind: TokenKind): Promise<string> {
  const organizationId = await demo.one(sql`select id from organization where partnership_id = ${demo.tableId} and acronym = 'CJQ-IU'`);
  const email = `${prefix}.${randomUUID().slice(0, 8)}@cjq.qc.ca`;
  const [p] = await demo.db.insert(person).values({ partnershipId: demo.tableId, organizationId, givenName: "Camille", familyName: "Formulaire", email }).returning({ id: person.id });
  const [a] = await demo.db.insert(account).values({ personId: p!.id, email, status, passwordHash: status === "active" ? "$argon2id$v=19$m=19456,t=2,p=1$unused$unused" : null }).returning({ id: account.id });
  return issueAccountToken(demo.db, { kind, accountId: a!.id, createdBy: null });
}
const latestAccount = (demo: Demo, prefix: string) => demo.one(sql`select email from account where email like ${`${prefix}.%`} order by created_at desc, email limit 1`);

/** A persona with MFA turned on (its harness session has passed the second factor). */
async function withMfa(demo: Demo, email: string) {
  await demo.db.execute(sql`update account set mfa_enabled_at = coalesce(mfa_enabled_at, now()), mfa_secret_enc = coalesce(mfa_secret_enc, 'not-a-real-secret') where email = ${email}`);
  return "/profile";
}

/** An email in the outbox carrying a reset link (an administrator may only resend it). */
async function resetEmail(demo: Demo): Promise<string> {
  const to = "intervenant.ecole@filet.test";
  const [found] = rowsOf<{ id: string }>(await demo.db.execute(sql`select id from email_message where to_address = ${to} and text_body like '%/password/reset/%' order by created_at limit 1`));
  if (found) return found.id;
  const token = "A".repeat(43);
  return demo.one(
    sql`insert into email_message (to_address, subject, text_body, status) values (${to}, 'Réinitialiser votre mot de passe Filet', ${`Bonjour,\n\nhttp://localhost:3000/password/reset/${token}\n`}, 'stored') returning id`,
  );
}

export const identityCases: CaseBook = {
  "routes/identity/login.tsx": [
    {
      name: "sign in with the password",
      kind: "action",
      as: "anonymous",
      url: () => "/login",
      body: () => ({ email: "intervenant.ecole@filet.test", password: DEMO_PASSWORD, redirectTo: "/" }),
    },
  ],
  "routes/identity/login.mfa.tsx": [
    {
      // The harness's sessions have passed the second factor: a well-formed code goes on to
      // the page asked for (the challenge itself: tests/integration/identity-mfa.test.ts).
      name: "answer the second-factor challenge",
      kind: "action",
      as: "pivot.cjq@filet.test",
      url: () => "/login/mfa",
      body: () => ({ code: "123456", redirectTo: "/profile" }),
    },
  ],
  "routes/identity/logout.tsx": [
    {
      name: "sign out",
      kind: "action",
      as: "anonymous",
      url: () => "/logout",
      body: () => ({}),
      // Signing out reads nothing and always works (the session cookie is all it needs).
      writesWhateverItGets: true,
    },
  ],
  "routes/identity/mfa.setup.tsx": [
    {
      name: "turn on two-factor authentication",
      kind: "action",
      as: "evaluation@filet.test",
      url: () => "/mfa/setup",
      body: async (demo) => {
        const email = "evaluation@filet.test";
        const enrollment = startEnrollment(testConfig(), { accountId: await accountOf(demo, email), email });
        return { sealed: enrollment.sealed, code: await generate({ secret: enrollment.secret }) };
      },
    },
  ],
  "routes/identity/invitation.$token.tsx": [
    {
      name: "accept an invitation (first password)",
      kind: "action",
      as: "anonymous",
      url: async (demo) => `/invitation/${await accountWithLink(demo, "formcase.invite", "invited", "invitation")}`,
      body: async (demo) => ({ username: await latestAccount(demo, "formcase.invite"), password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
    },
  ],
  "routes/identity/password.forgot.tsx": [
    {
      name: "ask for a password reset link",
      kind: "action",
      as: "anonymous",
      url: () => "/password/forgot",
      body: () => ({ email: "intervenant.ecole@filet.test" }),
    },
  ],
  "routes/identity/password.reset.$token.tsx": [
    {
      name: "choose a new password from a reset link",
      kind: "action",
      as: "anonymous",
      url: async (demo) => `/password/reset/${await accountWithLink(demo, "formcase.reset", "active", "password_reset")}`,
      body: async (demo) => ({ username: await latestAccount(demo, "formcase.reset"), password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
    },
  ],
  "routes/identity/signup.tsx": [
    {
      name: "sign up as a worker of an organization",
      kind: "create",
      as: "anonymous",
      url: () => "/signup",
      body: (_demo, variant) => ({
        givenName: "Nouvelle",
        familyName: `Personne ${variant}`,
        email: `nouvelle.personne.${variant}@cjq.qc.ca`,
        organizationId: "",
        password: NEW_PASSWORD,
      }),
    },
  ],
  "routes/identity/signup.confirm.$token.tsx": [
    {
      name: "confirm the address of a sign-up",
      kind: "action",
      as: "anonymous",
      url: async (demo) => `/signup/confirm/${await accountWithLink(demo, "formcase.confirm", "pending_email", "email_confirmation")}`,
      body: () => ({ intent: "confirm" }),
    },
  ],
  "routes/identity/profile.tsx": [
    {
      name: "edit my details",
      kind: "edit",
      as: "vie-privee@filet.test",
      url: () => "/profile",
      body: async (demo, variant) => {
        const me = await profileRow(demo, "vie-privee@filet.test");
        return { intent: "details", givenName: me.givenName, familyName: me.familyName, title: `Responsable ${variant}`, phone: me.phone, locale: "fr", version: String(me.version) };
      },
    },
    {
      name: "change my password",
      kind: "action",
      as: "valerie.poulin@filet.test",
      url: () => "/profile",
      body: () => ({ intent: "password", currentPassword: DEMO_PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD }),
    },
    {
      name: "turn off two-factor authentication",
      kind: "action",
      as: "delegue.cjq@filet.test",
      url: (demo) => withMfa(demo, "delegue.cjq@filet.test"),
      body: () => ({ intent: "mfa-disable", disablePassword: DEMO_PASSWORD }),
    },
    {
      name: "get new recovery codes",
      kind: "action",
      as: "coordination.ca@filet.test",
      url: (demo) => withMfa(demo, "coordination.ca@filet.test"),
      body: () => ({ intent: "recovery-codes", codesPassword: DEMO_PASSWORD }),
    },
    {
      name: "sign out my other sessions",
      kind: "action",
      as: "pivot.cjq@filet.test",
      url: () => "/profile",
      body: () => ({ intent: "revoke-others" }),
    },
  ],
  "routes/locale.tsx": [
    {
      name: "switch the language",
      kind: "action",
      as: "coord-pivots.spvq@filet.test",
      url: () => "/locale",
      body: (_demo, variant) => ({ locale: variant % 2 ? "en" : "fr", redirectTo: "/" }),
    },
  ],
  "routes/admin/outbox.$messageId.tsx": [
    {
      name: "resend a reset email (a new link to the recipient only)",
      kind: "create",
      as: "admin@filet.test",
      url: async (demo) => `/admin/outbox/${await resetEmail(demo)}`,
      body: () => ({ intent: "resend" }),
    },
  ],
};

async function profileRow(demo: Demo, email: string) {
  const [row] = rowsOf<{ givenName: string; familyName: string; phone: string; version: number }>(
    await demo.db.execute(
      sql`select p.given_name as "givenName", p.family_name as "familyName", p.phone, p.version from person p join account a on a.person_id = p.id where a.email = ${email}`,
    ),
  );
  if (!row) throw new Error(`no demo account ${email}`);
  return row;
}
