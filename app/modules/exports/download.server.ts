import { createHash } from "node:crypto";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * An export as a download: the file's type, an attachment named in ASCII for old clients and in
 * UTF-8 (RFC 6266, RFC 8187) for the others, never stored by a cache (it holds a Table's figures).
 */
export function downloadResponse(body: string | Buffer, { filename, type }: { filename: string; type: keyof typeof TYPES }): Response {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const name = withExtension(filename.trim() || "export", type);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": TYPES[type],
      "Content-Disposition": `attachment; filename="${asciiName(name)}"; filename*=UTF-8''${rfc8187(name)}`,
      "Content-Length": String(bytes.byteLength),
      "Cache-Control": "no-store",
    },
  });
}

/** The file's SHA-256 in hex, for the audit event the caller records with the export. */
export function sha256Hex(body: string | Buffer): string {
  return createHash("sha256").update(typeof body === "string" ? Buffer.from(body, "utf8") : body).digest("hex");
}

function withExtension(name: string, type: keyof typeof TYPES): string {
  const bare = name.replace(/[\\/]/g, "-");
  return bare.toLowerCase().endsWith(`.${type}`) ? bare : `${bare}.${type}`;
}

/** "Évaluation 2026 — Table.csv" → "Evaluation 2026 - Table.csv": accents dropped, the rest made safe. */
function asciiName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[^A-Za-z0-9._ ()-]/g, "_");
}

function rfc8187(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
