import { inflateSync } from "node:zlib";

/**
 * The text a pdfkit PDF shows, for tests: its deflated content streams inflated and their hex
 * strings decoded. Text in an embedded font is glyph ids, read back through that font's
 * ToUnicode map (pdfkit names fonts /F1, /F2… once per document); text in a standard font is
 * WinAnsi. Each line pdfkit draws is its own text object; lines are joined without separator.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const maps = toUnicodeMaps(pdf, raw);
  const out: string[] = [];
  for (const stream of streams(pdf, raw)) {
    let font: Map<number, string> | undefined;
    for (const m of stream.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]+)>/g)) {
      if (m[1]) font = maps.get(m[1]);
      else if (font) out.push(m[2]!.match(/.{4}/g)!.map((code) => font!.get(parseInt(code, 16)) ?? "").join(""));
      else out.push(Buffer.from(m[2]!, "hex").toString("latin1"));
    }
  }
  return out.join("");
}

/** The number of pages. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
}

function objectBody(raw: string, id: string): string {
  const start = raw.indexOf(`\n${id} 0 obj`);
  return start < 0 ? "" : raw.slice(start, raw.indexOf("endobj", start));
}

function inflated(pdf: Buffer, raw: string, from: number): string | null {
  const m = /stream\r?\n/.exec(raw.slice(from));
  if (!m) return null;
  const start = from + m.index + m[0].length;
  try {
    return inflateSync(pdf.subarray(start, raw.indexOf("endstream", start))).toString("latin1");
  } catch {
    return null; // Not a deflated stream (fonts, images).
  }
}

function* streams(pdf: Buffer, raw: string): Generator<string> {
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const text = inflated(pdf, raw, m.index);
    if (text !== null && !text.includes("begincmap")) yield text;
  }
}

/** Each embedded font's resource name → its glyph-id → text map. */
function toUnicodeMaps(pdf: Buffer, raw: string): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  for (const [, name, id] of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (out.has(name!)) continue;
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objectBody(raw, id!))?.[1];
    const body = ref ? objectBody(raw, ref) : "";
    const cmap = ref ? inflated(pdf, raw, raw.indexOf(body)) : null;
    if (cmap) out.set(name!, parseCmap(cmap));
  }
  return out;
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // pdfkit writes a ligature's several code points as one string with spaces: <0066 0066>.
  const text = (hex: string) => String.fromCharCode(...(hex.replace(/\s/g, "").match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, section] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, array, single] of section!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:\[([^\]]*)\]|<([0-9a-f]+)>)/gi)) {
      const from = parseInt(lo!, 16);
      const targets = array ? [...array.matchAll(/<([0-9a-f\s]*)>/gi)].map((x) => text(x[1]!)) : null;
      for (let code = from; code <= parseInt(hi!, 16); code++) {
        map.set(code, targets ? (targets[code - from] ?? "") : String.fromCharCode(parseInt(single!, 16) + code - from));
      }
    }
  }
  for (const [, section] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, value] of section!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]*)>/gi)) map.set(parseInt(code!, 16), text(value!));
  }
  return map;
}
