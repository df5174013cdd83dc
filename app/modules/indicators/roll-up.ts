import { ALL_GROUP, type Disaggregation, type Group, type OrganizationFacts, type RawFigures, type Tallies } from "./figures.ts";

/**
 * Tallies per organization → the groups of one breakdown (plain). Records not attributable to an
 * organization, and breakdowns where an organization sits in several groups (languages), make
 * the whole-Table figure something other than the sum of the rows: it is then given apart.
 */
export function rollUp(tallies: Tallies, organizations: readonly OrganizationFacts[], by: Disaggregation | null): RawFigures {
  const facts = new Map(organizations.map((o) => [o.id, o]));
  const groupsOf = (organizationId: string | null): Group[] => groupsOfOrganization(organizationId ? facts.get(organizationId) : undefined, by);
  const keys = tallies.shape === "median" ? tallies.observations.map((o) => o.organizationId) : [...tallies.byOrganization.keys()];
  const unattributed = keys.some((k) => k === null || !facts.has(k));
  const additive = by === null || (by !== "language" && !unattributed);
  const order = new Map<string, Group>();
  const rowsFor = (organizationId: string | null) => {
    const groups = groupsOf(organizationId);
    for (const g of groups) if (!order.has(g.key)) order.set(g.key, g);
    return groups.map((g) => g.key);
  };
  const sorted = () => [...order.values()].sort(compareGroups);

  if (tallies.shape === "count") {
    const width = tallies.categories?.length ?? 1;
    const sums = new Map<string, number[]>();
    const overall = new Array<number>(width).fill(0);
    for (const [organizationId, counts] of tallies.byOrganization) {
      counts.forEach((c, i) => (overall[i] = (overall[i] ?? 0) + c));
      for (const key of rowsFor(organizationId)) {
        const row = sums.get(key) ?? new Array<number>(width).fill(0);
        counts.forEach((c, i) => (row[i] = (row[i] ?? 0) + c));
        sums.set(key, row);
      }
    }
    if (by === null && !order.has(ALL_GROUP.key)) order.set(ALL_GROUP.key, ALL_GROUP);
    const groups = sorted();
    return {
      shape: "count",
      groups,
      categories: tallies.categories,
      counts: groups.map((g) => sums.get(g.key) ?? new Array<number>(width).fill(0)),
      additive,
      ...(additive ? {} : { overall }),
    };
  }
  if (tallies.shape === "ratio") {
    const sums = new Map<string, { numerator: number; denominator: number }>();
    const overall = { numerator: 0, denominator: 0 };
    for (const [organizationId, r] of tallies.byOrganization) {
      overall.numerator += r.numerator;
      overall.denominator += r.denominator;
      for (const key of rowsFor(organizationId)) {
        const s = sums.get(key) ?? { numerator: 0, denominator: 0 };
        s.numerator += r.numerator;
        s.denominator += r.denominator;
        sums.set(key, s);
      }
    }
    if (by === null && !order.has(ALL_GROUP.key)) order.set(ALL_GROUP.key, ALL_GROUP);
    const groups = sorted();
    return {
      shape: "ratio",
      groups,
      numerators: groups.map((g) => sums.get(g.key)?.numerator ?? 0),
      denominators: groups.map((g) => sums.get(g.key)?.denominator ?? 0),
      additive,
      ...(additive ? {} : { overall }),
    };
  }
  const lists = new Map<string, number[]>();
  for (const { organizationId, value } of tallies.observations) {
    for (const key of rowsFor(organizationId)) lists.set(key, [...(lists.get(key) ?? []), value]);
  }
  if (by === null && !order.has(ALL_GROUP.key)) order.set(ALL_GROUP.key, ALL_GROUP);
  const groups = sorted();
  const all = tallies.observations.map((o) => o.value);
  return {
    shape: "median",
    groups,
    values: groups.map((g) => median(lists.get(g.key) ?? [])),
    observations: groups.map((g) => lists.get(g.key)?.length ?? 0),
    overall: { value: median(all), observations: all.length },
  };
}

/** The rows of a breakdown an organization counts in (none when it is not one of the Table's). */
export function groupsOfOrganization(o: OrganizationFacts | undefined, by: Disaggregation | null): Group[] {
  if (by === null) return [ALL_GROUP];
  if (!o) return [];
  switch (by) {
    case "organization":
      return [{ key: o.id, name: { fr: o.nameFr, en: o.nameEn } }];
    case "organization_type":
      return [{ key: o.type }];
    case "territory":
      return [{ key: o.territory.trim(), name: { fr: o.territory.trim(), en: o.territory.trim() } }];
    case "language":
      return o.languages.map((l) => ({ key: l }));
  }
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const compareGroups = (a: Group, b: Group) => (a.name?.fr ?? a.key).localeCompare(b.name?.fr ?? b.key, "fr");
