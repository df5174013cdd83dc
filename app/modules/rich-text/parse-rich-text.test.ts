import { describe, expect, it } from "vitest";
import { parseInline, parseRichText, safeHref } from "./parse-rich-text.ts";

describe("parseRichText", () => {
  it("reads headings, paragraphs with line breaks, lists and tables", () => {
    const blocks = parseRichText("## Titre\n\nUne ligne\net une autre\n\n- un\n- deux\n\n1. premier\n\n| Qui | Quoi |\n| --- | --- |\n| A | B |");
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list", "list", "table"]);
    expect(blocks[0]).toEqual({ kind: "heading", depth: 1, children: [{ kind: "text", text: "Titre" }] });
    expect(blocks[1]).toEqual({ kind: "paragraph", children: [{ kind: "text", text: "Une ligne" }, { kind: "break" }, { kind: "text", text: "et une autre" }] });
    expect(blocks[2]).toMatchObject({ kind: "list", ordered: false, items: [[{ text: "un" }], [{ text: "deux" }]] });
    expect(blocks[3]).toMatchObject({ kind: "list", ordered: true });
    expect(blocks[4]).toMatchObject({ kind: "table", header: [[{ text: "Qui" }], [{ text: "Quoi" }]], rows: [[[{ text: "A" }], [{ text: "B" }]]] });
  });

  it("nests bold and italic, keeps safe links and turns unsafe ones into text", () => {
    expect(parseInline("**gras [lien *ici*](https://filet.test)** et *italique*")).toEqual([
      { kind: "strong", children: [{ kind: "text", text: "gras " }, { kind: "link", href: "https://filet.test/", children: [{ kind: "text", text: "lien " }, { kind: "em", children: [{ kind: "text", text: "ici" }] }] }] },
      { kind: "text", text: " et " },
      { kind: "em", children: [{ kind: "text", text: "italique" }] },
    ]);
    expect(parseInline("avant [x](javascript:void) après")).toEqual([
      { kind: "text", text: "avant " },
      { kind: "text", text: "x" },
      { kind: "text", text: " après" },
    ]);
  });

  it("accepts http(s), tel and mailto targets only", () => {
    expect(safeHref("tel:+15145550000")).toBe("tel:+15145550000");
    expect(safeHref("mailto:a@b.test")).toBe("mailto:a@b.test");
    expect(safeHref("https://filet.test/a b")).toBe("https://filet.test/a%20b");
    expect(safeHref("/relative")).toBeNull();
    expect(safeHref("http://")).toBeNull();
    expect(safeHref("vbscript:x")).toBeNull();
  });
});
