import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkA11y, ensureLanguage, launchBrowser, newContext, screenshot, signIn, visit } from "./support.ts";

// Issue 11: the header fits one row at 1280 px and folds behind "Menu" on a phone (no
// JavaScript needed); on a phone the 911 call is on the first screen of /pathway and of the
// consultation form.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(email: string, width: number, javaScriptEnabled = true): Promise<Page> {
  const page = await (await newContext(browser, { viewport: { width, height: 844 }, javaScriptEnabled })).newPage();
  await signIn(page, email);
  return page;
}

const headerHeight = (page: Page) => page.locator("header.site-header").evaluate((h) => h.getBoundingClientRect().height);

describe("the header", () => {
  for (const email of ["admin@filet.test", "coordination@filet.test"]) {
    it(`fits one row at 1280 px in both languages (${email})`, async () => {
      const page = await as(email, 1280);
      for (const locale of ["fr", "en"] as const) {
        await ensureLanguage(page, locale);
        await visit(page, "/");
        // One row of links: the brand's line height plus padding, not two or three rows.
        expect(await headerHeight(page)).toBeLessThan(80);
        expect(await page.locator("header .menu-button").isVisible()).toBe(false);
      }
      await ensureLanguage(page, "fr");
    });
  }

  it("folds behind Menu on a phone, and opens without JavaScript", async () => {
    const page = await as("intervenant.ecole@filet.test", 390, false);
    await page.goto(new URL("/pathway", page.url()).href);
    expect(await headerHeight(page)).toBeLessThan(80);
    const nav = page.locator('header nav a[href="/directory"]');
    expect(await nav.isVisible()).toBe(false);
    await page.locator("header .menu-button").click();
    expect(await nav.isVisible()).toBe(true);
    await screenshot(page, "header-phone-menu-open-fr");
  });

  it("on a phone the 911 call is on the first screen of the pathway and of the consultation form", async () => {
    const page = await as("intervenant.ecole@filet.test", 390);
    await ensureLanguage(page, "fr");
    await visit(page, "/pathway", "pathway-phone-first-screen-fr");
    const call = page.locator('main a[href="tel:911"]').first();
    expect((await call.boundingBox())!.y + 40).toBeLessThan(844);
    await checkA11y(page, "/pathway (390 px)");

    const ask = page.locator('main a[href^="/consultations/new?pivot="]').first();
    await visit(page, (await ask.getAttribute("href"))!, "consultation-form-phone-fr");
    const call2 = page.locator('main a[href="tel:911"]').first();
    expect((await call2.boundingBox())!.y + 40).toBeLessThan(844);
    await checkA11y(page, "/consultations/new (390 px)");
  });
});
