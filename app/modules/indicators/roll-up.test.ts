import { describe, expect, it } from "vitest";
import type { OrganizationFacts } from "./figures.ts";
import { median, rollUp } from "./roll-up.ts";

const orgs: OrganizationFacts[] = [
  { id: "a", type: "school", nameFr: "École A", nameEn: "School A", territory: "Québec", languages: ["fr"] },
  { id: "b", type: "school", nameFr: "École B", nameEn: "School B", territory: "Lévis", languages: ["fr", "en"] },
  { id: "c", type: "police", nameFr: "Police C", nameEn: "Police C", territory: "Québec", languages: ["fr"] },
];

describe("rolling tallies up into groups", () => {
  const counts = { shape: "count" as const, categories: null, byOrganization: new Map<string | null, number[]>([["a", [3]], ["b", [4]], ["c", [6]]]) };

  it("sums organizations into their type and territory; the groups are a partition so totals add up", () => {
    const byType = rollUp(counts, orgs, "organization_type");
    expect(byType).toMatchObject({ shape: "count", additive: true });
    if (byType.shape !== "count") throw new Error();
    expect(Object.fromEntries(byType.groups.map((g, i) => [g.key, byType.counts[i]]))).toEqual({ school: [7], police: [6] });
    const byTerritory = rollUp(counts, orgs, "territory");
    if (byTerritory.shape !== "count") throw new Error();
    expect(Object.fromEntries(byTerritory.groups.map((g, i) => [g.key, byTerritory.counts[i]]))).toEqual({ "Québec": [9], "Lévis": [4] });
  });

  it("gives the whole Table apart when a breakdown overlaps (languages) or a record has no organization", () => {
    const byLanguage = rollUp(counts, orgs, "language");
    expect(byLanguage).toMatchObject({ additive: false, overall: [13] });
    const withTable = rollUp({ ...counts, byOrganization: new Map([...counts.byOrganization, [null, [2]]]) }, orgs, "organization");
    expect(withTable).toMatchObject({ additive: false, overall: [15] });
    expect(rollUp({ ...counts, byOrganization: new Map([[null, [2]]]) }, orgs, null)).toMatchObject({ groups: [{ key: "all" }], counts: [[2]], additive: true });
  });

  it("adds numerators and denominators of ratios, and takes medians of the observations themselves", () => {
    const ratio = rollUp({ shape: "ratio", byOrganization: new Map([["a", { numerator: 1, denominator: 1 }], ["b", { numerator: 0, denominator: 1 }], ["c", { numerator: 1, denominator: 1 }]]) }, orgs, "organization_type");
    expect(ratio).toMatchObject({ numerators: [1, 1], denominators: [1, 2] });
    const med = rollUp({ shape: "median", observations: [{ organizationId: "a", value: 10 }, { organizationId: "b", value: 30 }, { organizationId: "c", value: 100 }] }, orgs, "organization_type");
    expect(med).toMatchObject({ values: [100, 20], observations: [1, 2], overall: { value: 30, observations: 3 } });
    expect(median([])).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
