import { createHash } from "node:crypto";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { ChartSpec } from "./chart-spec.ts";
import { barPlot } from "./bar-chart.server.ts";
import { linePlot } from "./line-chart.server.ts";
import { clamp, FONT_SIZE } from "./text-layout.ts";
import { INK } from "./palette.ts";

export type { ChartSpec, ChartKind, ChartPoint } from "./chart-spec.ts";

const DEFAULT_WIDTH = 640;

/**
 * A chart as an SVG string, drawn on the server so the page needs no script and prints: role img,
 * its <title> and <desc>, no inline style (the CSP allows none; app.css styles `.chart`), and the
 * same string for the same spec. Text from data goes in as DOM text, so the serializer escapes it.
 */
export function renderChart(spec: ChartSpec): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const width = clamp(spec.width ?? DEFAULT_WIDTH, 240, 2000);
  const points = spec.points.map((p) => ({ ...p, value: finite(p.value), target: finite(p.target) }));
  const drawable = points.some((p) => p.value !== null);
  const options: Plot.PlotOptions = drawable
    ? spec.kind === "line"
      ? linePlot({ ...spec, points }, width)
      : barPlot({ ...spec, points }, width)
    : emptyPlot(spec, width);
  const svg = Plot.plot({ ...options, document, width, className: "chart" }) as unknown as Element;
  return finish(document, svg, spec);
}

function emptyPlot(spec: ChartSpec, width: number): Plot.PlotOptions {
  return {
    height: clamp(spec.height ?? 80, 60, 2000),
    margin: 0,
    axis: null,
    marks: [Plot.text([spec.emptyText ?? ""], { frameAnchor: "middle", fontSize: FONT_SIZE + 2, fill: INK, lineWidth: Math.floor(width / 9) })],
  };
}

function finish(document: Document, svg: Element, spec: ChartSpec): string {
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  for (const styled of [svg, ...Array.from(svg.querySelectorAll("[style]"))]) styled.removeAttribute("style");
  const base = idBase(spec);
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.setAttribute("id", `${base}-title`);
  title.textContent = spec.title;
  const desc = document.createElementNS("http://www.w3.org/2000/svg", "desc");
  desc.setAttribute("id", `${base}-desc`);
  desc.textContent = spec.desc;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, desc);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${base}-title`);
  svg.setAttribute("aria-describedby", `${base}-desc`);
  svg.setAttribute("class", `chart chart-${spec.kind}`);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("font-size", String(FONT_SIZE));
  return svg.outerHTML;
}

/** Ids must be unique on a page with several charts and never random (the output is tested). */
function idBase(spec: ChartSpec): string {
  const given = spec.id?.replace(/[^A-Za-z0-9_-]/g, "");
  if (given) return `chart-${given}`;
  return `chart-${createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 12)}`;
}

function finite(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
