import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkA11y, ensureLanguage, launchBrowser, newContext, screenshot, signIn, url } from "./support.ts";

/**
 * No page scrolls sideways on a phone (issue 11 #9): a wide table scrolls inside its own named,
 * focusable box with a hint, the page itself stays 390 px wide. The matrix is wide at 1280 px
 * too: the same rule holds there.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 390, height: 844 };

async function pageWidth(page: Page): Promise<{ document: number; viewport: number }> {
  return page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
}

/** Every table box that overflows: its name, whether its hint shows and whether the keyboard scrolls it. */
async function overflowingBoxes(page: Page) {
  const boxes = page.locator(".table-scroll");
  const out: { label: string | null; hint: boolean; scrolled: boolean }[] = [];
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    const overflows = await box.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    if (!overflows) continue;
    await box.focus();
    await page.keyboard.press("ArrowRight");
    // Keyboard scrolling is animated: give it a moment.
    const scrolled = await box
      .evaluate((el) => new Promise<boolean>((resolve) => {
        const started = Date.now();
        const check = () => (el.scrollLeft > 0 ? resolve(true) : Date.now() - started > 1500 ? resolve(false) : requestAnimationFrame(check));
        check();
      }));
    out.push({ label: await box.getAttribute("aria-label"), hint: await box.locator(".table-scroll-hint").isVisible(), scrolled });
  }
  return out;
}

const pagesOf: Record<string, string[]> = {
  "coordination@filet.test": [
    "/consultations",
    "/training",
    "/partners",
    "/partners/commitments",
    "/partners/matrix",
    "/meetings",
    "/meetings/decisions",
    "/table/funding",
    "/training/results",
    "/training/stats",
    "/directory/designations",
    "/pathway/versions",
  ],
  "admin@filet.test": ["/admin/people", "/admin/organizations", "/admin/tables", "/admin/outbox"],
  "pivot.cjq@filet.test": ["/consultations", "/training/certificates"],
};

describe("pages on a phone", () => {
  it.each(Object.keys(pagesOf))("%s: no page is wider than a 390 px screen; wide tables scroll in their own named box", async (persona) => {
    const page = await (await newContext(browser, { viewport: PHONE })).newPage();
    await signIn(page, persona);
    const problems: string[] = [];
    let overflowing = 0;
    for (const pathname of pagesOf[persona]!) {
      await page.goto(url(pathname));
      // Folded parts (an archive year in <details>) count too: open them before measuring.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const width = await pageWidth(page);
      if (width.document > width.viewport) problems.push(`${pathname}: the page is ${width.document} px wide on a ${width.viewport} px screen`);
      for (const box of await overflowingBoxes(page)) {
        overflowing++;
        if (!box.label) problems.push(`${pathname}: a scrolling table box has no name`);
        if (!box.hint) problems.push(`${pathname}: "${box.label}" overflows without its hint`);
        if (!box.scrolled) problems.push(`${pathname}: "${box.label}" does not scroll from the keyboard`);
      }
    }
    expect(problems).toEqual([]);
    if (persona === "coordination@filet.test") expect(overflowing).toBeGreaterThan(3);
  });

  it("the training list on a phone: the hint shows, axe is clean in French and English", async () => {
    const page = await (await newContext(browser, { viewport: PHONE })).newPage();
    await signIn(page, "coordination@filet.test");
    await page.goto(url("/training"));
    const box = page.locator(".table-scroll").filter({ has: page.locator("table") }).first();
    await expect.poll(() => box.locator(".table-scroll-hint").textContent()).toBe("Faites défiler le tableau de côté pour voir toutes les colonnes.");
    await checkA11y(page, "/training at 390 px (fr)");
    await screenshot(page, "phone-training-fr-390");
    await ensureLanguage(page, "en");
    await page.goto(url("/partners/commitments"));
    expect(await page.locator(".table-scroll-hint").first().textContent()).toBe("Scroll the table sideways to see every column.");
    await checkA11y(page, "/partners/commitments at 390 px (en)");
    await screenshot(page, "phone-commitments-en-390");
  });

  it("at 1280 px the wide tables stay in their box and a table that fits shows no hint", async () => {
    const page = await (await newContext(browser, { viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, "coordination@filet.test");
    for (const pathname of ["/partners/matrix", "/partners/commitments", "/consultations", "/training"]) {
      await page.goto(url(pathname));
      // Folded parts (an archive year in <details>) count too: open them before measuring.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const width = await pageWidth(page);
      expect(width.document, pathname).toBeLessThanOrEqual(width.viewport);
    }
    await page.goto(url("/partners"));
    const box = page.locator(".table-scroll").first();
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(false);
    expect(await box.locator(".table-scroll-hint").isVisible()).toBe(false);
    await screenshot(page, "partners-1280");
  });
});
