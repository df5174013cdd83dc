import { inflateSync } from "node:zlib";

/**
 * The text a pdfkit PDF shows, for tests: its deflated content streams inflated and their hex
 * strings decoded (pdfkit writes standard-font text as WinAnsi hex strings).
 */
export function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString("latin1");
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    try {
      const text = inflateSync(pdf.subarray(start, end)).toString("latin1");
      for (const hex of text.match(/<([0-9a-fA-F]+)>/g) ?? []) out.push(Buffer.from(hex.slice(1, -1), "hex").toString("latin1"));
    } catch {
      // Not a deflated stream (fonts, images).
    }
  }
  return out.join("");
}
