import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { RichText } from "../../app/components/rich-text.tsx";
import { parseRichText, safeHref } from "../../app/modules/rich-text/parse-rich-text.ts";
import { defaultPathwayContent } from "../../app/modules/pathway/default-content.ts";
import { diffLines } from "../../app/modules/pathway/diff-lines.ts";
import { pathwayTextKeys } from "../../app/modules/pathway/steps.ts";
import { findIdentifyingDetails } from "../../app/modules/consultations/pii/find-identifying-details.ts";
import { demoActivities } from "../../app/modules/demo/seed-activities.server.ts";

const html = (source: string, tableLabel?: string) => renderToStaticMarkup(createElement(RichText, { source, tableLabel }));

describe("the pathway's Markdown subset", () => {
  it("renders paragraphs, bold, italic, lists, headings and tables with headers", () => {
    const out = html("Intro **important** et *nuance*.\n\n### Comment\n\n- un\n- deux\n\n| À qui | Quoi |\n| --- | --- |\n| DPJ | Tout |", "Partage");
    expect(out).toContain("<p>Intro <strong>important</strong> et <em>nuance</em>.</p>");
    expect(out).toContain("<h4>Comment</h4>");
    expect(out).toContain("<ul><li>un</li><li>deux</li></ul>");
    expect(out).toContain('<table aria-label="Partage">');
    expect(out).toContain('<th scope="col">À qui</th>');
    expect(out).toContain('<th scope="row">DPJ</th><td>Tout</td>');
  });

  it("never lets HTML or script through, and keeps only http(s), tel and mailto links", () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)> [clic](javascript:alert(1)) [site](https://www.cybertip.ca) [appel](tel:911) [mail](mailto:a@b.test) [rel](/admin)');
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;");
    expect(out).not.toContain("javascript:");
    expect(out).toContain('<a href="https://www.cybertip.ca/" rel="noopener noreferrer">site</a>');
    expect(out).toContain('<a href="tel:911">appel</a>');
    expect(out).toContain('<a href="mailto:a@b.test">mail</a>');
    expect(out).not.toContain('href="/admin"');
    expect(safeHref("JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,hi")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
  });

  it("renders every default text in both languages without losing a word to the parser", () => {
    for (const language of ["fr", "en"] as const) {
      for (const key of pathwayTextKeys) {
        const source = defaultPathwayContent[language][key]!;
        expect(source.length).toBeGreaterThan(40);
        expect(parseRichText(source).length).toBeGreaterThan(0);
      }
    }
    expect(html(defaultPathwayContent.fr.duty!)).toContain('href="https://www.cyberaide.ca/"');
    expect(html(defaultPathwayContent.en.duty!)).toContain('href="https://www.cybertip.ca/"');
    expect(html(defaultPathwayContent.fr.sharing!, "x")).toContain("<table");
  });
});

describe("line diff", () => {
  it("marks removed and added lines and keeps common ones", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
    expect(diffLines("", "x")).toEqual([{ kind: "added", text: "x" }]);
  });
});

describe("demo activities", () => {
  it("carry no identifying detail (they would be refused by the guard)", () => {
    for (const activity of demoActivities) {
      expect(findIdentifyingDetails(activity.notes), activity.notes).toEqual([]);
      expect(findIdentifyingDetails(activity.audience ?? ""), activity.audience).toEqual([]);
    }
  });
});
