import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { rowsOf } from "../../app/modules/db/rows.ts";
import { quebecTable } from "../../app/modules/demo/demo-quebec.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { discloseIndicator } from "../../app/modules/indicators/disclose-indicator.server.ts";
import { indicatorByCode } from "../../app/modules/indicators/registry.server.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * The statistics feed the registry through disclosure control: for an evaluator (protected) no
 * figure from 1 to threshold − 1 is shown by organization, and every shown figure is exact;
 * only approved reports count.
 */
let handle: DatabaseHandle;
let tableId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  const [t] = await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, quebecTable.slug));
  tableId = t!.id;
}, 120_000);
afterAll(async () => handle?.close());

it("hides small cells of a statistics indicator for an evaluator, shows exact figures to the coordinator", async () => {
  const definition = indicatorByCode("stats_concern_raised")!;
  const query = { partnershipId: tableId, period: { from: "2010-01-01", to: "2010-03-31" }, by: "organization" as const, today: "2026-12-04" };
  const exact = await discloseIndicator(handle.db, definition, query, { exact: true, threshold: 5 });
  const shown = await discloseIndicator(handle.db, definition, query, { exact: false, threshold: 5 });
  const exactValues = exact.rows.map((r) => ("value" in r.cells[0]! ? r.cells[0].value : null));
  expect(exactValues.some((v) => v !== null && v > 0 && v < 5), "the demo has small cells").toBe(true);
  shown.rows.forEach((r, i) => {
    const cell = r.cells[0]!;
    if ("value" in cell) {
      expect(cell.value === 0 || cell.value >= 5).toBe(true);
      expect(cell.value).toBe(exactValues[i]);
    }
  });
  expect(shown.suppressed).toBeGreaterThanOrEqual(2);
  // Only approved reports count: the whole-Table total equals the approved totals of the quarter.
  const [row] = rowsOf<{ n: number }>(
    await handle.db.execute(
      sql`select coalesce(sum(v.value), 0)::int as n from statistics_value v join statistics_submission s on s.id = v.submission_id join statistics_data_element e on e.id = v.data_element_id where s.partnership_id = ${tableId} and s.status = 'approved' and s.period_key = '2010Q1' and e.code = 'concern_raised' and v.combo_key = 'total'`,
    ),
  );
  const total = await discloseIndicator(handle.db, definition, { ...query, by: null }, { exact: true, threshold: 5 });
  expect(total.rows[0]!.cells[0]).toEqual({ value: row!.n });
});
