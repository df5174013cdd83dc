import { describe, expect, it } from "vitest";
import { secretBox } from "./secret-box.server.ts";

const KEY = "k".repeat(40);

describe("secret box", () => {
  it("round-trips and never shows the plaintext", () => {
    const box = secretBox(KEY, "test");
    const sealed = box.seal("JBSWY3DPEHPK3PXPJBSWY3DP", "account-1");
    expect(sealed).not.toContain("JBSWY3DP");
    expect(box.open(sealed, "account-1")).toBe("JBSWY3DPEHPK3PXPJBSWY3DP");
  });

  it("refuses another context, another purpose, another key, and tampering", () => {
    const sealed = secretBox(KEY, "test").seal("secret", "account-1");
    expect(secretBox(KEY, "test").open(sealed, "account-2")).toBeNull();
    expect(secretBox(KEY, "other").open(sealed, "account-1")).toBeNull();
    expect(secretBox("z".repeat(40), "test").open(sealed, "account-1")).toBeNull();
    const [iv, tag, data] = sealed.split(".");
    // Flip a character that carries full bits (not the last one), always to a different value.
    const target = data!.at(-2)!;
    const flipped = `${iv}.${tag}.${data!.slice(0, -2)}${target === "A" ? "B" : "A"}${data!.slice(-1)}`;
    expect(secretBox(KEY, "test").open(flipped, "account-1")).toBeNull();
    expect(secretBox(KEY, "test").open("garbage", "account-1")).toBeNull();
  });

  it("uses a fresh IV for every seal", () => {
    const box = secretBox(KEY, "test");
    expect(box.seal("same")).not.toBe(box.seal("same"));
  });

  it("requires a real key", () => {
    expect(() => secretBox(undefined, "test")).toThrow(/FILET_SECRET_KEY/);
  });
});
