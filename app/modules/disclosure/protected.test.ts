import { describe, expect, it } from "vitest";
import { exactGrid, protectCount, protectRate, protectStatistic, suppressed, value } from "./protected.ts";

const percent = (n: number, d: number) => Math.round((100 * n) / d);

describe("protectCount", () => {
  it("hides 1 … threshold−1 and shows zero and larger counts", () => {
    expect([0, 1, 4, 5, 12].map((v) => protectCount(v, 5))).toEqual([
      value(0),
      suppressed("primary"),
      suppressed("primary"),
      value(5),
      value(12),
    ]);
  });
  it("with threshold 1 hides nothing; a broken threshold falls back to 5", () => {
    expect(protectCount(1, 1)).toEqual(value(1));
    expect(protectCount(4, Number.NaN)).toEqual(suppressed("primary"));
    expect(protectCount(1, 0)).toEqual(value(1));
  });
});

describe("protectRate", () => {
  it("computes the rate when both figures are shown and the denominator reaches the threshold", () => {
    expect(protectRate(value(3), value(12), percent, 5)).toEqual(value(25));
    expect(protectRate(value(0), value(5), percent, 5)).toEqual(value(0));
  });
  it("hides the rate when the denominator is small, even with a shown numerator", () => {
    expect(protectRate(value(2), value(4), percent, 5)).toEqual(suppressed("primary"));
  });
  it("never divides by a zero denominator", () => {
    expect(protectRate(value(0), value(0), percent, 5)).toEqual(suppressed("primary"));
    expect(protectRate(value(0), value(0), percent, 1)).toEqual(suppressed("primary"));
  });
  it("hides the rate when either figure is suppressed, keeping why", () => {
    expect(protectRate(suppressed("primary"), value(40), percent, 5)).toEqual(suppressed("primary"));
    expect(protectRate(value(3), suppressed("complementary"), percent, 5)).toEqual(suppressed("complementary"));
  });
  it("hides a rate the computation cannot give", () => {
    expect(protectRate(value(3), value(10), () => Number.NaN, 5)).toEqual(suppressed("primary"));
  });
});

describe("protectStatistic", () => {
  it("shows a median over enough observations and hides it over fewer", () => {
    expect(protectStatistic(14.5, 5, 5)).toEqual(value(14.5));
    expect(protectStatistic(14.5, 4, 5)).toEqual(suppressed("primary"));
    expect(protectStatistic(3, 1, 5)).toEqual(suppressed("primary"));
    expect(protectStatistic(3, 1, 1)).toEqual(value(3));
  });
  it("has nothing to show without observations", () => {
    expect(protectStatistic(null, 0, 5)).toEqual(suppressed("primary"));
  });
});

describe("exactGrid", () => {
  it("gives every figure as a value, totals included, in the protected shape", () => {
    const grid = {
      rows: ["a", "b"],
      cols: ["x", "y"],
      cells: [
        [1, 2],
        [0, 7],
      ],
      rowTotals: true,
      colTotals: true,
    };
    expect(exactGrid(grid)).toEqual({
      cells: [
        [value(1), value(2)],
        [value(0), value(7)],
      ],
      rowTotals: [value(3), value(7)],
      colTotals: [value(1), value(9)],
      grandTotal: value(10),
      suppressedCount: 0,
    });
  });
  it("publishes no totals when the table has none", () => {
    const exact = exactGrid({ rows: ["a"], cols: ["x"], cells: [[3]], rowTotals: false, colTotals: false });
    expect([exact.rowTotals, exact.colTotals, exact.grandTotal]).toEqual([null, null, null]);
  });
});
