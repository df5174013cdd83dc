import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEvaluationSettings } from "../../app/modules/indicators/read-evaluation-settings.server.ts";
import type { PageFigure, PageTable } from "../../app/modules/statistics/results.ts";
import { statisticsDataElement, statisticsDataSet, statisticsSubmission, statisticsValue } from "../../app/modules/statistics/tables.ts";
import { importRoute, matchRoute, openHarness, send, type Harness, type Persona } from "../forms/harness.ts";
import { renderPage } from "../support/render-page.tsx";
import { testContext } from "../support/test-db.ts";

/**
 * The statistics results (issue 13 §2): approved counts only, every figure through the disclosure
 * control in the page, its charts, the CSV and the XLSX; another Table's data set and a reader
 * without the permission get a 404; downloads are audited and never exact.
 */
let h: Harness;
let threshold: number;
let setId: string;
const small = [3, 2, 1];

beforeAll(async () => {
  h = await openHarness();
  const db = h.demo.db;
  threshold = (await readEvaluationSettings(db, h.demo.tableId)).suppressionThreshold;
  // A data set of known counts: one element by age band, three organizations of three types, one quarter.
  const [set] = await db
    .insert(statisticsDataSet)
    .values({ partnershipId: h.demo.tableId, nameFr: "Essai des résultats", nameEn: "Results trial", periodType: "quarter", organizationTypes: ["youth_protection", "police", "community"], entryWindowDays: 100, timelinessDays: 45, firstPeriod: "2011Q1", lastPeriod: "2011Q2" })
    .returning({ id: statisticsDataSet.id });
  setId = set!.id;
  const age = await h.demo.one<string>(sql`select id from statistics_category where partnership_id = ${h.demo.tableId} and code = 'age'`);
  const [element] = await db
    .insert(statisticsDataElement)
    .values({ partnershipId: h.demo.tableId, dataSetId: setId, code: "trial", nameFr: "Jeunes rencontrés", nameEn: "Youths met", categoryIds: [age], position: 1 })
    .returning({ id: statisticsDataElement.id });
  const orgOf = (acronym: string) => h.demo.one<string>(sql`select id from organization where partnership_id = ${h.demo.tableId} and acronym = ${acronym}`);
  const report = async (acronym: string, period: "2011Q1" | "2011Q2", status: "approved" | "submitted", cells: [number, number, number]) => {
    const organizationId = await orgOf(acronym);
    const [from, to] = period === "2011Q1" ? ["2011-01-01", "2011-03-31"] : ["2011-04-01", "2011-06-30"];
    const [sub] = await db.insert(statisticsSubmission).values({ partnershipId: h.demo.tableId, organizationId, dataSetId: setId, periodKey: period, periodFrom: from!, periodTo: to!, status }).returning({ id: statisticsSubmission.id });
    const keys = ["a12_13", "a14_15", "a16_17"];
    await db.insert(statisticsValue).values([
      ...keys.map((comboKey, i) => ({ partnershipId: h.demo.tableId, organizationId, submissionId: sub!.id, dataElementId: element!.id, comboKey, value: cells[i]! })),
      { partnershipId: h.demo.tableId, organizationId, submissionId: sub!.id, dataElementId: element!.id, comboKey: "total", value: cells.reduce((a, b) => a + b, 0) },
    ]);
  };
  await report("CJQ-IU", "2011Q1", "approved", [3, 20, 30]);
  await report("SPVQ", "2011Q1", "approved", [12, 40, 25]);
  await report("PIPQ", "2011Q1", "approved", [15, 2, 18]);
  await report("CJQ-IU", "2011Q2", "approved", [0, 11, 1]);
  await report("SPVQ", "2011Q2", "approved", [10, 22, 13]);
  // Small cells over the two quarters: 3 and 2 by age band, and PIPQ's second quarter (1) in the trend.
  await report("PIPQ", "2011Q2", "approved", [0, 0, 1]);
  // Submitted, not approved: never counted.
  await report("TRAIC", "2011Q1", "submitted", [777, 0, 0]);
}, 180_000);
afterAll(async () => h?.close());

const page = (query = "") => `/statistics/data-sets/${setId}/results${query ? `?${query}` : ""}`;

/** A resource route's raw Response (or the status it refused with). */
async function raw(url: string, persona: Persona): Promise<Response> {
  const u = new URL(url, "http://localhost:3000");
  const { route, params } = matchRoute(u.pathname);
  const mod = (await importRoute(route.file)) as unknown as { loader: (args: unknown) => Promise<Response> };
  const headers = new Headers();
  const cookie = await h.cookieOf(persona);
  if (cookie) headers.set("cookie", cookie);
  try {
    return await mod.loader({ request: new Request(u, { headers }), params, context: testContext(h.demo.db, { demoMode: true }) });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const status = (thrown as { init?: { status?: number }; status?: number }).init?.status ?? (thrown as { status?: number }).status ?? 500;
    return new Response(null, { status });
  }
}

/** The results as the page's loader sends them (figures in their compact form). */
interface PageResults {
  exact: boolean;
  periods: string[];
  elements: { code: string; rowsBy: string | null; categories: { code: string }[]; breakdown: PageTable; trend: PageTable }[];
}
const figuresOf = (r: PageResults): PageFigure[] =>
  r.elements.flatMap((e) => [e.breakdown, e.trend].flatMap((t) => [...t.cells.flat(), ...t.rowTotals, ...(t.colTotals ?? []), t.grandTotal]));
const valueOf = (f: PageFigure): number | null => (f === "x" ? null : Array.isArray(f) ? f[0] : f);
const isSmall = (v: number) => v >= 1 && v < threshold;

async function load(persona: Persona, query = ""): Promise<PageResults> {
  const answer = await send(h, { url: page(query), persona, method: "GET" });
  expect(answer.status).toBe(200);
  return (answer.data as { results: PageResults }).results;
}

describe("the results of a data set with known small cells", () => {
  it("shows no figure from 1 to threshold − 1 and hides their complements; every shown figure is exact", async () => {
    expect(threshold).toBeGreaterThan(3);
    const shown = await load("evaluation@filet.test", "from=2011Q1&to=2011Q2");
    const exact = await load("coordination@filet.test", "from=2011Q1&to=2011Q2&exact=1");
    expect(shown.exact).toBe(false);
    expect(exact.exact).toBe(true);
    const a = figuresOf(shown);
    const b = figuresOf(exact);
    expect(a).toHaveLength(b.length);
    a.forEach((f, i) => {
      const truth = b[i]!;
      expect(truth).not.toBe("x");
      if (f !== "x") {
        expect(Array.isArray(f)).toBe(false);
        expect(isSmall(f as number)).toBe(false);
        expect(f).toBe(truth);
      } else {
        // The coordinator's exact view says which figures the others do not see.
        expect(Array.isArray(truth)).toBe(true);
      }
    });
    expect(a.filter((f) => f === "x").length).toBe(b.filter((f) => Array.isArray(f)).length);
    expect(b.filter((f) => Array.isArray(f) && f[1] === "p").length).toBeGreaterThanOrEqual(3);
    expect(b.filter((f) => Array.isArray(f) && f[1] === "c").length).toBeGreaterThanOrEqual(3);
    // The exact view has the small cells; only approved reports count (777 is a submitted report's).
    const exactValues = b.map(valueOf);
    for (const v of small) expect(exactValues).toContain(v);
    expect(exactValues).not.toContain(777);
    expect(valueOf(exact.elements[0]!.trend.grandTotal)).toBe(3 + 20 + 30 + 12 + 40 + 25 + 15 + 2 + 18 + 0 + 11 + 1 + 10 + 22 + 13 + 0 + 0 + 1);
  });

  it("renders the page with the one mark and no small number", async () => {
    const answer = await send(h, { url: page("from=2011Q1&to=2011Q2"), persona: "evaluation@filet.test", method: "GET" });
    const route = await import("../../app/routes/statistics/data-sets.$dataSetId.results.tsx");
    for (const locale of ["fr", "en"] as const) {
      const html = renderPage(route.default as never, { path: page("from=2011Q1&to=2011Q2"), loaderData: answer.data, locale });
      const cells = [...html.matchAll(/<td(?: class="[^"]*")?>(.*?)<\/td>/g)].map((m) => m[1]!);
      expect(cells.length).toBeGreaterThan(20);
      for (const c of cells) {
        if (c !== "x") expect(c).toMatch(/^\d[\d\s\u202f\u00a0]*$/);
        if (c !== "x") expect(isSmall(Number(c.replace(/\D/g, "")))).toBe(false);
      }
      expect(html).toContain(`/statistics/data-sets/${setId}/chart.svg?`);
      expect(html).toContain(`results.csv?from=2011Q1&amp;to=2011Q2`);
      expect(html).toContain('<td class="x">x</td>');
    }
  });

  it("draws the charts from the page's own protected figures", async () => {
    const shown = await load("evaluation@filet.test", "from=2011Q1&to=2011Q2");
    const breakdown = await raw(`/statistics/data-sets/${setId}/chart.svg?from=2011Q1&to=2011Q2&element=trial&chart=breakdown`, "evaluation@filet.test");
    expect(breakdown.status).toBe(200);
    expect(breakdown.headers.get("content-type")).toContain("image/svg+xml");
    const svg = await breakdown.text();
    const texts = [...svg.matchAll(/>([^<>]+)</g)].map((m) => m[1]!.trim());
    const b = shown.elements[0]!.breakdown;
    b.rows.forEach((r, i) => {
      const f = b.rowTotals[i]!;
      if (f !== "x") expect(texts, r).toContain(new Intl.NumberFormat("fr-CA").format(valueOf(f)!));
    });
    if (b.rowTotals.some((f) => f === "x")) expect(texts).toContain("x");
    for (const t of texts) if (/^\d+$/.test(t)) expect(isSmall(Number(t))).toBe(false);
    // The trend's image: the same protected figures, never a small one; the exact view only for the coordinator.
    const trend = await (await raw(`/statistics/data-sets/${setId}/chart.svg?from=2011Q1&to=2011Q2&element=trial&chart=trend&exact=1`, "evaluation@filet.test")).text();
    for (const t of [...trend.matchAll(/>([^<>]+)</g)].map((m) => m[1]!.trim())) if (/^\d+$/.test(t)) expect(isSmall(Number(t))).toBe(false);
    expect((await raw(`/statistics/data-sets/${setId}/chart.svg?element=nothing`, "evaluation@filet.test")).status).toBe(404);
  });

  it("exports protected figures only, as CSV and XLSX, even for the coordinator asking for exact ones, and audits each download", async () => {
    const before = await h.demo.one<number>(sql`select count(*)::int from audit_event where action = 'statistics_data_set.results_exported' and target_id = ${setId}`);
    const csv = await raw(`/statistics/data-sets/${setId}/results.csv?from=2011Q1&to=2011Q2&exact=1`, "coordination@filet.test");
    expect(csv.status).toBe(200);
    const text = await csv.text();
    if (process.env.SHOW_CSV) console.log(text);
    const fields = text.split(/\r?\n/).flatMap((line) => line.split(/[,;]/)).map((f) => f.replace(/^"|"$/g, "").trim());
    const numbers = fields.filter((f) => /^\d+$/.test(f)).map(Number);
    expect(numbers.length).toBeGreaterThan(10);
    for (const n of numbers) expect(isSmall(n), `CSV holds ${n}`).toBe(false);
    expect(fields).toContain("x");
    expect(numbers).not.toContain(777);

    const xlsx = await raw(`/statistics/data-sets/${setId}/results.xlsx?from=2011Q1&to=2011Q2`, "evaluation@filet.test");
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const values: unknown[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => values.push(c.value))));
    const xnumbers = values.filter((v): v is number => typeof v === "number");
    expect(xnumbers.length).toBeGreaterThan(10);
    for (const n of xnumbers) expect(isSmall(n), `XLSX holds ${n}`).toBe(false);
    expect(values).toContain("x");

    const after = await h.demo.one<number>(sql`select count(*)::int from audit_event where action = 'statistics_data_set.results_exported' and target_id = ${setId}`);
    expect(after - before).toBe(2);
  });
});

describe("who reads the results", () => {
  it("answers 404 for another Table's data set, on the page, its charts and its downloads", async () => {
    expect((await send(h, { url: page(), persona: "coordination.ca@filet.test", method: "GET" })).status).toBe(404);
    expect((await raw(`/statistics/data-sets/${setId}/results.csv`, "coordination.ca@filet.test")).status).toBe(404);
    expect((await raw(`/statistics/data-sets/${setId}/chart.svg?element=trial`, "coordination.ca@filet.test")).status).toBe(404);
    expect((await send(h, { url: "/statistics/data-sets/not-a-uuid/results", persona: "coordination@filet.test", method: "GET" })).status).toBe(404);
  });

  it("lets the delegates, the pivot coordinators and the evaluator read; downloads only for the coordinator and the evaluator", async () => {
    for (const persona of ["coordination@filet.test", "evaluation@filet.test", "delegue.cjq@filet.test", "coord-pivots.spvq@filet.test", "admin@filet.test"] as const) {
      expect((await send(h, { url: page(), persona, method: "GET" })).status, persona).toBe(200);
    }
    for (const persona of ["pivot.cjq@filet.test", "intervenant.ecole@filet.test", "anonymous"] as const) {
      expect((await send(h, { url: page(), persona, method: "GET" })).status, persona).not.toBe(200);
      expect((await send(h, { url: "/statistics/results", persona, method: "GET" })).status, persona).not.toBe(200);
    }
    expect((await raw(`/statistics/data-sets/${setId}/results.csv`, "evaluation@filet.test")).status).toBe(200);
    expect((await raw(`/statistics/data-sets/${setId}/results.csv`, "delegue.cjq@filet.test")).status).toBe(404);
    expect((await raw(`/statistics/data-sets/${setId}/results.xlsx`, "coord-pivots.spvq@filet.test")).status).toBe(404);
    // The exact view is the Table coordinator's only.
    const asked = await load("evaluation@filet.test", "exact=1");
    expect(asked.exact).toBe(false);
  });
});

describe("malformed queries", () => {
  it("never give a 5xx on the page, its charts or its downloads", async () => {
    const queries = ["from=%00&to=9999Q9", "from=2011Q2&to=2011Q1&rows-trial=__proto__", `from=${"x".repeat(600)}&exact=%ED%A0%80`, "element=trial&chart=<script>&from=2011Q1&from=2011Q2", "rows-trial=gender&exact=1&exact=0"];
    for (const q of queries) {
      expect((await send(h, { url: page(q), persona: "coordination@filet.test", method: "GET" })).status, q).toBe(200);
      for (const kind of ["chart.svg", "results.csv", "results.xlsx"]) {
        const status = (await raw(`/statistics/data-sets/${setId}/${kind}?element=trial&${q}`, "coordination@filet.test")).status;
        expect(status, `${kind}?${q}`).toBeLessThan(500);
      }
    }
  });
});

describe("the demo", () => {
  it("shows suppressed cells in the 2008–2012 data set's default quarters", async () => {
    const demoSet = await h.demo.one<string>(sql`select id from statistics_data_set where partnership_id = ${h.demo.tableId} and last_period = '2012Q4'`);
    const answer = await send(h, { url: `/statistics/data-sets/${demoSet}/results`, persona: "evaluation@filet.test", method: "GET" });
    expect(answer.status).toBe(200);
    const results = (answer.data as { results: PageResults }).results;
    expect(results.periods).toEqual(["2012Q1", "2012Q2", "2012Q3", "2012Q4"]);
    expect(results.elements).toHaveLength(3);
    const figures = figuresOf(results);
    expect(figures.some((f) => f === "x")).toBe(true);
    for (const f of figures) if (f !== "x") expect(isSmall(f as number)).toBe(false);
    // The crossed element offers both categories as rows.
    const crossed = results.elements.find((e) => e.categories.length === 2)!;
    const byGender = await send(h, { url: `/statistics/data-sets/${demoSet}/results?rows-${crossed.code}=gender`, persona: "evaluation@filet.test", method: "GET" });
    expect((byGender.data as { results: PageResults }).results.elements.find((e) => e.code === crossed.code)!.rowsBy).toBe("gender");
    const index = await send(h, { url: "/statistics/results", persona: "evaluation@filet.test", method: "GET" });
    expect(index.status).toBe(200);
    expect((index.data as { sets: { id: string }[] }).sets.map((s) => s.id)).toContain(demoSet);
  });
});
