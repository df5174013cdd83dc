import { describe, expect, it } from "vitest";
import { DOMParser } from "linkedom";
import { renderChart, type ChartSpec } from "./render-chart.server.ts";
import { BAR, GRID, INK, SERIES_COLOURS } from "./palette.ts";
import { wrapText } from "./text-layout.ts";

const LONG = "Centre intégré de santé et de services sociaux de la Montérégie-Centre";

const bar = (over: Partial<ChartSpec> = {}): ChartSpec => ({
  kind: "bar",
  title: "Signalements par organisation",
  desc: "Nombre de signalements reçus en 2026, par organisation.",
  locale: "fr",
  suppressedMark: "x",
  points: [
    { label: LONG, value: 1234.5 },
    { label: "Service de police", value: 12 },
    { label: "Maison des jeunes", value: null },
  ],
  ...over,
});

function parse(svg: string) {
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement as unknown as Element;
  return { root, texts: Array.from(root.querySelectorAll("text"), (t) => t.textContent ?? "") };
}

/** Every tag closed in order, no raw "<" or bare "&" in text: the string is well-formed XML. */
function wellFormed(svg: string): boolean {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    if (svg[i] === "<") {
      tag.lastIndex = i;
      const m = tag.exec(svg);
      if (!m) return false;
      const [, close, name, , self] = m;
      if (close) {
        if (stack.pop() !== name) return false;
      } else if (!self) stack.push(name!);
      i = tag.lastIndex;
    } else if (svg[i] === "&") {
      if (!/^&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/i.test(svg.slice(i, i + 10))) return false;
      i += 1;
    } else i += 1;
  }
  return stack.length === 0;
}

function contrast(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

describe("a chart drawn on the server", () => {
  it("is a well-formed SVG image named by its title and described by its desc", () => {
    const svg = renderChart(bar());
    expect(wellFormed(svg)).toBe(true);
    const { root } = parse(svg);
    expect(root.tagName.toLowerCase()).toBe("svg");
    expect(root.getAttribute("role")).toBe("img");
    const title = root.querySelector("title")!;
    const desc = root.querySelector("desc")!;
    expect(title.textContent).toBe("Signalements par organisation");
    expect(desc.textContent).toBe("Nombre de signalements reçus en 2026, par organisation.");
    expect(root.getAttribute("aria-labelledby")).toBe(title.getAttribute("id"));
    expect(root.getAttribute("aria-describedby")).toBe(desc.getAttribute("id"));
  });

  it("carries no inline style, which the CSP would refuse", () => {
    for (const kind of ["bar", "line", "target"] as const) {
      const svg = renderChart(bar({ kind, points: [{ label: "2025", series: "Filles", value: 3, target: 5 }, { label: "2026", series: "Garçons", value: 4, target: 2 }] }));
      expect(svg).not.toContain("<style");
      expect(svg).not.toContain(" style=");
    }
  });

  it("escapes words from the data instead of running them", () => {
    const svg = renderChart(bar({ title: 'A "title" & <b>', points: [{ label: "<script>alert(1)</script>", value: 3 }] }));
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(parse(svg).texts.join(" ")).toContain("<script>alert(1)</script>");
    expect(wellFormed(svg)).toBe(true);
  });

  it("writes French figures with narrow no-break spaces, English ones with commas", () => {
    expect(parse(renderChart(bar())).texts).toContain("1\u202F234,5");
    expect(parse(renderChart(bar({ locale: "en" }))).texts).toContain("1,234.5");
    const percent = { unit: "percent" as const, points: [{ label: "A", value: 45 }] };
    expect(parse(renderChart(bar(percent))).texts).toContain("45\u202F%");
    expect(parse(renderChart(bar({ ...percent, locale: "en" }))).texts).toContain("45%");
  });

  it("keeps a suppressed category in its place, with the mark and no bar", () => {
    const { root, texts } = parse(renderChart(bar()));
    expect(texts.join("|")).toContain("Maison des jeunes");
    expect(texts).toContain("x");
    expect(root.querySelectorAll("rect")).toHaveLength(2);
  });

  it("never cuts a long organization name: every word shows, in wrapped lines", () => {
    const { root } = parse(renderChart(bar()));
    const label = Array.from(root.querySelectorAll("text")).find((t) => t.textContent?.includes("Centre intégré"))!;
    const lines = Array.from(label.querySelectorAll("tspan"), (t) => t.textContent);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(LONG);
    const narrow = wrapText("Organisme communautaire Anticonstitutionnellement", 10);
    expect(narrow.every((line) => line.length <= 10)).toBe(true);
    expect(narrow.join("")).toBe("OrganismecommunautaireAnticonstitutionnellement");
  });

  it("draws a target as a tick beside the bar, and names both in a legend", () => {
    const svg = renderChart(bar({ kind: "target", legend: { value: "Atteint", target: "Cible" }, points: [{ label: "A", value: 30, target: 50 }, { label: "B", value: null, target: 50 }] }));
    const { root, texts } = parse(svg);
    expect(root.querySelector('[aria-label="tick"]')?.querySelectorAll("line")).toHaveLength(1);
    expect(texts).toEqual(expect.arrayContaining(["Atteint", "Cible", "30", "x"]));
  });

  it("draws a trend per series with its own marker and a legend, a suppressed period as the mark", () => {
    const points = ["2024", "2025", "2026"].flatMap((label, i) => [
      { label, series: "Filles", value: i === 1 ? null : 10 + i },
      { label, series: "Garçons", value: 4 + i },
    ]);
    const { root, texts } = parse(renderChart(bar({ kind: "line", points })));
    expect(texts).toEqual(expect.arrayContaining(["Filles", "Garçons", "2024", "2025", "2026", "x"]));
    expect(root.querySelectorAll('[aria-label="line"] path').length).toBeGreaterThanOrEqual(2);
    expect(root.querySelectorAll('[aria-label="dot"] > *').length).toBe(2 + 5); // two legend markers, five values
  });

  it("says so in a sentence when nothing can be drawn", () => {
    for (const points of [[], [{ label: "A", value: null }], [{ label: "A", value: Number.NaN }]]) {
      const svg = renderChart(bar({ points, emptyText: "Aucune donnée à afficher" }));
      expect(wellFormed(svg)).toBe(true);
      expect(parse(svg).root.getAttribute("role")).toBe("img");
      expect(parse(svg).texts).toEqual(["Aucune donnée à afficher"]);
    }
  });

  it("gives the same string for the same spec, and ids from the caller's id or the spec", () => {
    expect(renderChart(bar())).toBe(renderChart(bar()));
    const a = parse(renderChart(bar())).root.querySelector("title")!.getAttribute("id");
    const b = parse(renderChart(bar({ title: "Autre" }))).root.querySelector("title")!.getAttribute("id");
    expect(a).not.toBe(b);
    expect(parse(renderChart(bar({ id: 'ind-3"><x' }))).root.querySelector("title")!.getAttribute("id")).toBe("chart-ind-3x-title");
  });

  it("draws odd input rather than failing: empty labels, negatives, huge numbers, odd sizes, many series", () => {
    const odd: Partial<ChartSpec>[] = [
      { points: [{ label: "", value: -5 }, { label: "", value: 1e15 }], width: Number.NaN, height: -1 },
      { kind: "target", points: [{ label: "A", value: 3, target: Number.POSITIVE_INFINITY }], width: 10 },
      { kind: "line", points: Array.from({ length: 80 }, (_, i) => ({ label: `Période ${i % 20}`, series: `Série ${i % 9}`, value: i % 7 ? i : null })) },
      { kind: "line", unit: "percent", points: [{ label: "Une seule période", value: 40 }], width: 5000 },
    ];
    for (const over of odd) expect(wellFormed(renderChart(bar(over)))).toBe(true);
  });

  it("uses colours a reader can see against white", () => {
    expect(contrast(INK)).toBeGreaterThanOrEqual(4.5);
    for (const colour of [BAR, GRID, ...SERIES_COLOURS]) expect(contrast(colour)).toBeGreaterThanOrEqual(3);
  });
});
