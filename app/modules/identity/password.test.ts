import { describe, expect, it } from "vitest";
import { checkPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server.ts";

describe("password policy", () => {
  it("asks for 12 characters and nothing else", () => {
    expect(checkPasswordPolicy("short pass")).toBe("identity.password.tooShort");
    expect(checkPasswordPolicy("aaaaaaaaaaa")).toBe("identity.password.tooShort");
    // No composition rule: lower-case words alone are fine when long enough.
    expect(checkPasswordPolicy("trois chats dorment")).toBeNull();
    // Counted in characters, not bytes.
    expect(checkPasswordPolicy("éééééééééééé")).toBeNull();
  });

  it("refuses passwords from the common-password list, whatever their case", () => {
    expect(checkPasswordPolicy("123qweasdzxc")).toBe("identity.password.common");
    expect(checkPasswordPolicy("QWERTY123456")).toBe("identity.password.common");
  });

  it("refuses the email address or its local part", () => {
    expect(checkPasswordPolicy("marie.tremblay@cjq.qc.ca", { email: "Marie.Tremblay@cjq.qc.ca" })).toBe("identity.password.likeEmail");
    expect(checkPasswordPolicy("MARIE.TREMBLAY", { email: "marie.tremblay@cjq.qc.ca" })).toBe("identity.password.likeEmail");
    expect(checkPasswordPolicy("marie.tremblay!", { email: "marie.tremblay@cjq.qc.ca" })).toBeNull();
  });

  it("refuses absurdly long passwords", () => {
    expect(checkPasswordPolicy("x".repeat(257))).toBe("identity.password.tooLong");
  });

  it("hashes with argon2id and verifies", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "wrong horse battery staple")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});
