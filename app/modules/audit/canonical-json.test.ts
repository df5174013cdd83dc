import { describe, expect, it } from "vitest";
import { canonicalJson, normalizeColumnText, normalizeDetails, normalizeJson, normalizeText } from "./canonical-json.ts";

describe("normalizeText", () => {
  it("replaces NUL and lone surrogates by U+FFFD and keeps everything else", () => {
    expect(normalizeText("a\u0000b")).toBe("a\uFFFDb");
    expect(normalizeText("x\uD800y")).toBe("x\uFFFDy");
    expect(normalizeText("\uDC00")).toBe("\uFFFD");
    expect(normalizeText("\uDBFF")).toBe("\uFFFD");
    expect(normalizeText("\uDC00\uD800")).toBe("\uFFFD\uFFFD");
    expect(normalizeText("😀 é \u2028 \u0001 \uFFFD")).toBe("😀 é \u2028 \u0001 \uFFFD");
    expect(normalizeText("\uD83D\uDE00\uD83D")).toBe("😀\uFFFD");
  });
});

describe("normalizeColumnText", () => {
  it("also turns a leading byte-order mark (dropped when a driver decodes the column) into U+FFFD", () => {
    expect(normalizeColumnText("\uFEFF\uFEFFa\u0000")).toBe("\uFFFD\uFEFFa\uFFFD");
    expect(normalizeColumnText("a\uFEFF")).toBe("a\uFEFF");
    expect(normalizeText("\uFEFFa")).toBe("\uFEFFa");
  });
});

describe("normalizeJson", () => {
  it("drops undefined, functions and symbols in objects; nulls them in arrays", () => {
    expect(normalizeJson({ a: undefined, b: () => 1, c: Symbol("s"), d: 1 })).toEqual({ d: 1 });
    expect(Object.keys(normalizeJson({ a: undefined }) as object)).toEqual([]);
    // eslint-disable-next-line no-sparse-arrays
    expect(normalizeJson([undefined, () => 1, Symbol("s"), , 2])).toEqual([null, null, null, null, 2]);
  });

  it("normalizes numbers: non-finite to null, -0 to 0, bigint to its decimal string", () => {
    expect(normalizeJson([NaN, Infinity, -Infinity, -0, 2 ** 60, 1e300, 5e-324])).toEqual([null, null, null, 0, 2 ** 60, 1e300, 5e-324]);
    expect(Object.is((normalizeJson([-0]) as number[])[0], 0)).toBe(true);
    expect(normalizeJson({ n: 2n ** 70n, m: -5n, w: Object(3n) })).toEqual({ n: "1180591620717411303424", m: "-5", w: "3" });
  });

  it("applies toJSON (Date to ISO, invalid Date to null) and unwraps primitive wrappers", () => {
    const date = new Date("2026-03-04T05:06:07.089Z");
    expect(normalizeJson({ date, bad: new Date(NaN) })).toEqual({ date: "2026-03-04T05:06:07.089Z", bad: null });
    expect(normalizeJson([new Number(1), new String("s\u0000"), new Boolean(false)])).toEqual([1, "s\uFFFD", false]);
    expect(normalizeJson({ custom: { toJSON: () => ({ z: 1, a: undefined }) } })).toEqual({ custom: { z: 1 } });
  });

  it("normalizes keys, keeps '' and __proto__ as plain keys, and resolves collisions deterministically", () => {
    const input = JSON.parse('{"__proto__": {"x": 1}, "": 2, "b\\u0000": 3}') as Record<string, unknown>;
    const out = normalizeJson(input) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["", "__proto__", "b\uFFFD"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(canonicalJson(normalizeJson(input))).toBe('{"":2,"__proto__":{"x":1},"b\uFFFD":3}');
    // "\uD800" and "\uDC00" both become "\uFFFD": the original key sorting first wins, in any order.
    const one = normalizeJson({ "\uDC00": "low", "\uD800": "high" });
    const two = normalizeJson({ "\uD800": "high", "\uDC00": "low" });
    expect(one).toEqual({ "\uFFFD": "high" });
    expect(two).toEqual(one);
  });

  it("throws on a cycle but accepts a shared reference", () => {
    const shared = { a: 1 };
    expect(normalizeJson({ x: shared, y: [shared] })).toEqual({ x: { a: 1 }, y: [{ a: 1 }] });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => normalizeJson(cyclic)).toThrow(/cycle/);
  });

  it("is idempotent and survives a JSON round trip unchanged", () => {
    const value = normalizeJson({ b: [1, { d: undefined, c: "\uD800" }], a: new Date(0), n: -0, big: 10n });
    expect(normalizeJson(value)).toEqual(value);
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });
});

describe("normalizeDetails", () => {
  it("always gives a plain object", () => {
    expect(normalizeDetails(undefined)).toEqual({});
    expect(normalizeDetails(null)).toEqual({});
    expect(normalizeDetails({ a: 1 })).toEqual({ a: 1 });
    expect(normalizeDetails([1, 2] as unknown as Record<string, unknown>)).toEqual({ value: [1, 2] });
    expect(normalizeDetails({ toJSON: () => "s" } as unknown as Record<string, unknown>)).toEqual({ value: "s" });
  });
});

describe("canonicalJson (RFC 8785)", () => {
  it("sorts keys by UTF-16 code units at every depth, without whitespace", () => {
    // By code unit "😀" (\uD83D\uDE00) sorts before "～" (U+FF5E), though its code point U+1F600 is higher.
    const value = { b: 1, a: { z: [3, { y: 1, x: 2 }], "": null }, é: true, "\uFF5E": 1, "😀": 2, B: 0, "10": 1, "9": 2 };
    expect(canonicalJson(value)).toBe('{"10":1,"9":2,"B":0,"a":{"":null,"z":[3,{"x":2,"y":1}]},"b":1,"é":true,"😀":2,"～":1}');
  });

  it("writes numbers and strings as ECMAScript does", () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, 2 ** 60, -0, 5e-324, 1e300])).toBe("[1e+21,1e-7,0.1,1152921504606847000,0,5e-324,1e+300]");
    expect(canonicalJson('"\\\n\u0001\u2028é😀')).toBe('"\\"\\\\\\n\\u0001\u2028é😀"');
  });

  it("refuses what JSON cannot hold", () => {
    expect(() => canonicalJson(NaN)).toThrow();
    expect(() => canonicalJson(undefined as never)).toThrow();
    expect(() => canonicalJson({ a: 1n } as never)).toThrow();
  });
});
