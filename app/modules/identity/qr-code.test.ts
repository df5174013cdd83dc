import { describe, expect, it } from "vitest";
import { encode } from "uqr";
import { qrCodeDataUrl } from "./qr-code.ts";

const uri = "otpauth://totp/Filet:formateur.pipq%40filet.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&period=30&digits=6&algorithm=SHA1&issuer=Filet";

/** The dark modules the path draws, read back from its runs. */
function modulesOf(dataUrl: string): { size: number; dark: Set<string> } {
  const svg = decodeURIComponent(dataUrl.replace(/^data:image\/svg\+xml,/, ""));
  const size = Number(svg.match(/viewBox='0 0 (\d+) \1'/)![1]);
  const dark = new Set<string>();
  for (const [, x, y, n] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1H\1z/g)) for (let i = 0; i < Number(n); i++) dark.add(`${Number(x) + i},${y}`);
  return { size, dark };
}

describe("the set-up page's QR code", () => {
  it("draws exactly the dark modules of the code, border included", () => {
    const { size, data } = encode(uri, { border: 2 });
    const drawn = modulesOf(qrCodeDataUrl(uri));
    expect(drawn.size).toBe(size);
    const expected = new Set<string>();
    data.forEach((row, y) => row.forEach((on, x) => on && expected.add(`${x},${y}`)));
    expect(drawn.dark).toEqual(expected);
  });

  it("is a small text data URL that an img element can show", () => {
    const url = qrCodeDataUrl(uri);
    expect(url.startsWith("data:image/svg+xml,")).toBe(true);
    expect(url).not.toMatch(/[<>#"]/);
    expect(url.length).toBeLessThan(9_000);
  });
});
