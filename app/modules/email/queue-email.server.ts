import type { Database } from "../db/client.server.ts";
import { enqueueJob } from "../jobs/enqueue-job.server.ts";
import { emailMessage, type EmailAttachment } from "./tables.ts";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  partnershipId?: string | null;
  /** e.g. the invitation's .ics file, so the event lands in the recipient's calendar. */
  attachments?: EmailAttachment[];
}

export const DELIVER_EMAIL_JOB = "email.deliver";

/**
 * Stores the message and queues its delivery in the caller's transaction: the email leaves
 * only if the change that caused it commits. Emails never carry confidential content, only
 * a notice and a link.
 */
export async function queueEmail(db: Database, email: OutgoingEmail): Promise<string> {
  const [row] = await db
    .insert(emailMessage)
    .values({
      toAddress: email.to.toLowerCase(),
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html ?? "",
      attachments: email.attachments ?? [],
      partnershipId: email.partnershipId ?? null,
      status: "queued",
    })
    .returning({ id: emailMessage.id });
  if (!row) throw new Error("email_message insert returned nothing");
  await enqueueJob(db, DELIVER_EMAIL_JOB, { messageId: row.id });
  return row.id;
}
