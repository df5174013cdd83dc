import type { ReactNode } from "react";

/**
 * A chart drawn on the server (`renderChart`) and its data table right after it, under one
 * caption. The SVG goes in as markup because it is ours: the renderer put every word from the
 * data in as DOM text, which the serializer escapes (`render-chart.test.ts`, `chart-figure.test.tsx`).
 */
export function ChartFigure({ svg, src, title, desc, children }: { svg?: string; src?: string; title: string; desc?: string; children?: ReactNode }) {
  return (
    <figure className="chart-figure">
      <figcaption>
        {title}
        {desc ? <span className="chart-desc">{desc}</span> : null}
      </figcaption>
      {/* A chart as an image of its own (src) keeps its drawing out of the page's data; the table after it holds the figures. */}
      {src ? <img className="chart-svg" src={src} alt={title} /> : <div className="chart-svg" dangerouslySetInnerHTML={{ __html: svg ?? "" }} />}
      {children}
    </figure>
  );
}
