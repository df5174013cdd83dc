import * as Plot from "@observablehq/plot";
import { FONT_SIZE, textWidth } from "./text-layout.ts";
import { INK } from "./palette.ts";

export interface LegendItem {
  text: string;
  symbol: Plot.SymbolType;
  fill?: string;
  stroke?: string;
}

const ROW = 18;
const SWATCH = 14;

/** A vertical stroke: the target tick's own shape, for the legend. */
export const TICK_SYMBOL = {
  draw(context: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }) {
    context.moveTo(0, -7);
    context.lineTo(0, 7);
  },
} as unknown as Plot.SymbolType;

/**
 * The legend as marks in the top margin (the shape and the words, never colour alone), laid
 * out in rows that fit the width. Returns the marks and the top margin they need.
 */
export function legendMarks(items: LegendItem[], width: number, marginLeft: number): { marks: Plot.Markish[]; marginTop: number } {
  const marks: Plot.Markish[] = [];
  let x = 4;
  let row = 0;
  const placed = items.map((item) => {
    const itemWidth = SWATCH + 6 + textWidth(item.text) + 18;
    if (x > 4 && x + itemWidth > width - 4) {
      x = 4;
      row += 1;
    }
    const at = { item, x, row };
    x += itemWidth;
    return at;
  });
  const marginTop = (row + 1) * ROW + 12;
  for (const { item, x: left, row: r } of placed) {
    const dy = 10 + r * ROW - marginTop;
    const dx = left - marginLeft;
    marks.push(
      Plot.dot([item.text], {
        frameAnchor: "top-left", dx: dx + SWATCH / 2, dy, symbol: item.symbol, r: 5,
        fill: item.fill ?? "none", stroke: item.stroke ?? item.fill ?? INK, strokeWidth: item.stroke ? 3 : 1,
      }),
      Plot.text([item.text], { frameAnchor: "top-left", dx: dx + SWATCH + 6, dy, text: (d: string) => d, textAnchor: "start", lineAnchor: "middle", fill: INK, fontSize: FONT_SIZE }),
    );
  }
  return { marks, marginTop };
}
