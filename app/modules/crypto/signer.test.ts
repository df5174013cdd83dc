import { describe, expect, it } from "vitest";
import { signer } from "./signer.server.ts";

const KEY = "k".repeat(40);

describe("signer", () => {
  it("verifies its own signatures only, for the value and purpose signed", () => {
    const s = signer(KEY, "test");
    const signature = s.sign("account-1.nonce");
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.verify("account-1.nonce", signature)).toBe(true);
    expect(s.verify("account-2.nonce", signature)).toBe(false);
    expect(signer(KEY, "other").verify("account-1.nonce", signature)).toBe(false);
    expect(signer("z".repeat(40), "test").verify("account-1.nonce", signature)).toBe(false);
    expect(s.verify("account-1.nonce", "")).toBe(false);
    expect(s.verify("account-1.nonce", `${signature}x`)).toBe(false);
  });

  it("refuses a missing or short installation key", () => {
    expect(() => signer(undefined, "test")).toThrow(/FILET_SECRET_KEY/);
    expect(() => signer("short", "test")).toThrow(/FILET_SECRET_KEY/);
  });
});
