import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { followLink, checkA11y, ensureLanguage, heading, launchBrowser, newContext, screenshot, signIn, url } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const cardNames = (page: Page) => page.locator("main ul.cards article h3").allTextContents();
const staleBadge = (page: Page, locale: "fr" | "en") => page.locator("main .badge.stale", { hasText: catalog[locale]["directory.entry.stale"] });

async function searchDirectory(page: Page, text: string) {
  await page.goto(url("/directory"));
  await page.locator("#directory-q").fill(text);
  await Promise.all([page.waitForURL((u) => u.pathname === "/directory" && u.searchParams.get("q") === text), page.locator('main form[role="search"] button[type="submit"]').click()]);
  await page.waitForLoadState("load");
}

describe("the pivot directory", () => {
  it("lets the school worker find Hélène by typing “helene”, in French and English, accessibly", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "intervenant.ecole@filet.test");
    await ensureLanguage(page, "fr");
    await searchDirectory(page, "helene");
    expect(await heading(page)).toBe(catalog.fr["directory.title"]);
    // Only this Table's Hélène: the other Table's one never shows.
    expect(await cardNames(page)).toEqual(["Hélène Bouchard"]);
    await expect.poll(() => page.locator('main a[href^="tel:"]').count()).toBeGreaterThan(0);
    await checkA11y(page, "/directory?q=helene (fr)");
    await screenshot(page, "directory-search-helene-fr");

    await ensureLanguage(page, "en");
    await page.goto(url("/directory?q=helene"));
    expect(await heading(page)).toBe(catalog.en["directory.title"]);
    expect(await cardNames(page)).toEqual(["Hélène Bouchard"]);
    await checkA11y(page, "/directory?q=helene (en)");
    // The whole directory, with its filters open.
    await page.goto(url("/directory?language=fr"));
    await checkA11y(page, "/directory?language=fr (en)");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("finds a pivot by expertise or language, shows the territory, and leads to the consultation form, on a phone", async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, "intervenant.ecole@filet.test");
    await ensureLanguage(page, "fr");
    await searchDirectory(page, "fugue");
    expect(await cardNames(page)).toContain("Karine Fortier");
    const karine = page.locator("main ul.cards article", { has: page.locator("h3", { hasText: "Karine Fortier" }) });
    await expect.poll(() => karine.textContent()).toContain(catalog.fr["directory.entry.territory"]);
    const ask = karine.getByRole("link", { name: catalog.fr["directory.entry.askLabel"].replace("{name}", "Karine Fortier") });
    expect(await ask.textContent()).toBe(catalog.fr["directory.entry.ask"]);
    await checkA11y(page, "/directory?q=fugue (fr, 390 px)");
    await screenshot(page, "directory-fugue-fr-390");

    await ensureLanguage(page, "en");
    await searchDirectory(page, "english");
    expect(await cardNames(page)).toContain("Karine Fortier");
    await searchDirectory(page, "anglais");
    expect(await cardNames(page)).toContain("Karine Fortier");
    await checkA11y(page, "/directory?q=anglais (en, 390 px)");
    await screenshot(page, "directory-anglais-en-390");
    const askEn = karine.getByRole("link", { name: catalog.en["directory.entry.askLabel"].replace("{name}", "Karine Fortier") });
    await followLink(page, askEn);
    expect(new URL(page.url()).pathname).toBe("/consultations/new");
    expect(await heading(page)).toBe(catalog.en["consultations.new.title"]);
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("flags a stale entry, and its owner's one-click confirmation clears the flag", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "pivot.cjq@filet.test");
    await ensureLanguage(page, "fr");
    await searchDirectory(page, "karine");
    expect(await cardNames(page)).toEqual(["Karine Fortier"]);
    await expect.poll(() => staleBadge(page, "fr").count(), { message: "Karine's entry is flagged" }).toBe(1);

    await page.goto(url("/directory/mine"));
    expect(await heading(page)).toBe(catalog.fr["directory.mine.title"]);
    await checkA11y(page, "/directory/mine (fr, stale)");
    await ensureLanguage(page, "en");
    await page.goto(url("/directory/mine"));
    await checkA11y(page, "/directory/mine (en, stale)");
    await screenshot(page, "directory-mine-stale-en");
    const confirm = page.locator("main form button[type=submit]").first();
    await Promise.all([page.waitForURL((u) => u.searchParams.get("confirmed") === "1"), confirm.click()]);
    await expect.poll(() => page.locator("main .alert.success").textContent()).toContain(catalog.en["directory.mine.confirmed"]);
    expect(await staleBadge(page, "en").count()).toBe(0);
    await checkA11y(page, "/directory/mine (en, confirmed)");

    await ensureLanguage(page, "fr");
    await page.goto(url("/directory?q=karine"));
    expect(await cardNames(page)).toEqual(["Karine Fortier"]);
    expect(await staleBadge(page, "fr").count(), "the flag is gone").toBe(0);
    await context.close();
  });

  it("gives the Table coordinator accessible designation pages, and a worker none", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    for (const locale of ["fr", "en"] as const) {
      await ensureLanguage(page, locale);
      for (const path of ["/directory/designations", "/directory/designations/new", "/directory/stale"]) {
        await page.goto(url(path));
        await heading(page);
        await checkA11y(page, `${path} (${locale})`);
      }
      await page.goto(url("/directory/designations"));
      const first = page.locator('main table a[href^="/directory/designations/"]').first();
      await followLink(page, first);
      await heading(page);
      await checkA11y(page, `designation page (${locale})`);
    }
    await ensureLanguage(page, "fr");
    await context.close();

    const workerContext = await newContext(browser);
    const worker = await workerContext.newPage();
    await signIn(worker, "intervenant.ecole@filet.test");
    const response = await worker.goto(url("/directory/designations"));
    expect(response?.status()).toBe(404);
    await workerContext.close();
  });
});
