import { createHash } from "node:crypto";
import type { Database } from "../db/client.server.ts";
import { protectLinked, type LinkedTables, type ProtectedLinked } from "../disclosure/linked-tables.ts";
import { discloseFigures, type DisclosedFigures, type LinkedSource, type Viewer } from "./disclose.server.ts";
import type { Disaggregation, IndicatorDefinition, IndicatorQuery, OrganizationFacts, Tallies } from "./figures.ts";
import { groupsOfOrganization, rollUp } from "./roll-up.ts";
import { tableOrganizations } from "./table-organizations.server.ts";

/**
 * One indicator for a Table, a period and a breakdown, as the viewer may see it. Every breakdown
 * the indicator offers is a table over the same organizations, so they are protected together
 * (ADR 014, linked tables): whichever breakdown a reader opens, the hidden figures are the same
 * and none comes back by subtracting one table from another.
 */
export async function discloseIndicator(
  db: Database,
  definition: IndicatorDefinition,
  query: IndicatorQuery,
  viewer: Viewer,
  organizations?: readonly OrganizationFacts[],
): Promise<DisclosedFigures> {
  const [tallies, orgs] = await Promise.all([definition.compute(db, query), organizations ?? tableOrganizations(db, query.partnershipId)]);
  const raw = rollUp(tallies, orgs, query.by);
  if (viewer.exact) return discloseFigures(raw, viewer);
  const units = unitsOf(tallies, orgs, [null, ...definition.disaggregations]);
  const source = await linkedSource(tallies, units, viewer.threshold, query.by);
  return discloseFigures(raw, viewer, source);
}

interface Units {
  /** Unit keys: organization ids, and null for what no organization of the Table accounts for. */
  keys: (string | null)[];
  /** Each breakdown's rows: row key → the units it adds up. */
  rowsOf: Map<Disaggregation | null, Map<string, number[]>>;
}

function unitsOf(tallies: Tallies, organizations: readonly OrganizationFacts[], breakdowns: readonly (Disaggregation | null)[]): Units {
  const facts = new Map(organizations.map((o) => [o.id, o]));
  const raw = tallies.shape === "median" ? tallies.observations.map((o) => o.organizationId) : [...tallies.byOrganization.keys()];
  const keys = [...new Set(raw.map((k) => (k !== null && facts.has(k) ? k : null)))];
  const rowsOf = new Map<Disaggregation | null, Map<string, number[]>>();
  for (const by of breakdowns) {
    const rows = new Map<string, number[]>();
    keys.forEach((key, unit) => {
      const groups = by === null ? groupsOfOrganization(undefined, null) : groupsOfOrganization(key === null ? undefined : facts.get(key), by);
      for (const g of groups) rows.set(g.key, [...(rows.get(g.key) ?? []), unit]);
    });
    rowsOf.set(by, rows);
  }
  return { keys, rowsOf };
}

async function linkedSource(tallies: Tallies, units: Units, threshold: number, shown: Disaggregation | null): Promise<LinkedSource> {
  const unitIndex = new Map(units.keys.map((k, i) => [k, i]));
  const every = units.keys.map((_, i) => i);
  // The whole Table is declared even with no unit, so that an empty indicator shows its zero.
  const groups = [every, ...[...units.rowsOf.values()].flatMap((rows) => [...rows.values()])];
  const rows = units.rowsOf.get(shown) ?? new Map<string, number[]>();
  const members = (key: string) => (key === "all" || key === "total" ? every : (rows.get(key) ?? []));
  const unitOf = (organizationId: string | null) => unitIndex.get(organizationId !== null && unitIndex.has(organizationId) ? organizationId : null)!;
  const sums = (width: number, add: (into: number[][]) => void) => {
    const into = units.keys.map(() => new Array<number>(width).fill(0));
    add(into);
    return into;
  };
  const protect = (cells: number[][], columns: number) => cachedProtection({ units: cells, columns, groups, rowTotals: columns > 1 }, threshold);
  if (tallies.shape === "count") {
    const width = tallies.categories?.length ?? 1;
    const cells = sums(width, (into) => {
      for (const [org, counts] of tallies.byOrganization) counts.forEach((c, j) => (into[unitOf(org)]![j]! += c));
    });
    return { members, series: { count: await protect(cells, width) } };
  }
  if (tallies.shape === "ratio") {
    const part = (pick: (r: { numerator: number; denominator: number }) => number) =>
      sums(1, (into) => {
        for (const [org, r] of tallies.byOrganization) into[unitOf(org)]![0]! += pick(r);
      });
    const [numerator, denominator] = await Promise.all([protect(part((r) => r.numerator), 1), protect(part((r) => r.denominator), 1)]);
    return { members, series: { numerator, denominator } };
  }
  const observed = sums(1, (into) => {
    for (const o of tallies.observations) into[unitOf(o.organizationId)]![0]! += 1;
  });
  return { members, series: { observations: await protect(observed, 1) } };
}

/**
 * The dashboard asks for the same indicator and period several times (its value, then a
 * breakdown; the indicator page, its export): one solve per set of figures. Protection is a
 * function of the figures and the threshold alone, so a cached answer is the answer.
 */
const cache = new Map<string, Promise<ProtectedLinked>>();
const CACHE_SIZE = 500;

function cachedProtection(input: LinkedTables, threshold: number): Promise<ProtectedLinked> {
  const key = createHash("sha256").update(JSON.stringify([threshold, input])).digest("base64url");
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const made = protectLinked(input, { threshold });
  made.catch(() => cache.delete(key));
  cache.set(key, made);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return made;
}
