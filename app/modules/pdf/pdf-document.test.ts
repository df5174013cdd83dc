import { describe, expect, it } from "vitest";
import { pdfText } from "../../../tests/support/pdf-text.ts";
import { startPdfDocument } from "./pdf-document.server.ts";

describe("startPdfDocument", () => {
  it("draws French punctuation's narrow no-break space (not in WinAnsi) as a no-break space", async () => {
    const { doc, finish } = startPdfDocument({ title: "Essai" });
    doc.font("Helvetica").text("Merci\u202f! Code\u00a0: AB").text("Suite\u202f;", { indent: 12 });
    const text = pdfText(await finish());
    expect(text).toContain("Merci\u00a0! Code\u00a0: AB");
    expect(text).toContain("Suite\u00a0;");
    expect(text).not.toContain(" /");
  });
});
