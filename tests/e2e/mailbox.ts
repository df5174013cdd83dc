import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * The recipients' mailboxes for the browser suite: a local SMTP server the test Filet sends to,
 * writing every message it receives into a folder. A link that only its recipient may see
 * (an invitation, a reset) is read from here, never from the admin outbox, which masks it.
 */
export interface Mailbox {
  url: string;
  dir: string;
  stop: () => Promise<void>;
}

export async function startMailbox(dir: string): Promise<Mailbox> {
  fs.mkdirSync(dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = { to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw: Buffer.concat(chunks).toString("utf8") };
        fs.writeFileSync(path.join(dir, `${Date.now()}-${++n}.json`), JSON.stringify(mail));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, dir, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A raw MIME message as searchable text: quoted-printable undone, base64 parts decoded and appended. */
function readable(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const base64 = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi)].map((m) =>
    Buffer.from(m[1]!.replace(/\s/g, ""), "base64").toString("utf8"),
  );
  return [qp, ...base64].join("\n");
}

/** The text of the messages received for `to`, newest first. */
export function mailsTo(dir: string, to: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as { to: string[]; raw: string })
    .filter((m) => m.to.includes(to.toLowerCase()))
    .map((m) => readable(m.raw));
}
