import { describe, expect, it } from "vitest";
import { findIdentifyingDetails } from "../modules/consultations/pii/find-identifying-details.ts";
import { excerptOf } from "./guard-findings.tsx";

const excerpt = (text: string) => {
  const [finding] = findIdentifyingDetails(text);
  return excerptOf(text, finding!);
};

describe("the words around a finding", () => {
  it("shows a short text whole", () => {
    expect(excerpt("Rappeler le 418 555-1234 demain.")).toEqual({ before: "Rappeler le ", found: "418 555-1234", after: " demain." });
  });

  it("cuts a long text at spaces, with an ellipsis where it goes on, on one line", () => {
    const text = `${"Une longue mise en contexte sans détail. ".repeat(3)}\nElle répond au 581 555-0177\nle soir. ${"Encore du texte. ".repeat(5)}`;
    const { before, found, after } = excerpt(text);
    expect(found).toBe("581 555-0177");
    expect(before.startsWith("…")).toBe(true);
    expect(before.endsWith(" Elle répond au ")).toBe(true);
    expect(after.startsWith(" le soir.")).toBe(true);
    expect(after.endsWith("…")).toBe(true);
    expect(`${before}${after}`).not.toMatch(/\n/);
    expect(before.length).toBeLessThanOrEqual(42);
  });
});
