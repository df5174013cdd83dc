import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { issueAccountToken, TOKEN_TTL_MS } from "./account-tokens.server.ts";
import { AccountStateError, EmailTakenError, InvalidEmailError, NotFoundError } from "./errors.ts";
import { identityEmail } from "./identity-emails.server.ts";
import { account } from "./tables.ts";
import { person } from "../people/tables.ts";

export interface InvitePersonInput {
  personId: string;
  /** The inviter's Table; null only for platform staff who belong to no Table. */
  partnershipId: string | null;
  email: string;
  locale: "fr" | "en";
  publicUrl: string;
}

/** Writes the invitation email from its link and lifetime; the caller chooses the words. */
export type InvitationLetter = (vars: { name: string; link: string; hours: number }, locale: "fr" | "en") => { subject: string; text: string };

const plainInvitation: InvitationLetter = (vars, locale) => identityEmail("invitation", locale, vars);

/**
 * Invites a person to set a password: creates their account ("invited") or refreshes a pending
 * invitation. The link is single use, valid 72 h; earlier links of the account stop working.
 * Throws NotFoundError (person outside the Table), EmailTakenError, AccountStateError (already
 * has a working account).
 */
export async function invitePerson(db: Database, actor: AuditActor, input: InvitePersonInput): Promise<{ accountId: string; messageId: string }> {
  return db.transaction((tx) => issueInvitation(tx, actor, input));
}

/**
 * invitePerson inside the caller's transaction, with the caller's letter (a pivot just
 * designated, a consultation waiting): the invitation and what prompted it commit together.
 */
export async function issueInvitation(
  tx: Database,
  actor: AuditActor,
  input: InvitePersonInput & { letter?: InvitationLetter; reason?: string },
): Promise<{ accountId: string; messageId: string }> {
  const email = z.email().safeParse(input.email.trim().toLowerCase());
  if (!email.success) throw new InvalidEmailError();
  const now = new Date();
  const [target] = await tx
    .select({ id: person.id, givenName: person.givenName, partnershipId: person.partnershipId, organizationId: person.organizationId })
    .from(person)
    .where(and(eq(person.id, input.personId), input.partnershipId ? eq(person.partnershipId, input.partnershipId) : isNull(person.partnershipId)))
    .limit(1);
  if (!target) throw new NotFoundError();

  const [existing] = await tx.select({ id: account.id, status: account.status }).from(account).where(eq(account.personId, target.id)).limit(1);
  const [owner] = await tx.select({ personId: account.personId }).from(account).where(eq(account.email, email.data)).limit(1);
  if (owner && owner.personId !== target.id) throw new EmailTakenError();

  let accountId: string;
  if (existing) {
    if (existing.status !== "invited") throw new AccountStateError(existing.status);
    await tx.update(account).set({ email: email.data, locale: input.locale, updatedAt: now }).where(eq(account.id, existing.id));
    accountId = existing.id;
  } else {
    const [created] = await tx
      .insert(account)
      .values({ personId: target.id, email: email.data, status: "invited", locale: input.locale })
      .returning({ id: account.id });
    if (!created) throw new Error("account insert returned nothing");
    accountId = created.id;
  }

  const token = await issueAccountToken(tx, { kind: "invitation", accountId, createdBy: actor.accountId, now });
  const letter = input.letter ?? plainInvitation;
  const message = letter({ name: target.givenName, link: `${input.publicUrl}/invitation/${token}`, hours: TOKEN_TTL_MS.invitation / 3600_000 }, input.locale);
  const messageId = await queueEmail(tx, { to: email.data, ...message, partnershipId: target.partnershipId });
  await recordAuditEvent(tx, actor, {
    action: "account.invited",
    targetType: "account",
    targetId: accountId,
    partnershipId: target.partnershipId,
    organizationId: target.organizationId,
    details: { personId: target.id, email: email.data, renewed: !!existing, ...(input.reason ? { reason: input.reason } : {}) },
  });
  return { accountId, messageId };
}
