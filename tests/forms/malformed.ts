import type { Fields } from "./harness.ts";

/**
 * Bodies no form of ours sends, built from a valid one. Each replaces EVERY field (ids,
 * versions, intents and keys included) or breaks the body itself, so none of them is a valid
 * submission in disguise: every one must be refused, with a 4xx and nothing written.
 */
export interface MalformedBody {
  label: string;
  body: BodyInit;
  contentType: string | null;
}

const urlencoded = "application/x-www-form-urlencoded";

function encodeRaw(fields: Fields): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  return p.toString();
}

const everyField = (fields: Fields, value: (key: string) => string | string[]): Fields =>
  Object.fromEntries(Object.keys(fields).map((k) => [k, value(k)]));

const replaced = (label: string, fields: Fields, value: string): MalformedBody => ({
  label,
  body: encodeRaw(everyField(fields, () => value)),
  contentType: urlencoded,
});

export function malformedBodies(valid: Fields): MalformedBody[] {
  const keys = Object.keys(valid);
  const firstKey = keys[0] ?? "field";
  const text = encodeRaw(valid);
  const bodies: MalformedBody[] = [
    { label: "NUL byte in every field", body: encodeRaw(everyField(valid, (k) => `${String(valid[k])}\u0000`)), contentType: urlencoded },
    { label: "NUL byte alone in every field", body: encodeRaw(everyField(valid, () => "\u0000")), contentType: urlencoded },
    // Invalid UTF-8 for a lone surrogate: decoders make U+FFFD of it; with NUL beside it.
    { label: "lone surrogate bytes in every field", body: keys.map((k) => `${encodeURIComponent(k)}=%ED%A0%80%00`).join("&"), contentType: urlencoded },
    { label: "a 1 MB field", body: encodeRaw({ ...valid, [firstKey]: "x".repeat(1024 * 1024 + 1) }), contentType: urlencoded },
    { label: "a 2 MB body", body: `${text}&pad=${"y".repeat(2 * 1024 * 1024)}`, contentType: urlencoded },
    { label: "JSON", body: JSON.stringify(valid), contentType: "application/json" },
    { label: "text/plain", body: text, contentType: "text/plain" },
    { label: "no content type", body: text, contentType: "" },
    { label: "XML", body: "<form><a>1</a></form>", contentType: "application/xml" },
    { label: "broken multipart", body: `--B\r\nContent-Disposition: form-data; name="${firstKey}"\r\n\r\nvalue-without-end`, contentType: "multipart/form-data; boundary=B" },
    { label: "multipart without boundary", body: text, contentType: "multipart/form-data" },
    { label: "multipart with another boundary", body: `--A\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--A--\r\n`, contentType: "multipart/form-data; boundary=Z" },
    { label: "empty body", body: "", contentType: urlencoded },
    { label: "every field twice", body: encodeRaw(everyField(valid, (k) => [String(valid[k]), String(valid[k])])), contentType: urlencoded },
    replaced("impossible date 9999-99-99", valid, "9999-99-99"),
    replaced("impossible date 2026-02-30", valid, "2026-02-30"),
    replaced("month 13", valid, "2026-13-01"),
    replaced("huge number", valid, "99999999999999999999999999"),
    replaced("number beyond double", valid, "1e400"),
    replaced("negative number", valid, "-2147483649"),
    replaced("NaN", valid, "NaN"),
    replaced("empty strings", valid, ""),
    replaced("HTML", valid, "<script>alert(1)</script>"),
    replaced("path traversal", valid, "../../../../etc/passwd"),
    replaced("SQL", valid, "' OR '1'='1' --"),
    replaced("right-to-left override and zero-width", valid, "\u202E\u200B\uFEFF"),
    { label: "field names __proto__ and constructor", body: `__proto__[x]=1&constructor=2&${encodeRaw(everyField(valid, () => "\u0000"))}`, contentType: urlencoded },
    { label: "bad percent escapes", body: keys.map((k) => `${encodeURIComponent(k)}=%zz%E0%A4%A`).join("&") + "&%00=%00", contentType: urlencoded },
  ];
  return bodies;
}

/** A file where text is expected: multipart with every field a file. */
export function filesEverywhere(valid: Fields): FormData {
  const form = new FormData();
  for (const k of Object.keys(valid)) form.append(k, new File(["not text"], "x.bin", { type: "application/octet-stream" }));
  return form;
}
