import { describe, expect, it } from "vitest";
import { translator } from "../../i18n/catalog.ts";
import { periodChoices } from "./periods.ts";
import { periodName, periodNameOfKey } from "./period-name.ts";

describe("period names from keys", () => {
  it("names every offered key as the period it was built from, in both languages", () => {
    for (const locale of ["fr", "en"] as const) {
      const t = translator(locale);
      for (const p of periodChoices("2026-12-06", 4, 2024)) {
        expect(periodName(periodNameOfKey(p.key)!, t, locale)).toBe(periodName(p, t, locale));
      }
    }
  });

  it("reads French ordinals and month names", () => {
    const t = translator("fr");
    expect(periodName(periodNameOfKey("2026-Q1")!, t, "fr")).toContain("1er");
    expect(periodName(periodNameOfKey("2026-Q3")!, t, "fr")).toContain("3e");
    expect(periodName(periodNameOfKey("2026-11")!, t, "fr")).toBe("novembre 2026");
    expect(periodName(periodNameOfKey("fy2026")!, t, "fr")).toBe("Exercice 2026-27");
  });

  it("refuses what is not a dashboard key", () => {
    for (const key of ["", "fy2026-Q1", "2026-13", "2026-00", "ytd2026-05", "abc", "2026-Q5"]) expect(periodNameOfKey(key)).toBeNull();
  });
});
