/**
 * The canonical form of what the audit journal hashes (hash scheme 2; see
 * docs/decisions/004-audit-design.md, "Hash schemes").
 *
 * Two steps, kept apart on purpose:
 *
 * 1. `normalizeJson` / `normalizeDetails` / `normalizeText` turn whatever a caller hands in
 *    into a value that PostgreSQL and PGlite store and give back **unchanged** (text and
 *    jsonb columns, read back through JSON.parse). The writer stores the normalized value and
 *    hashes that same value, so nothing a request sends can make the stored row differ from
 *    the hashed one:
 *    - strings: NUL (U+0000, refused by jsonb and by text) and lone surrogates (refused by
 *      jsonb, silently turned into U+FFFD by the drivers' UTF-8 encoding for text) both
 *      become U+FFFD. Applies to object keys too. For text columns, a leading U+FEFF too
 *      (`normalizeColumnText`);
 *    - numbers: NaN and ±Infinity become null (as JSON.stringify does), -0 becomes 0. A JS
 *      number is a double, and jsonb keeps the shortest decimal JSON.stringify writes, which
 *      reads back as the same double: 2**60 or 1e300 round-trip. A bigint, which neither
 *      JSON nor a double can carry exactly, becomes its decimal string;
 *    - objects with `toJSON` (Date → ISO string, invalid Date → null) are replaced by its
 *      result; Number/String/Boolean/BigInt wrappers by their primitive;
 *    - in objects, keys whose value is undefined, a function or a symbol are dropped; in
 *      arrays such values (and holes) become null — both as JSON.stringify does. Symbol keys
 *      and non-enumerable properties are ignored;
 *    - if two keys become equal once normalized (two different lone surrogates), the value of
 *      the original key that sorts first (UTF-16 code units) is kept;
 *    - a cycle is a programming error: it throws, as JSON.stringify does.
 *
 * 2. `canonicalJson` serializes a normalized value as RFC 8785 (JSON Canonicalization
 *    Scheme) does: no whitespace, object keys sorted by their UTF-16 code units (plain `<`
 *    on JS strings — not by code point, not by locale), strings and numbers written as
 *    ECMAScript's JSON.stringify writes them. It refuses anything that is not JSON
 *    (undefined, bigint, non-finite numbers, functions), so a value that skipped
 *    normalization fails loudly instead of hashing differently from what is stored.
 *
 * Plain code: no database, no Node API.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const REPLACEMENT = "\uFFFD";
// NUL, a high surrogate not followed by a low one, a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A string PostgreSQL stores as is in text and jsonb: NUL and lone surrogates become U+FFFD. */
export function normalizeText(value: string): string {
  return value.replace(UNSTORABLE, REPLACEMENT);
}

/**
 * A string for a text column: `normalizeText`, and a leading U+FEFF becomes U+FFFD, since a
 * driver decoding the column (PGlite's TextDecoder) drops a byte-order mark at the start of a
 * value. (Not needed inside jsonb: a stored details value always starts with "{".)
 */
export function normalizeColumnText(value: string): string {
  const text = normalizeText(value);
  return text.startsWith("\uFEFF") ? `${REPLACEMENT}${text.slice(1)}` : text;
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sets an own, enumerable property, even for "__proto__" (a plain `out[key] =` would not). */
function define(target: object, key: string, value: JsonValue) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const DROPPED = Symbol("dropped");

function normalizeAny(value: unknown, key: string, ancestors: Set<object>): JsonValue | typeof DROPPED {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  if (value instanceof Number) value = Number(value);
  else if (value instanceof String) value = String(value);
  else if (value instanceof Boolean) value = value.valueOf();
  else if (typeof BigInt === "function" && value instanceof BigInt) value = value.valueOf();

  switch (typeof value) {
    case "undefined":
    case "function":
    case "symbol":
      return DROPPED;
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) return null;
      return Object.is(value, -0) ? 0 : value;
    case "bigint":
      return value.toString();
    case "string":
      return normalizeText(value);
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.has(object)) throw new TypeError("Audit details contain a cycle");
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      const out: JsonValue[] = [];
      for (let i = 0; i < object.length; i++) {
        const item = normalizeAny(object[i], String(i), ancestors);
        out.push(item === DROPPED ? null : item);
      }
      return out;
    }
    const entries: [normalized: string, original: string, value: JsonValue][] = [];
    for (const original of Object.keys(object)) {
      const item = normalizeAny((object as Record<string, unknown>)[original], original, ancestors);
      if (item !== DROPPED) entries.push([normalizeText(original), original, item]);
    }
    entries.sort(([a, oa], [b, ob]) => codeUnitOrder(a, b) || codeUnitOrder(oa, ob));
    const out: JsonObject = {};
    for (const [k, , v] of entries) if (!Object.prototype.hasOwnProperty.call(out, k)) define(out, k, v);
    return out;
  } finally {
    ancestors.delete(object);
  }
}

/** Any JS value → the JSON value that is stored and read back unchanged (null if nothing is left). */
export function normalizeJson(value: unknown): JsonValue {
  const out = normalizeAny(value, "", new Set());
  return out === DROPPED ? null : out;
}

/** The details of an audit event, normalized: always a plain JSON object. */
export function normalizeDetails(details: Record<string, unknown> | undefined | null): JsonObject {
  if (details === undefined || details === null) return {};
  const out = normalizeJson(details);
  if (out !== null && typeof out === "object" && !Array.isArray(out)) return out;
  // Not an object after all (an array, or a toJSON returning a scalar): kept, under one key.
  return { value: out };
}

/** RFC 8785 serialization of a normalized JSON value; throws on anything JSON cannot hold. */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`Not a JSON number: ${value}`);
      return JSON.stringify(value);
    case "string":
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new TypeError(`Not a JSON value: ${typeof value}`);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort(codeUnitOrder);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as JsonObject)[k] as JsonValue)}`).join(",")}}`;
}
