import { findIdentifyingDetails } from "../app/modules/consultations/pii/find-identifying-details.ts";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * `filet pii-check`: the identifying-details guard on its own, so it can be evaluated on a
 * corpus without the app. Imports nothing but the guard (no config, no database): it starts
 * fast. Offsets are UTF-16 code units of the input, as the web form uses.
 */
export async function piiCheckCommand(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const text = await readAll(input);
  const findings = findIdentifyingDetails(text).map(({ kind, start, end, text: found }) => ({ kind, start, end, text: found }));
  output.write(`${JSON.stringify(findings)}\n`);
}
