import { createHash } from "node:crypto";
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { recordAuditEvent } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization } from "../governance/tables.ts";
import { consumeAccountToken, findUsableToken, issueAccountToken, TOKEN_TTL_MS } from "./account-tokens.server.ts";
import { accountActor, anonymousActor, type IdentityContext } from "./identity-context.ts";
import { identityEmail } from "./identity-emails.server.ts";
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from "./password.server.ts";
import { account } from "./tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { registerAttempt, type AttemptVerdict } from "./throttle.server.ts";
import { quebecDay } from "../time/days.ts";

export interface SignupOrganization {
  id: string;
  partnershipId: string;
  nameFr: string;
  nameEn: string;
  acronym: string;
}

export function emailDomain(email: string): string {
  return email.trim().toLowerCase().split("@").pop() ?? "";
}

/**
 * Organizations (still members of their Table) that let workers with this address sign up:
 * the domain must be listed exactly ("cjq.qc.ca" or "@cjq.qc.ca"); subdomains do not count.
 */
export async function findSignupOrganizations(db: Database, email: string, now = new Date()): Promise<SignupOrganization[]> {
  const domain = emailDomain(email);
  if (!domain) return [];
  const today = quebecDay(now);
  return db
    .select({ id: organization.id, partnershipId: organization.partnershipId, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(
      and(
        sql`exists (select 1 from unnest(${organization.emailDomains}) as d where lower(ltrim(d, '@')) = ${domain})`,
        or(isNull(organization.leftOn), gt(organization.leftOn, today)),
      ),
    )
    .orderBy(asc(organization.nameFr));
}

export interface SignUpInput {
  givenName: string;
  familyName: string;
  email: string;
  password: string;
  organizationId?: string | null;
  locale: "fr" | "en";
  publicUrl: string;
  now?: Date;
}

export type SignUpResult =
  /** Same answer whether the address was new or already registered. */
  | { kind: "check_email" }
  | { kind: "no_organization" }
  | { kind: "choose_organization"; organizations: SignupOrganization[] }
  | { kind: "password"; error: PasswordProblem };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

/**
 * Counts a sign-up BEFORE anything is checked, in its own transaction: the attempt stays
 * counted whatever happens next (an unknown domain, a weak password, a refused or rolled back
 * creation), so failing sign-ups are throttled like the others. The same submission sent
 * again (same key, same fields) is the same attempt: its id is derived from them, so 20
 * parallel copies or a retry count once. The password is not part of the id.
 */
export async function registerSignUpAttempt(
  context: Pick<IdentityContext, "db" | "ip">,
  input: { email: string; submissionKey: string; fields: readonly string[]; now?: Date },
): Promise<AttemptVerdict> {
  const email = input.email.trim().toLowerCase();
  const digest = createHash("sha256").update(JSON.stringify(["signup", input.submissionKey, email, ...input.fields])).digest("hex");
  // A UUID (version 4 layout) made of the digest.
  const attemptId = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  return context.db.transaction((tx) => registerAttempt(tx, "signup", { key: email, ip: context.ip, now: input.now, attemptId }));
}

/**
 * Self sign-up of a worker: person + account "pending_email" + a 24 h confirmation link.
 * An address that already has an account gets a notice instead (or a fresh confirmation link
 * while still unconfirmed), and the page says the same thing either way. Throttling is the
 * caller's (`registerSignUpAttempt`, before this); `context.db` may be a transaction.
 */
export async function signUp(context: IdentityContext, input: SignUpInput): Promise<SignUpResult> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const organizations = await findSignupOrganizations(context.db, email, now);
  if (!organizations.length) return { kind: "no_organization" };
  const chosen = organizations.length === 1 ? organizations[0] : organizations.find((o) => o.id === input.organizationId);
  if (!chosen) return { kind: "choose_organization", organizations };
  const problem = checkPasswordPolicy(input.password, { email });
  if (problem) return { kind: "password", error: problem };

  // Hash before looking the address up: both paths take the same time.
  const passwordHash = await hashPassword(input.password);
  try {
    return await context.db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: account.id, status: account.status, locale: account.locale, givenName: person.givenName, partnershipId: person.partnershipId })
        .from(account)
        .innerJoin(person, eq(person.id, account.personId))
        .where(eq(account.email, email))
        .limit(1);
      if (existing) {
        if (existing.status === "pending_email") {
          const token = await issueAccountToken(tx, { kind: "email_confirmation", accountId: existing.id, createdBy: null, now });
          const message = identityEmail("signupConfirm", existing.locale, {
            name: existing.givenName,
            link: `${input.publicUrl}/signup/confirm/${token}`,
            hours: TOKEN_TTL_MS.email_confirmation / 3600_000,
          });
          await queueEmail(tx, { to: email, ...message, partnershipId: existing.partnershipId });
        } else {
          const message = identityEmail("signupExisting", existing.locale, { name: existing.givenName, link: `${input.publicUrl}/password/forgot` });
          await queueEmail(tx, { to: email, ...message, partnershipId: existing.partnershipId });
        }
        await recordAuditEvent(tx, anonymousActor(context), {
          action: "account.signup_repeated",
          targetType: "account",
          targetId: existing.id,
          partnershipId: existing.partnershipId,
          details: { email },
        });
        return { kind: "check_email" } as const;
      }
      const [created] = await tx
        .insert(person)
        .values({
          partnershipId: chosen.partnershipId,
          organizationId: chosen.id,
          givenName: input.givenName,
          familyName: input.familyName,
          email,
        })
        .returning({ id: person.id });
      if (!created) throw new Error("person insert returned nothing");
      const [newAccount] = await tx
        .insert(account)
        .values({ personId: created.id, email, passwordHash, status: "pending_email", locale: input.locale })
        .returning({ id: account.id });
      if (!newAccount) throw new Error("account insert returned nothing");
      const token = await issueAccountToken(tx, { kind: "email_confirmation", accountId: newAccount.id, createdBy: null, now });
      const message = identityEmail("signupConfirm", input.locale, {
        name: input.givenName,
        link: `${input.publicUrl}/signup/confirm/${token}`,
        hours: TOKEN_TTL_MS.email_confirmation / 3600_000,
      });
      await queueEmail(tx, { to: email, ...message, partnershipId: chosen.partnershipId });
      await recordAuditEvent(tx, anonymousActor(context), {
        action: "account.signed_up",
        targetType: "account",
        targetId: newAccount.id,
        partnershipId: chosen.partnershipId,
        organizationId: chosen.id,
        details: { email, personId: created.id },
      });
      return { kind: "check_email" } as const;
    });
  } catch (error) {
    // A double submission racing the first: the address now exists, which is the neutral answer.
    if (isUniqueViolation(error)) return { kind: "check_email" };
    throw error;
  }
}

/** Whether a confirmation link still works (for showing the confirm button). */
export async function isConfirmationTokenUsable(db: Database, token: string, now = new Date()): Promise<boolean> {
  return !!(await findUsableToken(db, "email_confirmation", token, now));
}

/**
 * The address is confirmed: the account waits for approval, and the organization's pivot
 * coordinators (or, when it has none, the Table's coordinators) are told by email.
 */
export async function confirmSignup(
  context: IdentityContext,
  input: { token: string; publicUrl: string; now?: Date },
): Promise<{ ok: boolean }> {
  const now = input.now ?? new Date();
  return context.db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, "email_confirmation", input.token, now);
    if (!used) return { ok: false };
    const [updated] = await tx
      .update(account)
      .set({ status: "pending_approval", updatedAt: now })
      .where(and(eq(account.id, used.accountId), eq(account.status, "pending_email")))
      .returning({ id: account.id, personId: account.personId });
    if (!updated) return { ok: false };
    const [who] = await tx
      .select({ partnershipId: person.partnershipId, organizationId: person.organizationId })
      .from(person)
      .where(eq(person.id, updated.personId));
    const partnershipId = who?.partnershipId ?? null;
    const organizationId = who?.organizationId ?? null;
    const approvers = partnershipId && organizationId ? await findApprovers(tx, partnershipId, organizationId) : [];
    for (const approver of approvers) {
      const message = identityEmail("approvalRequest", approver.locale, { link: `${input.publicUrl}/admin/approvals` });
      await queueEmail(tx, { to: approver.email, ...message, partnershipId });
    }
    await recordAuditEvent(tx, accountActor(context, { accountId: updated.id, partnershipId, organizationId }), {
      action: "account.email_confirmed",
      targetType: "account",
      targetId: updated.id,
      details: { approversNotified: approvers.length },
    });
    return { ok: true };
  });
}

export async function findApprovers(tx: Database, partnershipId: string, organizationId: string) {
  const holders = (role: "pivot_coordinator" | "table_coordinator", scopedToOrganization: boolean) =>
    tx
      .selectDistinct({ email: account.email, locale: account.locale })
      .from(roleAssignment)
      .innerJoin(account, eq(account.personId, roleAssignment.personId))
      .where(
        and(
          eq(roleAssignment.role, role),
          eq(roleAssignment.partnershipId, partnershipId),
          scopedToOrganization ? eq(roleAssignment.organizationId, organizationId) : undefined,
          isNull(roleAssignment.revokedAt),
          eq(account.status, "active"),
        ),
      );
  const coordinators = await holders("pivot_coordinator", true);
  return coordinators.length ? coordinators : holders("table_coordinator", false);
}
