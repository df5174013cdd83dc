/** Small builders for computations' tallies (plain). */

/** Rows `{ organizationId, n }` → a one-column count tally. */
export function countByOrganization(rows: readonly { organizationId: string | null; n: number | string }[]): Map<string | null, number[]> {
  const out = new Map<string | null, number[]>();
  for (const r of rows) out.set(r.organizationId, [(out.get(r.organizationId)?.[0] ?? 0) + Number(r.n)]);
  return out;
}

/** Rows `{ organizationId, numerator, denominator }` → a ratio tally. */
export function ratioByOrganization(
  rows: readonly { organizationId: string | null; numerator: number | string; denominator: number | string }[],
): Map<string | null, { numerator: number; denominator: number }> {
  const out = new Map<string | null, { numerator: number; denominator: number }>();
  for (const r of rows) {
    const s = out.get(r.organizationId) ?? { numerator: 0, denominator: 0 };
    s.numerator += Number(r.numerator);
    s.denominator += Number(r.denominator);
    out.set(r.organizationId, s);
  }
  return out;
}
