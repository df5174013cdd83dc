import { and, eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Config } from "../config/config.server.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { emailMessage, type EmailAttachment } from "./tables.ts";

export interface MailToSend {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
}

/** One SMTP conversation per message: mail volume is low and no idle connection is kept open. */
export async function sendMail(config: Config, mail: MailToSend): Promise<void> {
  if (!config.SMTP_URL) throw new Error("SMTP_URL is not set");
  const transport = nodemailer.createTransport(config.SMTP_URL, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({
      from: config.FILET_MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html || undefined,
      attachments: (mail.attachments ?? []).map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content })),
    });
  } finally {
    transport.close();
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

/**
 * Job "email.deliver" ({ messageId }). With SMTP the message is sent; a failure is recorded
 * and thrown so the runner retries it, and the last failed attempt leaves it "failed".
 * Without SMTP the message is kept as "stored": administrators read it in the outbox.
 */
export const deliverEmail: JobHandler = async (payload, ctx) => {
  const messageId = payload.messageId;
  if (typeof messageId !== "string") throw new Error("email.deliver: payload.messageId is missing");
  const [message] = await ctx.db.select().from(emailMessage).where(eq(emailMessage.id, messageId)).limit(1);
  // Gone (retention) or already handled by an earlier run: sending again would duplicate it.
  if (!message || message.status !== "queued") return;
  const stillQueued = and(eq(emailMessage.id, messageId), eq(emailMessage.status, "queued"));

  if (!ctx.config.SMTP_URL) {
    await ctx.db.update(emailMessage).set({ status: "stored", error: null }).where(stillQueued);
    return;
  }
  try {
    await sendMail(ctx.config, {
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      attachments: message.attachments,
    });
  } catch (error) {
    await ctx.db
      .update(emailMessage)
      .set({ status: ctx.isLastAttempt ? "failed" : "queued", error: describe(error) })
      .where(stillQueued);
    throw error;
  }
  await ctx.db.update(emailMessage).set({ status: "sent", sentAt: new Date(), error: null }).where(stillQueued);
};
