import { eq } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { emailMessage } from "../email/tables.ts";
import { issueAccountToken, TOKEN_TTL_MS } from "./account-tokens.server.ts";
import { identityEmail } from "./identity-emails.server.ts";
import { invitePerson } from "./invite-person.server.ts";
import { account } from "./tables.ts";
import { person } from "../people/tables.ts";

/**
 * The outbox masks the links that carry a secret; instead of reading one, an administrator
 * sends the recipient a fresh message: a new reset link, a renewed invitation, a new
 * confirmation link. The new token goes to the recipient only (the previous one stops working).
 */
export type ResendKind = "password_reset" | "invitation" | "email_confirmation";

const LINKS: [ResendKind, RegExp][] = [
  ["password_reset", /\/password\/reset\/[A-Za-z0-9_-]{32,}/],
  ["invitation", /\/invitation\/[A-Za-z0-9_-]{32,}/],
  ["email_confirmation", /\/signup\/confirm\/[A-Za-z0-9_-]{32,}/],
];

/** Which identity link a stored message carries (null: none, nothing to resend). */
export function identityLinkKind(text: string): ResendKind | null {
  return LINKS.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** The account state in which a link of that kind still makes sense. */
const STATUS_FOR: Record<ResendKind, string> = {
  password_reset: "active",
  invitation: "invited",
  email_confirmation: "pending_email",
};

async function recipientOf(db: Database, messageId: string) {
  const [message] = await db
    .select({ id: emailMessage.id, to: emailMessage.toAddress, text: emailMessage.textBody })
    .from(emailMessage)
    .where(eq(emailMessage.id, messageId))
    .limit(1);
  if (!message) return null;
  const kind = identityLinkKind(message.text);
  if (!kind) return { message, kind: null, target: null };
  const [target] = await db
    .select({
      accountId: account.id,
      status: account.status,
      email: account.email,
      locale: account.locale,
      personId: person.id,
      givenName: person.givenName,
      partnershipId: person.partnershipId,
      organizationId: person.organizationId,
    })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(account.email, message.to.toLowerCase()))
    .limit(1);
  return { message, kind, target: target && target.status === STATUS_FOR[kind] ? target : null };
}

/** What the message page offers: the kind of link that can be sent again, or null. */
export async function resendableKind(db: Database, messageId: string): Promise<ResendKind | null> {
  const found = await recipientOf(db, messageId);
  return found?.target ? found.kind : null;
}

export type ResendResult = { ok: true; messageId: string; kind: ResendKind } | { ok: false; error: "not_found" | "not_resendable" };

/** Sends the recipient a fresh message with a new link (audited). `db` may be a transaction. */
export async function resendIdentityLink(
  db: Database,
  actor: AuditActor,
  input: { messageId: string; publicUrl: string; now?: Date },
): Promise<ResendResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const found = await recipientOf(tx, input.messageId);
    if (!found) return { ok: false, error: "not_found" } as const;
    const { kind, target } = found;
    if (!kind || !target) return { ok: false, error: "not_resendable" } as const;
    let messageId: string;
    if (kind === "invitation") {
      const locale = target.locale === "en" ? "en" : "fr";
      ({ messageId } = await invitePerson(tx, actor, { personId: target.personId, partnershipId: target.partnershipId, email: target.email, locale, publicUrl: input.publicUrl }));
    } else {
      const token = await issueAccountToken(tx, { kind, accountId: target.accountId, createdBy: actor.accountId, now });
      const message =
        kind === "password_reset"
          ? identityEmail("passwordReset", target.locale, { name: target.givenName, link: `${input.publicUrl}/password/reset/${token}`, minutes: TOKEN_TTL_MS.password_reset / 60_000 })
          : identityEmail("signupConfirm", target.locale, { name: target.givenName, link: `${input.publicUrl}/signup/confirm/${token}`, hours: TOKEN_TTL_MS.email_confirmation / 3600_000 });
      messageId = await queueEmail(tx, { to: target.email, ...message, partnershipId: target.partnershipId });
    }
    await recordAuditEvent(tx, actor, {
      action: "email.resent",
      targetType: "account",
      targetId: target.accountId,
      partnershipId: target.partnershipId,
      organizationId: target.organizationId,
      details: { kind, messageId: input.messageId, newMessageId: messageId },
    });
    return { ok: true, messageId, kind } as const;
  });
}
