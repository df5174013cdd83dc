import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { exactGridsSharingColumns, protectGridsSharingColumns } from "../disclosure/shared-columns.ts";
import type { CountGrid, Protected, ProtectedGrid } from "../disclosure/protected.ts";
import { organization, organizationTypes } from "../governance/tables.ts";
import { readEvaluationSettings } from "../indicators/read-evaluation-settings.server.ts";
import { translator, type MessageKey } from "../../i18n/catalog.ts";
import { listElements, loadDataSet, type DataSetRow, type ElementShape } from "./list-definitions.server.ts";
import { resultPeriods, resultRange, rowsParam, type ElementResults, type Figure, type ResultsTable, type StatisticsResults } from "./results.ts";
import { statisticsSubmission, statisticsValue } from "./tables.ts";
import { comboKeys, TOTAL_KEY } from "./vocabulary.ts";

type Locale = "fr" | "en";

export interface ResultsQuery {
  partnershipId: string;
  dataSetId: string;
  today: string;
  from: string | null;
  to: string | null;
  /** The query's "rows-<element code>" choices. */
  rowsBy: (elementCode: string) => string | null;
  /** Exact figures (the Table coordinator in the app, when asked); never for an export. */
  exact: boolean;
  locale: Locale;
  /** Only this element (a chart image computes its own element only). */
  elementCode?: string;
}

/** The label of a period key in words ("T3 2026", "juillet 2026", "Année 2026"). */
export function periodWords(key: string, locale: Locale): string {
  const t = translator(locale);
  const q = /^(\d{4})Q([1-4])$/.exec(key);
  if (q) return t("statistics.period.quarter", { part: q[2]!, year: q[1]! });
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const month = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
    return t("statistics.period.month", { month, year: m[1]! });
  }
  return t("statistics.period.year", { year: key });
}

const named = (locale: Locale, o: { nameFr: string; nameEn: string }) => (locale === "en" ? o.nameEn : o.nameFr);

interface Report {
  periodKey: string;
  type: string;
  total: number | null;
  combos: Map<string, number>;
}

/** The approved values of a data set over some periods, one entry per report and element. */
async function approvedReports(db: Database, partnershipId: string, dataSetId: string, periods: string[], elementIds: string[]): Promise<Map<string, Report[]>> {
  if (!periods.length || !elementIds.length) return new Map();
  const rows = await db
    .select({ submissionId: statisticsValue.submissionId, elementId: statisticsValue.dataElementId, comboKey: statisticsValue.comboKey, value: statisticsValue.value, periodKey: statisticsSubmission.periodKey, type: organization.type })
    .from(statisticsValue)
    .innerJoin(statisticsSubmission, and(eq(statisticsSubmission.id, statisticsValue.submissionId), eq(statisticsSubmission.partnershipId, partnershipId)))
    .innerJoin(organization, and(eq(organization.id, statisticsValue.organizationId), eq(organization.partnershipId, partnershipId)))
    .where(
      and(
        eq(statisticsValue.partnershipId, partnershipId),
        eq(statisticsSubmission.dataSetId, dataSetId),
        eq(statisticsSubmission.status, "approved"),
        inArray(statisticsSubmission.periodKey, periods),
        inArray(statisticsValue.dataElementId, elementIds),
      ),
    );
  const byKey = new Map<string, Report & { elementId: string }>();
  for (const r of rows) {
    const key = `${r.submissionId}|${r.elementId}`;
    let report = byKey.get(key);
    if (!report) byKey.set(key, (report = { elementId: r.elementId, periodKey: r.periodKey, type: r.type, total: null, combos: new Map() }));
    if (r.comboKey === TOTAL_KEY) report.total = r.value;
    else report.combos.set(r.comboKey, r.value);
  }
  const out = new Map<string, Report[]>();
  for (const report of byKey.values()) out.set(report.elementId, [...(out.get(report.elementId) ?? []), report]);
  return out;
}

/** The grids of one element: a breakdown per category (options × types, plus what was not broken down) and the trend (periods × types). */
function elementGrids(element: ElementShape, reports: Report[], types: string[], periods: string[]) {
  const combos = comboKeys(element.categories);
  const typeIndex = new Map(types.map((t, j) => [t, j]));
  const zeros = (n: number) => Array.from({ length: n }, () => types.map(() => 0));
  const breakdowns = element.categories.map((c) => ({ category: c, cells: zeros(c.options.length), unspecified: types.map(() => 0) }));
  const trend = zeros(periods.length);
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  for (const r of reports) {
    const j = typeIndex.get(r.type);
    const p = periodIndex.get(r.periodKey);
    if (j === undefined || p === undefined) continue;
    const given = combos.reduce((sum, c) => sum + (r.combos.get(c.key) ?? 0), 0);
    // The total is required to submit and never below the cells given; a cell left blank is "not broken down".
    const total = Math.max(r.total ?? 0, given);
    trend[p]![j]! += total;
    breakdowns.forEach((b, ci) => {
      combos.forEach((c) => {
        const v = r.combos.get(c.key) ?? 0;
        const row = b.category.options.findIndex((o) => o.code === c.options[ci]!.code);
        b.cells[row]![j]! += v;
      });
      b.unspecified[j]! += total - given;
    });
  }
  return { breakdowns, trend };
}

/** The coordinator's exact view: each exact figure with the mark the protected view gives it. */
function exactWithMarks(exact: ProtectedGrid, shown: ProtectedGrid): ShownGrid {
  const merge = (e: Protected, s: Protected): Figure => (s.kind === "suppressed" && e.kind === "value" ? { kind: "value", value: e.value, hiddenAs: s.mark } : e);
  return {
    cells: exact.cells.map((row, i) => row.map((e, j) => merge(e, shown.cells[i]![j]!))),
    rowTotals: exact.rowTotals!.map((e, i) => merge(e, shown.rowTotals![i]!)),
    colTotals: exact.colTotals!.map((e, j) => merge(e, shown.colTotals![j]!)),
    grandTotal: merge(exact.grandTotal!, shown.grandTotal!),
    suppressedCount: shown.suppressedCount,
  };
}

interface ShownGrid {
  cells: Figure[][];
  rowTotals: Figure[];
  colTotals: Figure[];
  grandTotal: Figure;
  suppressedCount: number;
}

function table(grid: ShownGrid, rowHeader: string, rows: ResultsTable["rows"], cols: ResultsTable["cols"]): ResultsTable {
  return { rowHeader, rows, cols, cells: grid.cells, rowTotals: grid.rowTotals, colTotals: grid.colTotals, grandTotal: grid.grandTotal, suppressedCount: grid.suppressedCount };
}

async function elementResults(element: ElementShape, reports: Report[], types: string[], periods: string[], query: ResultsQuery, threshold: number): Promise<ElementResults> {
  const t = translator(query.locale);
  const { breakdowns, trend } = elementGrids(element, reports, types, periods);
  const cols = types.map((type) => ({ key: type, label: t(`orgType.${type}` as MessageKey) }));
  const unspecifiedKey = "_unspecified";
  const grids: CountGrid[] = breakdowns.map((b) => {
    const withRest = b.unspecified.some((v) => v > 0);
    return {
      rows: [...b.category.options.map((o) => o.code), ...(withRest ? [unspecifiedKey] : [])],
      cols: types,
      cells: [...b.cells, ...(withRest ? [b.unspecified] : [])],
      rowTotals: true,
      colTotals: true,
    };
  });
  grids.push({ rows: periods, cols: types, cells: trend, rowTotals: true, colTotals: true });
  // Every view of the element is protected as one: the breakdowns and the trend share their column totals.
  const protectedGrids = await protectGridsSharingColumns(grids, { threshold });
  const shown: ShownGrid[] = query.exact ? exactGridsSharingColumns(grids).map((e, g) => exactWithMarks(e, protectedGrids[g]!)) : (protectedGrids as ShownGrid[]);
  const trendShown = shown.at(-1)!;
  const asked = query.rowsBy(element.code);
  const chosen = Math.max(0, element.categories.findIndex((c) => c.code === asked));
  const category = element.categories[chosen];
  const breakdown: ResultsTable = category
    ? table(
        shown[chosen]!,
        named(query.locale, category),
        grids[chosen]!.rows.map((key) => ({ key, label: key === unspecifiedKey ? t("statistics.results.unspecified") : named(query.locale, category.options.find((o) => o.code === key)!) })),
        cols,
      )
    : {
        rowHeader: t("statistics.results.figure"),
        rows: [{ key: TOTAL_KEY, label: t("statistics.results.total") }],
        cols,
        cells: [trendShown.colTotals],
        rowTotals: [trendShown.grandTotal],
        colTotals: null,
        grandTotal: trendShown.grandTotal,
        suppressedCount: [...trendShown.colTotals, trendShown.grandTotal].filter((p) => p.kind === "suppressed" || "hiddenAs" in p).length,
      };
  return {
    id: element.id,
    code: element.code,
    name: named(query.locale, element),
    categories: element.categories.map((c) => ({ code: c.code, name: named(query.locale, c) })),
    rowsBy: category?.code ?? null,
    breakdown,
    trend: table(trendShown, t("statistics.period"), periods.map((key) => ({ key, label: periodWords(key, query.locale) })), cols),
  };
}

/**
 * A data set's results: APPROVED counts only, per data element, by category option (or the total)
 * × organization type, and the element's total per period × organization type, every figure through
 * the disclosure control with the Table's threshold (the coordinator's exact view aside). Another
 * Table's data set is `null`.
 */
export async function getStatisticsResults(db: Database, query: ResultsQuery): Promise<StatisticsResults | null> {
  const set = await loadDataSet(db, query.partnershipId, query.dataSetId);
  if (!set) return null;
  return resultsOf(db, set, query);
}

async function resultsOf(db: Database, set: DataSetRow, query: ResultsQuery): Promise<StatisticsResults> {
  const { suppressionThreshold: threshold } = await readEvaluationSettings(db, query.partnershipId);
  const choices = resultPeriods(set, query.today);
  const range = resultRange(choices, query.from, query.to);
  const periods = range.map((p) => p.key);
  const elements = (await listElements(db, query.partnershipId, set.id)).filter((e) => !query.elementCode || e.code === query.elementCode);
  const reports = await approvedReports(db, query.partnershipId, set.id, periods, elements.map((e) => e.id));
  const seen = new Set([...set.organizationTypes, ...[...reports.values()].flat().map((r) => r.type)]);
  const types = organizationTypes.filter((type) => seen.has(type));
  const results: ElementResults[] = [];
  for (const element of elements) results.push(await elementResults(element, reports.get(element.id) ?? [], types, periods, query, threshold));
  return {
    set: { id: set.id, name: named(query.locale, set), periodType: set.periodType },
    choices: choices.map((p) => ({ key: p.key, label: periodWords(p.key, query.locale) })),
    from: periods[0] ?? null,
    to: periods.at(-1) ?? null,
    periods,
    exact: query.exact,
    threshold,
    elements: results,
  };
}

/** The query's row choices, read from its parameters. */
export const rowsFrom = (params: URLSearchParams) => (code: string) => params.get(rowsParam(code));
