import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { call, createWorld, expectNotFound, CJQ_PIVOT, EVALUATOR, OTHER_TABLE_COORD, TABLE_COORD, WORKER, type World } from "./consultations-fixtures.ts";
import * as dashboardPage from "../../app/routes/evaluation/_index.tsx";
import * as indicatorPage from "../../app/routes/evaluation/indicators.$code.tsx";
import * as exportCsv from "../../app/routes/evaluation/export.csv.tsx";
import * as indicatorXlsx from "../../app/routes/evaluation/indicators.$code.xlsx.tsx";
import * as chartSvg from "../../app/routes/evaluation/chart.svg.tsx";
import * as activitiesPage from "../../app/routes/activities/_index.tsx";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { indicatorTarget } from "../../app/modules/indicators/tables.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import { pivotActivity } from "../../app/modules/pivot-activities/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { discloseIndicator } from "../../app/modules/indicators/disclose-indicator.server.ts";
import type { DisclosedFigures, Figure } from "../../app/modules/indicators/disclose.server.ts";
import { resolvePeriods } from "../../app/modules/indicators/get-dashboard.server.ts";
import { indicatorRegistry } from "../../app/modules/indicators/registry.server.ts";
import { groupsOfOrganization } from "../../app/modules/indicators/roll-up.ts";
import { tableOrganizations } from "../../app/modules/indicators/table-organizations.server.ts";
import { auditLinked } from "../../app/modules/disclosure/audit-linked.ts";
import type { Protected } from "../../app/modules/disclosure/protected.ts";

// The evaluation's pages and downloads on the demo: who reaches them, what an evaluator may see
// (no count from 1 to 4, anywhere), targets (once per submission, versioned, scoped), audited exports.
let world: World;
const SMALL = /^[1-4]$/;

/** Raw HTTP-like call of a resource route: the Response itself. */
async function download(fn: (args: never) => unknown, email: string, path: string, params: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`http://localhost:3000${path}`, { headers: { cookie: await world.cookie(email) } });
  return (await (fn as (a: never) => Promise<Response>)({ request, params, context: world.context } as never)) as Response;
}

type View = { themes: { rows: { code: string; value: string; previous: string }[] }[] };
type IndicatorView = { view: { table: { rows: { header: string; cells: string[] }[] } } };

beforeAll(async () => {
  world = await createWorld();
  // A few activities of one pivot this fiscal year: small counts the evaluator must not see.
  const [pivot] = await world.db.select().from(person).where(eq(person.email, CJQ_PIVOT));
  const day = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < 3; i++)
    await world.db.insert(pivotActivity).values({ partnershipId: pivot!.partnershipId!, organizationId: world.orgs["CJQ-IU"]!, personId: pivot!.id, type: "case_discussion", occurredOn: day, durationMinutes: 30 });
});

afterAll(async () => {
  await world.handle.close();
});

describe("who reaches the evaluation", () => {
  it("opens to the evaluator and the coordinator, and answers 404 to a pivot and a worker", async () => {
    expect((await call(world, dashboardPage.loader, { email: EVALUATOR, path: "/evaluation" })).status).toBe(200);
    expect((await call(world, dashboardPage.loader, { email: TABLE_COORD, path: "/evaluation" })).status).toBe(200);
    expectNotFound(await call(world, dashboardPage.loader, { email: CJQ_PIVOT, path: "/evaluation" }));
    expectNotFound(await call(world, dashboardPage.loader, { email: WORKER, path: "/evaluation" }));
    expectNotFound(await call(world, indicatorPage.loader, { email: EVALUATOR, path: "/evaluation/indicators/nope", params: { code: "nope" } }));
  });

  it("takes any period or breakdown from the URL without a 5xx", async () => {
    for (const q of ["period=fy2026", "period=2026-Q1&by=organization", "period=%00", "period=99999", "by=../../x", "period=ytd2026&by=language"]) {
      expect((await call(world, dashboardPage.loader, { email: EVALUATOR, path: `/evaluation?${q}` })).status).toBe(200);
      expect((await call(world, indicatorPage.loader, { email: EVALUATOR, path: `/evaluation/indicators/pivot_activities?${q}`, params: { code: "pivot_activities" } })).status).toBe(200);
    }
  });
});

describe("what an evaluator may see", () => {
  it("never shows a count from 1 to 4 on the dashboard or an indicator page, where the coordinator sees the exact figure", async () => {
    const asEvaluator = (await call(world, indicatorPage.loader, { email: EVALUATOR, path: "/evaluation/indicators/pivot_activities?by=organization", params: { code: "pivot_activities" } })).data as IndicatorView;
    const asCoordinator = (await call(world, indicatorPage.loader, { email: TABLE_COORD, path: "/evaluation/indicators/pivot_activities?by=organization", params: { code: "pivot_activities" } })).data as IndicatorView;
    const cells = (v: IndicatorView) => v.view.table.rows.flatMap((r) => r.cells);
    expect(cells(asEvaluator).filter((c) => SMALL.test(c))).toEqual([]);
    expect(cells(asCoordinator).some((c) => SMALL.test(c))).toBe(true);
    const dashboard = (await call(world, dashboardPage.loader, { email: EVALUATOR, path: "/evaluation?by=organization" })).data as { view: View };
    const figures = dashboard.view.themes.flatMap((t) => t.rows.flatMap((r) => [r.value, r.previous]));
    expect(figures.filter((c) => SMALL.test(c))).toEqual([]);
  });

  it("gives no hidden figure back by setting one breakdown against another (by organization, type, territory, the Table)", async () => {
    const partnershipId = world.people[EVALUATOR]!.partnershipId!;
    const periods = await resolvePeriods(world.db, partnershipId, null, null);
    const organizations = await tableOrganizations(world.db, partnershipId);
    const asked = (definition: (typeof indicatorRegistry)[number], by: "organization" | "organization_type" | "territory" | null, exact: boolean) =>
      discloseIndicator(world.db, definition, { partnershipId, period: periods.period, by, today: periods.today }, { exact, threshold: periods.threshold }, organizations);
    let hiddenSeen = 0;
    for (const definition of indicatorRegistry.filter((d) => d.type === "count" && d.disaggregations.includes("organization"))) {
      const breakdowns = [null, ...definition.disaggregations.filter((b) => b !== "language")] as ("organization" | "organization_type" | "territory" | null)[];
      // The attacker's material: every breakdown as the evaluator sees it, the truth from the exact figures.
      const units = organizations.map((o) => o.id);
      const exactByOrganization = await asked(definition, "organization", true);
      const columns = (exactByOrganization.rows[0]?.cells.length ?? 1) - (exactByOrganization.categories ? 1 : 0);
      const truth = units.map((id) => {
        const row = exactByOrganization.rows.find((r) => r.key === id);
        return Array.from({ length: columns }, (_, j) => (row?.cells[j] && "value" in row.cells[j]! ? row.cells[j]!.value : 0));
      });
      const shown = new Map<string, Protected>();
      const groups: number[][] = [];
      const record = (members: number[], d: DisclosedFigures["rows"][number]) => {
        groups.push(members);
        d.cells.forEach((f: Figure, j) => {
          const column = d.cells.length > 1 && j === d.cells.length - 1 ? "total" : j;
          shown.set(`${members.join(",")}|${column}`, "value" in f ? { kind: "value", value: f.value } : { kind: "suppressed", mark: "complementary" });
        });
      };
      for (const by of breakdowns) {
        const seen = await asked(definition, by, false);
        for (const row of seen.rows) {
          const members = units.flatMap((id, u) => (groupsOfOrganization(organizations[u], by).some((g) => g.key === row.key) ? [u] : []));
          record(members, row);
        }
      }
      const published = { figure: (m: readonly number[], c: number | "total") => shown.get(`${[...m].sort((a, b) => a - b).join(",")}|${c === "total" && columns === 1 ? 0 : c}`) ?? { kind: "suppressed", mark: "primary" }, suppressedCount: 0 } as const;
      const intervals = await auditLinked({ units: truth, columns, groups, rowTotals: columns > 1 }, published);
      hiddenSeen += intervals.length;
      for (const f of intervals) expect(f.max - f.min, `${definition.code} ${JSON.stringify(f)}`).toBeGreaterThanOrEqual(1);
      for (const f of intervals.filter((i) => i.truth >= 1 && i.truth < periods.threshold)) expect(f.max - f.min, `${definition.code} ${JSON.stringify(f)}`).toBeGreaterThanOrEqual(periods.threshold);
    }
    expect(hiddenSeen).toBeGreaterThan(0);
  });

  it("shows protected activity counts and no feed on /activities", async () => {
    const page = (await call(world, activitiesPage.loader, { email: EVALUATOR, path: "/activities" })).data as { feed: unknown; counts: { counts: Record<string, number | null>; total: number | null }[] };
    expect(page.feed).toBeNull();
    const numbers = page.counts.flatMap((r) => [...Object.values(r.counts), r.total]);
    expect(numbers.some((n) => n === null)).toBe(true);
    expect(numbers.filter((n) => n !== null && n >= 1 && n <= 4)).toEqual([]);
    const pivotView = (await call(world, activitiesPage.loader, { email: CJQ_PIVOT, path: "/activities" })).data as { feed: { total: number } | null };
    expect(pivotView.feed?.total).toBeGreaterThan(0);
  });

  it("draws the charts from the same protected figures, as SVG without inline style", async () => {
    const res = await download(chartSvg.loader, EVALUATOR, "/evaluation/chart.svg?chart=breakdown&code=pivot_activities&by=organization");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("image/svg+xml");
    const svg = await res.text();
    expect(svg).toContain('role="img"');
    expect(svg).not.toMatch(/<style|\sstyle=/);
  });
});

describe("downloads", () => {
  it("are protected for the coordinator too, and audited with the file's hash", async () => {
    const res = await download(exportCsv.loader, TABLE_COORD, "/evaluation/export.csv?by=organization");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const bytes = Buffer.from(await res.arrayBuffer());
    const csv = bytes.toString("utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    // Every number alone in a cell: none from 1 to 4 in a count column (percentages carry decimals or are ≥ 5 here).
    const activityLines = csv.split("\r\n").filter((l) => /^"?(Centre|Service|Commission|Projet|TRAIC|CJQ)/.test(l));
    expect(activityLines.flatMap((l) => l.split(",")).filter((c) => SMALL.test(c))).toEqual([]);
    const [event] = await world.db.select().from(auditEvent).where(eq(auditEvent.action, "evaluation.exported")).orderBy(auditEvent.id);
    expect(event?.details).toMatchObject({ format: "csv", by: "organization", sha256: createHash("sha256").update(bytes).digest("hex") });
  });

  it("give a workbook that reads back, with the suppression mark and footnote", async () => {
    const res = await download(indicatorXlsx.loader, EVALUATOR, "/evaluation/indicators/pivot_activities/table.xlsx?by=organization", { code: "pivot_activities" });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain("x");
    expect(values.filter((v) => typeof v === "number" && v >= 1 && v <= 4)).toEqual([]);
    expect(values.some((v) => typeof v === "string" && v.startsWith("x\u00a0:"))).toBe(true);
  });

  it("answer 404 to someone without the right, like a missing page", async () => {
    expectNotFound(await call(world, exportCsv.loader, { email: CJQ_PIVOT, path: "/evaluation/export.csv" }));
  });
});

describe("targets", () => {
  const path = "/evaluation/indicators/pivot_coverage?period=fy2032";
  const post = (email: string, form: Record<string, string>) => call(world, indicatorPage.action, { email, path, params: { code: "pivot_coverage" }, form });
  const targets = async () =>
    world.db
      .select()
      .from(indicatorTarget)
      .where(and(eq(indicatorTarget.partnershipId, world.people[TABLE_COORD]!.partnershipId!), eq(indicatorTarget.indicatorCode, "pivot_coverage"), eq(indicatorTarget.periodKey, "fy2032")));

  it("are set once per submission, edited with their version, and refused to others", async () => {
    const key = randomUUID();
    const before = (await targets()).length;
    const first = await post(TABLE_COORD, { intent: "set", scope: "table", target: "95", note: "", [SUBMISSION_KEY_FIELD]: key });
    const again = await post(TABLE_COORD, { intent: "set", scope: "table", target: "95", note: "", [SUBMISSION_KEY_FIELD]: key });
    expect(first.status, JSON.stringify(first)).toBe(302);
    expect(again.location).toBe(first.location);
    const rows = await targets();
    expect(rows.length).toBe(before + 1);
    // A second "set" of the same scope never overwrites it unseen: it is changed through its edit form.
    expect((await post(TABLE_COORD, { intent: "set", scope: "table", target: "10", note: "", [SUBMISSION_KEY_FIELD]: randomUUID() })).status).toBe(409);
    const row = rows.find((r) => r.scopeKind === "table")!;
    expect(row.target).toBe(95);
    expect((await post(TABLE_COORD, { intent: "edit", targetId: row.id, version: String(row.version + 5), target: "80", note: "" })).status).toBe(409);
    expect((await post(TABLE_COORD, { intent: "set", scope: "organization_type:police", target: "120", note: "", [SUBMISSION_KEY_FIELD]: randomUUID() })).status).toBe(400);
    expect((await post(TABLE_COORD, { intent: "edit", targetId: row.id, version: String(row.version), target: "85", note: "" })).status).toBe(302);
    expect((await targets()).find((r) => r.id === row.id)?.target).toBe(85);
    expectNotFound(await post(EVALUATOR, { intent: "set", scope: "table", target: "50", note: "", [SUBMISSION_KEY_FIELD]: randomUUID() }));
    expectNotFound(await call(world, indicatorPage.action, { email: OTHER_TABLE_COORD, path, params: { code: "pivot_coverage" }, form: { intent: "edit", targetId: row.id, version: String(row.version), target: "1", note: "" } }));
    expectNotFound(await post(TABLE_COORD, { intent: "set", scope: `organization:${randomUUID()}`, target: "50", note: "", [SUBMISSION_KEY_FIELD]: randomUUID() }));
    const audited = await world.db.select().from(auditEvent).where(and(eq(auditEvent.action, "indicator.target_set"), eq(auditEvent.targetId, row.id)));
    expect(audited.length).toBeGreaterThan(0);
    expect((await post(TABLE_COORD, { intent: "remove", targetId: row.id, version: String(row.version + 1) })).status).toBe(302);
    expect((await targets()).length).toBe(before);
  });
});

describe("the implementation report", () => {
  it("is a PDF of protected figures with the recommendations' status, audited with its hash", async () => {
    const { pdfText } = await import("../support/pdf-text.ts");
    const reportPdf = await import("../../app/routes/evaluation/report.pdf.tsx");
    const res = await download(reportPdf.loader, TABLE_COORD, "/evaluation/report.pdf?period=fy2026");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/pdf");
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = pdfText(bytes);
    expect(text).toContain("Rapport d'implantation");
    expect(text).toContain("Concrétiser un réseau de communication entre les pivots");
    // The trend of each indicator with a target, drawn in the PDF (its words are in the text).
    expect(text).toContain("Évolution des indicateurs qui ont une cible");
    if (process.env.FILET_KEEP_PDF) (await import("node:fs")).writeFileSync(process.env.FILET_KEEP_PDF, bytes);
    const [event] = await world.db.select().from(auditEvent).where(and(eq(auditEvent.action, "evaluation.exported"), eq(auditEvent.targetId, "implementation_report")));
    expect(event?.details).toMatchObject({ format: "pdf", sha256: createHash("sha256").update(bytes).digest("hex") });
    expectNotFound(await call(world, reportPdf.loader, { email: CJQ_PIVOT, path: "/evaluation/report.pdf" }));
  });
});

describe("training counts at a glance", () => {
  it("shows the evaluator protected counts and the coordinator exact ones", async () => {
    const statsPage = await import("../../app/routes/training/stats.tsx");
    type Stats = { stats: { byOrganization: { sessions: number | null; people: number | null }[]; byYear: { people: number | null }[] }; protectedBelow: number | null };
    const asEvaluator = (await call(world, statsPage.loader, { email: EVALUATOR, path: "/training/stats" })).data as Stats;
    const asCoordinator = (await call(world, statsPage.loader, { email: TABLE_COORD, path: "/training/stats" })).data as Stats;
    expect(asEvaluator.protectedBelow).toBe(5);
    expect(asCoordinator.protectedBelow).toBeNull();
    const numbers = (s: Stats) => [...s.stats.byOrganization.flatMap((r) => [r.sessions, r.people]), ...s.stats.byYear.map((r) => r.people)];
    expect(numbers(asEvaluator).filter((n) => n !== null && n >= 1 && n <= 4)).toEqual([]);
    expect(numbers(asCoordinator).every((n) => typeof n === "number")).toBe(true);
  });
});
