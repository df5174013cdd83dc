import { describe, expect, it } from "vitest";
import { MASK, maskSecretLinks } from "./secret-links.ts";

const TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCde";

describe("secret links", () => {
  it("masks the token of reset, invitation and confirmation links, and counts them", () => {
    const text = [
      `Réinitialisez : http://localhost:3000/password/reset/${TOKEN}`,
      `Invitation : https://filet.example.org/invitation/${TOKEN}.`,
      `Confirmez (https://filet.example.org/signup/confirm/${TOKEN})`,
      `Query: https://x.example/reset?token=${TOKEN}&lang=fr`,
    ].join("\n");
    const out = maskSecretLinks(text);
    expect(out.count).toBe(4);
    expect(out.text).not.toContain(TOKEN);
    expect(out.text).toContain(`http://localhost:3000/password/reset/${MASK}`);
    expect(out.text).toContain(`https://filet.example.org/invitation/${MASK}.`);
    expect(out.text).toContain(`?token=${MASK}&lang=fr`);
  });

  it("leaves ordinary links and text alone", () => {
    const text = `Voir https://filet.example.org/meetings/3f1c2d9e-8a7b-4c6d-9e0f-112233445566 et ${TOKEN} hors lien.`;
    expect(maskSecretLinks(text)).toEqual({ text, count: 0 });
  });
});
