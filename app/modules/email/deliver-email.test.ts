import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { createTestDatabase, testConfig } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { jobHandlers } from "../../../server/jobs.ts";
import { startJobRunner } from "../jobs/runner.server.ts";
import { job } from "../jobs/tables.ts";
import { queueEmail } from "./queue-email.server.ts";
import { emailMessage } from "./tables.ts";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let handle: DatabaseHandle;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];
let rejectNext = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectNext > 0) {
        rejectNext--;
        const error = new Error("Mailbox temporarily unavailable") as Error & { responseCode: number };
        error.responseCode = 450;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await handle.close();
});
beforeEach(async () => {
  received.length = 0;
  rejectNext = 0;
  await handle.db.delete(job);
});

async function message(id: string) {
  const [row] = await handle.db.select().from(emailMessage).where(eq(emailMessage.id, id));
  return row!;
}

function runnerWith(config: ReturnType<typeof testConfig>, now: () => Date = () => new Date()) {
  return startJobRunner({ db: handle.db, config, handlers: jobHandlers, autoStart: false, now, log: { error: () => {}, warn: () => {} } });
}

describe("email delivery", () => {
  it("sends a queued email over SMTP and marks it sent", async () => {
    const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, FILET_MAIL_FROM: "Filet <no-reply@filet.test>" });
    const id = await handle.db.transaction((tx) =>
      queueEmail(tx, {
        to: "Helene.Tremblay@Example.org",
        subject: "Invitation à Filet",
        text: "Bonjour, suivez ce lien pour choisir votre mot de passe : http://localhost:3000/invitation/abc",
      }),
    );
    expect(await runnerWith(config).runOnce()).toBe(1);

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.to).toEqual(["helene.tremblay@example.org"]);
    expect(mail.from).toBe("no-reply@filet.test");
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?Q\?Invitation_=C3=A0_Filet\?=|^Subject: Invitation à Filet/m);
    const body = mail.raw.replace(/=\r?\n/g, "");
    expect(body).toContain("http://localhost:3000/invitation/abc");
    const row = await message(id);
    expect(row.status).toBe("sent");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.error).toBeNull();
  });

  it("keeps the email in the outbox as 'stored' when no SMTP is configured", async () => {
    const id = await handle.db.transaction((tx) => queueEmail(tx, { to: "a@filet.test", subject: "Hello", text: "Body" }));
    expect(await runnerWith(testConfig()).runOnce()).toBe(1);
    const row = await message(id);
    expect(row.status).toBe("stored");
    expect(row.sentAt).toBeNull();
    expect(received).toHaveLength(0);
  });

  it("sends nothing when the transaction that queued it rolls back", async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await queueEmail(tx, { to: "rollback@filet.test", subject: "Never", text: "Never" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await runnerWith(testConfig({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` })).runOnce()).toBe(0);
    expect(await handle.db.select().from(emailMessage).where(eq(emailMessage.toAddress, "rollback@filet.test"))).toEqual([]);
  });

  it("retries a temporary SMTP failure, then sends", async () => {
    let now = new Date(Date.now() + 1000); // past the run_at the queue sets
    const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
    const id = await handle.db.transaction((tx) => queueEmail(tx, { to: "retry@filet.test", subject: "Retry", text: "Body" }));
    rejectNext = 1;
    const runner = runnerWith(config, () => now);
    await runner.runOnce();
    let row = await message(id);
    expect(row.status).toBe("queued");
    expect(row.error).toMatch(/450|temporarily/);
    now = new Date(now.getTime() + 60_000);
    await runner.runOnce();
    row = await message(id);
    expect(row.status).toBe("sent");
    expect(received.map((r) => r.to)).toEqual([["retry@filet.test"]]);
  });

  it("marks the email failed with the error once every attempt failed", async () => {
    let now = new Date(Date.now() + 1000); // past the run_at the queue sets
    // Nothing listens on port 9 of the loopback: the connection is refused at once.
    const config = testConfig({ SMTP_URL: "smtp://127.0.0.1:9" });
    const id = await handle.db.transaction((tx) => queueEmail(tx, { to: "nobody@filet.test", subject: "Lost", text: "Body" }));
    const runner = runnerWith(config, () => now);
    for (let i = 0; i < 5; i++) {
      await runner.runOnce();
      now = new Date(now.getTime() + 2 * 3600_000);
    }
    const row = await message(id);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    const [jobRow] = await handle.db.select().from(job).where(eq(job.name, "email.deliver"));
    expect(jobRow?.status).toBe("failed");
    expect(jobRow?.attempts).toBe(5);
  });
});
