import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { maskSecretLinks } from "./secret-links.ts";
import { emailMessage } from "./tables.ts";

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxRow {
  id: string;
  partnershipId: string | null;
  toAddress: string;
  subject: string;
  status: "queued" | "sent" | "stored" | "failed";
  createdAt: Date;
  sentAt: Date | null;
  /** The message carries a link for its recipient only (masked when shown). */
  hasSecretLink: boolean;
}

/**
 * The installation's emails, newest first (platform admins only: "outbox.read" is global).
 * Keyset pagination on (created_at, id); `partnershipId` narrows to one Table when given.
 */
// Cursors travel as JavaScript dates (milliseconds); comparing at that precision loses no row.
const createdMs = sql<Date>`date_trunc('milliseconds', ${emailMessage.createdAt})`;

export async function listOutbox(
  db: Database,
  query: { partnershipId?: string | null; before?: { createdAt: Date; id: string } | null; limit?: number } = {},
) {
  const limit = query.limit ?? OUTBOX_PAGE_SIZE;
  const where: SQL[] = [];
  if (query.partnershipId) where.push(eq(emailMessage.partnershipId, query.partnershipId));
  if (query.before) {
    where.push(
      or(
        sql`${createdMs} < ${query.before.createdAt.toISOString()}::timestamptz`,
        and(sql`${createdMs} = ${query.before.createdAt.toISOString()}::timestamptz`, lt(emailMessage.id, query.before.id)),
      ) as SQL,
    );
  }
  const selected = await db
    .select({
      id: emailMessage.id,
      partnershipId: emailMessage.partnershipId,
      toAddress: emailMessage.toAddress,
      subject: emailMessage.subject,
      status: emailMessage.status,
      createdAt: emailMessage.createdAt,
      sentAt: emailMessage.sentAt,
      textBody: emailMessage.textBody,
    })
    .from(emailMessage)
    .where(and(...where))
    .orderBy(desc(createdMs), desc(emailMessage.id))
    .limit(limit + 1);
  // The body stays here: the list only says whether it holds a link for the recipient only.
  const rows: OutboxRow[] = selected.map(({ textBody, ...row }) => ({ ...row, hasSecretLink: maskSecretLinks(textBody).count > 0 }));
  const messages = rows.slice(0, limit);
  const last = messages[messages.length - 1];
  return { messages, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

/**
 * One message as an administrator may read it: links carrying a secret (reset, invitation,
 * confirmation tokens) are masked in the text and the attachments — only the recipient sees
 * them; `hiddenLinks` counts them. The HTML body is not shown.
 */
export async function getOutboxMessage(db: Database, messageId: string) {
  const [row] = await db
    .select({
      id: emailMessage.id,
      partnershipId: emailMessage.partnershipId,
      toAddress: emailMessage.toAddress,
      subject: emailMessage.subject,
      textBody: emailMessage.textBody,
      attachments: emailMessage.attachments,
      status: emailMessage.status,
      error: emailMessage.error,
      createdAt: emailMessage.createdAt,
      sentAt: emailMessage.sentAt,
    })
    .from(emailMessage)
    .where(eq(emailMessage.id, messageId))
    .limit(1);
  if (!row) return null;
  const body = maskSecretLinks(row.textBody);
  const attachments = row.attachments.map((a) => {
    const content = maskSecretLinks(a.content);
    return { ...a, content: content.text, hidden: content.count };
  });
  return {
    ...row,
    textBody: body.text,
    attachments: attachments.map(({ hidden: _hidden, ...a }) => a),
    hiddenLinks: body.count + attachments.reduce((n, a) => n + a.hidden, 0),
  };
}
