import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { account } from "../identity/tables.ts";
import { translator } from "../../i18n/catalog.ts";
import { isLocale, type Locale } from "../../i18n/types.ts";

export type ImmediateKind = "mention" | "reply" | "hidden";

/** The active accounts of some people: where and in which language to write. */
export async function mailboxesOf(db: Database, personIds: string[]): Promise<Map<string, { email: string; locale: Locale }>> {
  if (!personIds.length) return new Map();
  const rows = await db
    .select({ personId: account.personId, email: account.email, locale: account.locale })
    .from(account)
    .where(and(inArray(account.personId, personIds), eq(account.status, "active")));
  return new Map(rows.map((r) => [r.personId, { email: r.email, locale: isLocale(r.locale) ? r.locale : "fr" }]));
}

/**
 * A notice and a link, in the reader's language: never a word of the post, not even the
 * thread's title or the space's name (an email leaves the platform).
 */
export function immediateEmail(kind: ImmediateKind, locale: Locale, link: string): { subject: string; text: string } {
  const t = translator(locale);
  return {
    subject: t(`forum.email.${kind}.subject`),
    text: `${t(`forum.email.${kind}.body`, { link })}\n\n${t("forum.email.footer")}\n`,
  };
}

export async function sendImmediate(tx: Database, input: { kind: ImmediateKind; personId: string; link: string; partnershipId: string; mailboxes: Map<string, { email: string; locale: Locale }> }): Promise<boolean> {
  const box = input.mailboxes.get(input.personId);
  if (!box) return false;
  const { subject, text } = immediateEmail(input.kind, box.locale, input.link);
  await queueEmail(tx, { to: box.email, subject, text, partnershipId: input.partnershipId });
  return true;
}
