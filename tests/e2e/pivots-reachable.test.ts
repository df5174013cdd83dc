import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { checkA11y, ensureLanguage, heading, launchBrowser, mainText, newContext, screenshot, signIn, url, visit } from "./support.ts";

const WORKER = "intervenant.ecole@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const words = {
  fr: { title: "Demander conseil à une personne pivot", unreachable: "ne peut pas encore recevoir" },
  en: { title: "Ask a pivot worker for advice", unreachable: "cannot receive" },
} as const;

describe("every pivot the pathway offers can be consulted", () => {
  for (const locale of ["fr", "en"] as const) {
    it(`opens a working consultation form from every link of /pathway (${locale})`, async () => {
      const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signIn(page, WORKER);
      await ensureLanguage(page, locale);
      await visit(page, "/pathway", `pivots-pathway-${locale}-1280`);
      const cards = await page.locator('[data-testid="own-pivots"] > li, [data-testid="other-pivots"] > li').count();
      const links = await page
        .locator('main a[href^="/consultations/new"]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
      // The demo's pivots all have accounts: each card offers the form, none is a dead end.
      expect(cards).toBeGreaterThan(2);
      expect(links).toHaveLength(cards);
      for (const [i, href] of links.entries()) {
        await page.goto(url(href));
        await checkA11y(page, `${href} (${locale})`);
        expect(await heading(page)).toBe(words[locale].title);
        expect(await mainText(page)).not.toContain(words[locale].unreachable);
        expect(await page.locator('main form textarea[name="context"]').count()).toBe(1);
        expect(await page.locator('main form button[type="submit"]').count()).toBe(1);
        if (i === 0) await screenshot(page, `pivots-consultation-form-${locale}-1280`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await visit(page, "/pathway", `pivots-pathway-${locale}-390`);
      await ensureLanguage(page, "fr");
      await context.close();
    });
  }
});
