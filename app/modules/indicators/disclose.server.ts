import { exactGrid, protectCount, protectGrid, protectRate, protectStatistic, type CountGrid, type Protected, type ProtectedGrid } from "../disclosure/protect-grid.ts";
import type { ProtectedLinked } from "../disclosure/linked-tables.ts";
import type { Group, RawFigures } from "./figures.ts";

/**
 * Disclosure control at the data layer: the one way figures leave for a page, a chart or an
 * export. Outside, a suppressed figure is one mark whatever the reason — telling primary from
 * complementary suppression would point at the small counts.
 */
/** `empty`: nothing to compute (a rate over 0, a median of nothing), shown as a dash. */
export type Figure = { value: number } | { suppressed: true } | { empty: true };

export interface FigureRow {
  key: string;
  name?: { fr: string; en: string };
  /** One per category (count with categories, then the row's total last), else one. */
  cells: Figure[];
  /** Ratios: the counts the rate comes from. */
  numerator?: Figure;
  denominator?: Figure;
  /** Medians: how many observations (protected like a count). */
  observations?: Figure;
}

export interface DisclosedFigures {
  shape: RawFigures["shape"];
  categories: readonly string[] | null;
  rows: FigureRow[];
  /** The whole Table; null when the only row already is the whole Table. */
  total: FigureRow | null;
  /** Exact figures (the Table coordinator in the app) or protected ones (everyone else, every export). */
  exact: boolean;
  suppressed: number;
}

export interface Viewer {
  exact: boolean;
  threshold: number;
}

/**
 * The figures of every breakdown of one indicator, protected together (linked tables): a row's
 * figure is looked up by the units (organizations) it adds up, so each breakdown shows the one
 * pattern. Without it, each table is protected alone (a single breakdown, nothing to link).
 */
export interface LinkedSource {
  /** The units behind a row key of the breakdown shown ("all" and "total": every unit). */
  members(key: string): readonly number[];
  series: Partial<Record<Series, ProtectedLinked>>;
}
type Series = "count" | "numerator" | "denominator" | "observations";

function linkedGrid(g: CountGrid, source: LinkedSource, table: ProtectedLinked): ProtectedGrid {
  const every = source.members("total");
  const cols = g.cols.map((_, j) => j);
  const cells = g.rows.map((key) => cols.map((j) => table.figure(source.members(key), j)));
  const rowTotals = g.rowTotals ? g.rows.map((key) => table.figure(source.members(key), "total")) : null;
  const colTotals = g.colTotals ? cols.map((j) => table.figure(every, j)) : null;
  const grandTotal = g.rowTotals || g.colTotals ? table.figure(every, "total") : null;
  const all = [...cells.flat(), ...(rowTotals ?? []), ...(colTotals ?? []), ...(grandTotal ? [grandTotal] : [])];
  return { cells, rowTotals, colTotals, grandTotal, suppressedCount: all.filter((p) => p.kind === "suppressed").length };
}

const out = (p: Protected): Figure => (p.kind === "value" ? { value: p.value } : { suppressed: true });
const percent = (n: number, d: number) => (d === 0 ? 0 : (n / d) * 100);
const isWholeTable = (groups: readonly Group[]) => groups.length === 1 && groups[0]?.key === "all";

export async function discloseFigures(raw: RawFigures, viewer: Viewer, linked?: LinkedSource): Promise<DisclosedFigures> {
  const base = { shape: raw.shape, exact: viewer.exact };
  const grid = (g: CountGrid, series: Series): Promise<ProtectedGrid> => {
    if (viewer.exact) return Promise.resolve(exactGrid(g));
    const table = linked?.series[series];
    return table ? Promise.resolve(linkedGrid(g, linked!, table)) : protectGrid(g, { threshold: viewer.threshold });
  };
  /** The whole Table's figure of a series, when a breakdown does not add up to it. */
  const single = (n: number, series: Series): Protected => {
    if (viewer.exact) return { kind: "value", value: n };
    const table = linked?.series[series];
    return table ? table.figure(linked!.members("total"), 0) : protectCount(n, viewer.threshold);
  };
  const whole = isWholeTable(raw.groups);
  if (raw.shape === "count") {
    const withCategories = raw.categories !== null;
    const keys = raw.groups.map((g) => g.key);
    const cols = raw.categories ? [...raw.categories] : ["value"];
    const main = await grid({ rows: keys, cols, cells: raw.counts, rowTotals: withCategories, colTotals: raw.additive && !whole }, "count");
    const rowOf = (cells: Protected[], total: Protected | null | undefined) => [...cells.map(out), ...(withCategories && total ? [out(total)] : [])];
    const rows = raw.groups.map((g, i) => ({ ...label(g), cells: rowOf(main.cells[i] ?? [], main.rowTotals?.[i]) }));
    let total: FigureRow | null = null;
    let extra = 0;
    if (!whole && raw.additive && main.colTotals) total = { key: "total", cells: rowOf(main.colTotals, main.grandTotal) };
    else if (!whole && raw.overall) {
      const overall = await grid({ rows: ["total"], cols, cells: [raw.overall], rowTotals: withCategories, colTotals: false }, "count");
      total = { key: "total", cells: rowOf(overall.cells[0] ?? [], overall.rowTotals?.[0]) };
      extra = overall.suppressedCount;
    }
    return { ...base, categories: raw.categories, rows, total, suppressed: main.suppressedCount + extra };
  }
  if (raw.shape === "ratio") {
    const keys = raw.groups.map((g) => g.key);
    const margins = raw.additive && !whole;
    const [nums, dens] = await Promise.all([
      grid({ rows: keys, cols: ["numerator"], cells: raw.numerators.map((n) => [n]), rowTotals: false, colTotals: margins }, "numerator"),
      grid({ rows: keys, cols: ["denominator"], cells: raw.denominators.map((d) => [d]), rowTotals: false, colTotals: margins }, "denominator"),
    ]);
    const rate = (n: Protected, d: Protected): Protected => (viewer.exact ? exactRate(n, d) : protectRate(n, d, percent, viewer.threshold));
    const rateFigure = (n: Protected, d: Protected): Figure => (d.kind === "value" && d.value === 0 ? { empty: true } : out(rate(n, d)));
    const row = (key: string, n: Protected, d: Protected, g?: Group): FigureRow => ({ ...(g ? label(g) : { key }), cells: [rateFigure(n, d)], numerator: out(n), denominator: out(d) });
    const rows = raw.groups.map((g, i) => row(g.key, nums.cells[i]?.[0] ?? none, dens.cells[i]?.[0] ?? none, g));
    let total: FigureRow | null = null;
    let extra = 0;
    if (margins && nums.colTotals && dens.colTotals) total = row("total", nums.colTotals[0] ?? none, dens.colTotals[0] ?? none);
    else if (!whole && raw.overall) {
      const n = single(raw.overall.numerator, "numerator");
      const d = single(raw.overall.denominator, "denominator");
      extra = Number(n.kind === "suppressed") + Number(d.kind === "suppressed");
      total = row("total", n, d);
    }
    return { ...base, categories: null, rows, total, suppressed: nums.suppressedCount + dens.suppressedCount + extra };
  }
  let suppressed = 0;
  /** How many observations a row has, protected like a count (linked across breakdowns when it can be). */
  const observationsOf = (key: string, n: number): Protected => {
    if (viewer.exact) return { kind: "value", value: n };
    const table = linked?.series.observations;
    return table ? table.figure(linked!.members(key), 0) : protectCount(n, viewer.threshold);
  };
  const row = (key: string, value: number | null, n: number, g?: Group): FigureRow => {
    const observations = observationsOf(key, n);
    if (observations.kind === "suppressed") suppressed++;
    const statistic = (): Figure => {
      if (n === 0 || value === null) return { empty: true };
      if (viewer.exact) return { value };
      // A median over hidden observations is hidden with them (it would tell they are few).
      const p = observations.kind === "suppressed" ? observations : protectStatistic(value, n, viewer.threshold);
      if (p.kind === "suppressed") suppressed++;
      return out(p);
    };
    return { ...(g ? label(g) : { key }), cells: [statistic()], observations: out(observations) };
  };
  const rows = raw.groups.map((g, i) => row(g.key, raw.values[i] ?? null, raw.observations[i] ?? 0, g));
  const total = whole ? null : row("total", raw.overall.value, raw.overall.observations);
  return { ...base, categories: null, rows, total, suppressed };
}

const none: Protected = { kind: "value", value: 0 };
const label = (g: Group): Pick<FigureRow, "key" | "name"> => (g.name ? { key: g.key, name: g.name } : { key: g.key });
function exactRate(n: Protected, d: Protected): Protected {
  if (n.kind !== "value" || d.kind !== "value") return { kind: "suppressed", mark: "primary" };
  return { kind: "value", value: percent(n.value, d.value) };
}

/** The whole-Table figure of a disclosed table (the dashboard's value, the plan's live value). */
export function wholeTableFigure(d: DisclosedFigures): Figure {
  const row = d.total ?? d.rows[0];
  if (!row) return { value: 0 };
  return row.cells[row.cells.length - 1] ?? { value: 0 };
}
