import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { ChartFigure } from "./chart-figure.tsx";
import { renderChart } from "../modules/charts/render-chart.server.ts";

describe("a chart with its table", () => {
  it("puts the caption, the SVG, then the table in one figure, with no markup from the data", () => {
    const svg = renderChart({
      kind: "bar", title: "Par organisation", desc: "Nombre", locale: "fr", suppressedMark: "x",
      points: [{ label: '<img src=x onerror="alert(1)">', value: 2 }],
    });
    const html = renderToStaticMarkup(
      <ChartFigure svg={svg} title="Par organisation" desc="Nombre de signalements">
        <table><caption>Données</caption></table>
      </ChartFigure>,
    );
    expect(html.startsWith('<figure class="chart-figure"><figcaption>Par organisation<span class="chart-desc">Nombre de signalements</span></figcaption><div class="chart-svg"><svg')).toBe(true);
    expect(html.indexOf("</svg>")).toBeLessThan(html.indexOf("<table>"));
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=\"alert(1)\"&gt;");
  });
});
