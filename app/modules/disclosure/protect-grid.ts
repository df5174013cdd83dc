// Small-cell suppression for one table: primary marks on every count 1 … threshold−1, then
// complementary marks until no suppressed figure can be recomputed from what is published.
// Server only (HiGHS); the shapes and the solver-free rules live in `protected.ts`.
// The method and its proof are in docs/decisions/014-disclosure-control.md.
import { complementByFlow, complementFor, Intervals } from "./complements.ts";
import { normalizeThreshold, suppressed, value, type CountGrid, type Mark, type Protected, type ProtectedGrid } from "./protected.ts";
import { isPublished, suppressionCosts, tableModel, type TableModel } from "./table-model.ts";

export * from "./protected.ts";

function checkGrid(grid: CountGrid): void {
  const ok =
    grid.cells.length === grid.rows.length &&
    grid.cells.every((row) => row.length === grid.cols.length && row.every((v) => Number.isSafeInteger(v) && v >= 0));
  if (!ok) throw new RangeError("protectGrid: cells must be rows × cols non-negative integers");
}

const TOLERANCE = 1e-6;
/**
 * Tables up to this many figures (3 × 3 with margins, a list of 14) get the cheapest complement
 * first: the MILP stays in milliseconds there but can take a second at 6 × 5, where the flow
 * heuristic hid as many figures over a trial of 150 random tables.
 */
const EXACT_UP_TO = 16;

/**
 * The figures of one table as they may leave Filet (page, chart, CSV, XLSX, API): counts
 * 1 … threshold−1 hidden (`primary`), and enough other figures hidden (`complementary`) that a
 * primary one can still be anything across `threshold` values and no hidden one is determined.
 */
export async function protectGrid(grid: CountGrid, options: { threshold: number }): Promise<ProtectedGrid> {
  checkGrid(grid);
  const model = tableModel(grid);
  const marks = await protectModel(model, normalizeThreshold(options.threshold));
  const show = (i: number): Protected => (marks[i] ? suppressed(marks[i]) : value(model.values[i]!));
  const nCols = grid.cols.length;
  return {
    cells: grid.cells.map((row, r) => row.map((_, c) => show(r * nCols + c))),
    rowTotals: model.rowTotal?.map(show) ?? null,
    colTotals: model.colTotal?.map(show) ?? null,
    grandTotal: model.grandTotal === null ? null : show(model.grandTotal),
    suppressedCount: marks.filter((m) => m !== null).length,
  };
}

/**
 * The marks of any table model (one table, or linked tables over figures never published):
 * `null` for a figure shown. Unpublished figures get no mark; they are unknowns to the reader.
 */
export async function protectModel(model: TableModel, threshold: number): Promise<(Mark | null)[]> {
  const published = (i: number) => isPublished(model, i);
  const marks: (Mark | null)[] = model.values.map((v, i) => (published(i) && v >= 1 && v < threshold ? "primary" : null));
  const hidden = () => marks.map((m, i) => m !== null || !published(i));
  const required = (i: number) => (marks[i] === "primary" ? threshold : 1);
  const settled = model.values.map(() => false);
  const costs = suppressionCosts(model);

  const attempts = model.values.map(() => 0);
  const exactFirst = model.values.length <= EXACT_UP_TO;
  const intervals = new Intervals(model);
  try {
    await settleAll();
  } catch (error) {
    // A solver failure must neither publish a risk nor break the page: hide every non-zero
    // figure (always safe, see hideAllNonZero) and say so in the server log.
    console.error("protectGrid: solver failed, every non-zero figure hidden", error);
    hideAllNonZero();
  } finally {
    intervals.dispose();
  }

  // Each figure is settled once its own interval is checked wide enough. Until then it gets a
  // complement (heuristic or exact), then an exact one, then the fallback. Suppressing more
  // only widens intervals, so a settled figure stays settled, and each figure has at most
  // three tries: the loop ends.
  async function settleAll(): Promise<void> {
    for (let k = nextUnsettled(); k !== -1; k = nextUnsettled()) {
      const width = required(k);
      if (model.equations.length === 0 || (await intervals.width(hidden(), k)) >= width - TOLERANCE) {
        settled[k] = true;
        continue;
      }
      const attempt = attempts[k]!;
      attempts[k] = attempt + 1;
      const found =
        attempt === 0 && !exactFirst
          ? await complementByFlow(model, hidden(), k, width, costs)
          : attempt < 2 && !(attempt === 1 && exactFirst)
            ? await complementFor(model, hidden(), k, width, costs)
            : null;
      if (!found) {
        // Suppressing every non-zero figure always protects (each can move up along its row,
        // column and totals): the answer when the solver gives none, rather than publish a risk.
        hideAllNonZero();
        settled[k] = attempt >= 1;
        continue;
      }
      for (const i of found.chosen) marks[i] ??= "complementary";
      // A perturbation that moves another suppressed figure far enough settles it as well.
      found.moves.forEach(([up, down], i) => {
        if (i !== k && marks[i] && Math.max(up, down, 0) - Math.min(up, down, 0) >= required(i) + TOLERANCE) settled[i] = true;
      });
    }
  }

  // Every figure can then move up along its row or column and the totals above it, all hidden
  // (or never published).
  function hideAllNonZero(): void {
    model.values.forEach((v, i) => {
      if (v > 0 && !marks[i] && published(i)) marks[i] = "complementary";
    });
  }

  function nextUnsettled(): number {
    return marks.findIndex((m, i) => m !== null && !settled[i]);
  }

  return marks;
}
