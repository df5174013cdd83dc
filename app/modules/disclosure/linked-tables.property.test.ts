import { describe, expect, it } from "vitest";
import { auditLinked } from "./audit-linked.ts";
import { exactLinked, protectLinked, type LinkedTables } from "./linked-tables.ts";
import { seededRandom } from "../../../tests/support/seeded-random.ts";

/**
 * Organizations with a type and a territory (and sometimes a second language group that
 * overlaps), published by organization (or not), by type, by territory and for the whole Table:
 * the dashboard's breakdowns of one indicator.
 */
function randomLinked(random: () => number): LinkedTables {
  const units = 2 + Math.floor(random() * 8);
  const columns = random() < 0.6 ? 1 : 2 + Math.floor(random() * 2);
  const count = () => {
    const r = random();
    return r < 0.25 ? 0 : r < 0.6 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 20);
  };
  const cells = Array.from({ length: units }, () => Array.from({ length: columns }, count));
  const partition = (parts: number) => {
    const of = Array.from({ length: units }, () => Math.floor(random() * parts));
    return Array.from({ length: parts }, (_, p) => of.flatMap((q, u) => (q === p ? [u] : []))).filter((g) => g.length > 0);
  };
  const everyUnit = cells.map((_, u) => u);
  const groups: number[][] = [everyUnit, ...partition(1 + Math.floor(random() * 4)), ...partition(1 + Math.floor(random() * 3))];
  if (random() < 0.7) groups.push(...everyUnit.map((u) => [u]));
  if (random() < 0.3) groups.push(everyUnit.filter(() => random() < 0.6), everyUnit.filter(() => random() < 0.6));
  return { units: cells, columns, groups: groups.filter((g) => g.length > 0), rowTotals: columns > 1 };
}

describe("protectLinked on random linked tables, checked by an independent audit", () => {
  it("shows no small figure, no wrong one, and no hidden figure can be pinned down from the other tables", async () => {
    const random = seededRandom(20261203);
    let hiddenSeen = 0;
    for (let n = 0; n < 150; n++) {
      const input = randomLinked(random);
      const threshold = random() < 0.8 ? 5 : 3;
      const published = await protectLinked(input, { threshold });
      const exact = exactLinked(input);
      const context = `tables ${n}: ${JSON.stringify(input)} threshold ${threshold}`;
      for (const g of input.groups) {
        for (const column of [...Array.from({ length: input.columns }, (_, c) => c), ...(input.rowTotals ? (["total"] as const) : [])]) {
          const shown = published.figure(g, column);
          const truth = exact.figure(g, column);
          if (shown.kind === "value") {
            expect(truth.kind === "value" && shown.value === truth.value, context).toBe(true);
            expect(shown.value === 0 || shown.value >= threshold, `${context} small ${JSON.stringify(g)} ${column}`).toBe(true);
          } else {
            expect(truth.kind === "value" && truth.value > 0, `${context} zero hidden`).toBe(true);
          }
        }
      }
      const intervals = await auditLinked(input, published);
      hiddenSeen += intervals.length;
      for (const f of intervals) {
        expect(f.min <= f.truth + 1e-6 && f.truth <= f.max + 1e-6, context).toBe(true);
        expect(f.max - f.min, `${context} ${JSON.stringify(f)}`).toBeGreaterThanOrEqual((f.mark === "primary" ? threshold : 1) - 1e-6);
      }
    }
    expect(hiddenSeen).toBeGreaterThan(300);
  }, 180_000);

  it("closes the attack that separate tables leave open: a type's figure minus the organizations shown", async () => {
    // Police: A = 3, B = 10; school: C = 6, D = 7. By organization alone A and one more are hidden;
    // the type table then gave police = 13 and A = 13 − 10.
    const input: LinkedTables = { units: [[3], [10], [6], [7]], columns: 1, groups: [[0], [1], [2], [3], [0, 1], [2, 3], [0, 1, 2, 3]], rowTotals: false };
    const published = await protectLinked(input, { threshold: 5 });
    expect(published.figure([0], 0)).toEqual({ kind: "suppressed", mark: "primary" });
    const intervals = await auditLinked(input, published);
    const a = intervals.find((f) => f.members.length === 1 && f.members[0] === 0)!;
    expect(a.max - a.min).toBeGreaterThanOrEqual(5);
  });
});
