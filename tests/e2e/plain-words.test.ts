import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkA11y, ensureLanguage, launchBrowser, mainText, newContext, signIn, visit } from "./support.ts";

// Issue 11 ("right words in the right colour"), on the demo data: an ended grant, a plan action
// past its end date that is still under way.
const COORDINATOR = "coordination@filet.test";

let browser: Browser;
let page: Page | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
/** The coordinator's page, signed in once (signIn polls: it runs inside a test). */
async function coordinator(): Promise<Page> {
  if (!page) {
    page = await (await newContext(browser)).newPage();
    await signIn(page, COORDINATOR);
  }
  return page;
}
afterAll(async () => {
  await browser?.close();
});

/** The text of the remaining-money cell (5th: funder, period, amount, spent, remaining) of every row flagged as ended. */
async function endedRemaining(p: Page): Promise<string[]> {
  return p.locator("main tbody tr").evaluateAll((rows) =>
    rows.filter((r) => r.querySelector(".badge")?.textContent?.match(/Terminée|Ended/)).map((r) => (r.children[4]?.textContent ?? "").trim()),
  );
}

describe("right words in the right colour", () => {
  for (const locale of ["fr", "en"] as const) {
    it(`an ended grant shows what it left unspent, never money left (${locale})`, async () => {
      const page = await coordinator();
      await ensureLanguage(page, locale);
      await visit(page, "/funding", `funding-ended-${locale}`);
      const cells = await endedRemaining(page);
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell === "—" || cell.startsWith(locale === "fr" ? "non dépensé" : "unspent")).toBe(true);
      await checkA11y(page, `/funding (${locale})`);
    });

    it(`a plan action past its end date and not done is flagged late (${locale})`, async () => {
      const page = await coordinator();
      await ensureLanguage(page, locale);
      await visit(page, "/action-plan/2026", `action-plan-late-${locale}`);
      const late = page.locator("main .badge.overdue");
      expect(await late.count()).toBeGreaterThan(0);
      expect((await late.first().textContent())?.trim()).toBe(locale === "fr" ? "En retard" : "Late");
      // Only actions still planned or under way are late: a done one never is.
      const flaggedDone = await page.locator("main tr:has(.badge.status-done) .badge.overdue").count();
      expect(flaggedDone).toBe(0);
      await checkA11y(page, `/action-plan/2026 (${locale})`);
    });
  }

  it("the pairs page never shows solver jargon", async () => {
    const page = await coordinator();
    await ensureLanguage(page, "fr");
    await visit(page, "/training/pairs");
    expect(await mainText(page)).not.toMatch(/Optimal|Time limit|HiGHS a/);
  });
});
