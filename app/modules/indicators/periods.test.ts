import { describe, expect, it } from "vitest";
import { fiscalYearOf, parsePeriod, periodChoices, previousPeriod } from "./periods.ts";

const today = "2026-12-03";

describe("reporting periods", () => {
  it("reads each kind of key into its days", () => {
    expect(parsePeriod("fy2026", 4, today)).toMatchObject({ kind: "fiscal_year", from: "2026-04-01", to: "2027-03-31" });
    expect(parsePeriod("fy2026", 1, today)).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(parsePeriod("2025", 4, today)).toMatchObject({ kind: "year", from: "2025-01-01", to: "2025-12-31" });
    expect(parsePeriod("2024-Q1", 4, today)).toMatchObject({ kind: "quarter", part: 1, from: "2024-01-01", to: "2024-03-31" });
    expect(parsePeriod("2024-02", 4, today)).toMatchObject({ kind: "month", from: "2024-02-01", to: "2024-02-29" });
    expect(parsePeriod("ytd2026", 4, today)).toMatchObject({ kind: "ytd", from: "2026-01-01", to: "2026-12-03" });
  });

  it("refuses anything else a URL may carry", () => {
    for (const key of ["", "fy", "2026-13", "2026-00", "2026-Q5", "fy2026-Q1", "1200", "99999", "2026-1", "../etc", "fy2026 "]) expect(parsePeriod(key, 4, today)).toBeNull();
  });

  it("compares with the period before, across year ends", () => {
    expect(previousPeriod(parsePeriod("2026-Q1", 4, today)!, 4, today).key).toBe("2025-Q4");
    expect(previousPeriod(parsePeriod("2026-01", 4, today)!, 4, today).key).toBe("2025-12");
    expect(previousPeriod(parsePeriod("fy2026", 4, today)!, 4, today)).toMatchObject({ from: "2025-04-01", to: "2026-03-31" });
    // Year to date against the same stretch of last year, not the whole of it.
    expect(previousPeriod(parsePeriod("ytd2026", 4, today)!, 4, today)).toMatchObject({ from: "2025-01-01", to: "2025-12-03" });
  });

  it("knows the fiscal year of a day and offers periods that have begun", () => {
    expect(fiscalYearOf("2026-03-31", 4)).toBe("fy2025");
    expect(fiscalYearOf("2026-04-01", 4)).toBe("fy2026");
    const keys = periodChoices(today, 4, 2024).map((p) => p.key);
    expect(keys[0]).toBe("fy2026");
    expect(keys).toContain("2026-Q4");
    expect(keys).not.toContain("2027");
    expect(keys).toContain("2026-12");
  });
});
