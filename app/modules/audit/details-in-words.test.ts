import { describe, expect, it } from "vitest";
import { detailsInWords } from "./describe-audit-events.server.ts";

describe("audit details in words", () => {
  it("names the keys, reads days and yes/no as people do, and leaves ids out", () => {
    const details = { kind: "end", endsOn: "2026-10-19", device: false, recipients: 2, personId: "7d1f4a52-2c6e-4a8e-9d8e-1c2b3a4d5e6f" };
    expect(detailsInWords(details, "fr")).toEqual(["sorte\u00a0: end", "fin\u00a0: 19 oct. 2026", "appareil reconnu\u00a0: non", "destinataires\u00a0: 2"]);
    expect(detailsInWords(details, "en")).toEqual(["kind: end", "ends: Oct 19, 2026", "known device: no", "recipients: 2"]);
  });

  it("keeps a key the vocabulary does not know as written, and an instant as its Québec day", () => {
    expect(detailsInWords({ sealedWith: "v2", at: "2026-12-03T03:30:00.000Z" }, "fr")).toEqual(["sealedWith\u00a0: v2", "at\u00a0: 2 déc. 2026"]);
  });
});
