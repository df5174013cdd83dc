import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

/*
 * News on practices (issue 14 §4) in the browser: the Table coordinator publishes an article
 * without JavaScript (the guard stops a youth's details first); a pivot reads it in the feed and
 * comments in its network thread. Axe in French and English, screenshots at 1280 and 390 px.
 */
const COORDINATION = "coordination@filet.test";
const SOPHIE = "sophie.tremblay@filet.test";
const fr = catalog.fr;
const title = `Une nouvelle pratique d'accueil ${Date.now()}`;
let newsPath = "";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("news on practices", () => {
  it("the Table coordinator publishes a news item without JavaScript, after the guard stops a youth's details", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, COORDINATION);
    await page.goto(url("/network"));
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: fr["news.title"] }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: fr["news.new.title"] }).click()]);
    const form = page.locator('form:has([name="title"])');
    await form.locator('[name="title"]').fill(title);
    await form.locator('[name="body"]').fill("La jeune s'appelle Léa Tremblay, née le 14 mars 2009.");
    await submit(page, form.locator('[type="submit"]'));
    await expect.poll(() => page.locator("[data-guard-findings] li").count()).toBeGreaterThan(0);
    await screenshot(page, "news-new-findings-1280");
    await page.locator('form:has([name="title"]) [name="body"]').fill("Un premier contact dans les 48 heures, par le pivot de référence.\n\nÀ discuter dans les commentaires.");
    await submit(page, page.locator('form:has([name="title"]) [type="submit"]'));
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/network\/news\/[0-9a-f-]{36}$/);
    newsPath = new URL(page.url()).pathname;
    expect(await page.locator("h1").textContent()).toBe(title);
    expect(await mainText(page)).toContain(fr["news.published"]);
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: fr["news.edit.action"] }).click()]);
    expect(await page.locator("h1").textContent()).toBe(fr["news.edit.title"]);
    await screenshot(page, "news-edit-1280");
    await context.close();
  });

  it("a pivot reads it in the feed and comments in its thread; pages pass axe in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, SOPHIE);
    await ensureLanguage(page, "fr");
    await page.goto(url("/network/news"));
    expect(await mainText(page)).toContain(title);
    await checkA11y(page);
    await screenshot(page, "news-feed-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "news-feed-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url(newsPath));
    await checkA11y(page);
    await screenshot(page, "news-item-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "news-item-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await Promise.all([page.waitForURL(/\/network\/threads\//), page.getByRole("link", { name: fr["news.comment"] }).click()]);
    const reply = page.locator('form:has([name="intent"][value="reply"])');
    await reply.locator('[name="body"]').fill("Nous le faisons déjà dans notre école : ça rassure les familles.");
    await submit(page, reply.locator('[type="submit"]'));
    expect(await mainText(page)).toContain("ça rassure les familles");
    await page.goto(url(newsPath));
    expect(await mainText(page)).toContain("1 commentaire");
    // The demo's guide update: titled from its section, linking to it.
    await page.goto(url("/network/news"));
    await Promise.all([page.waitForURL(/\/network\/news\/[0-9a-f-]{36}$/), page.getByRole("link", { name: /^Section révisée/ }).first().click()]);
    await checkA11y(page);
    await screenshot(page, "news-guide-update-1280");
    expect(await page.getByRole("link", { name: fr["news.guideUpdate.read"] }).getAttribute("href")).toMatch(/^\/guide\/sections\//);
    await ensureLanguage(page, "en");
    await checkA11y(page);
    await screenshot(page, "news-guide-update-en-1280");
    await page.goto(url("/network/news"));
    await checkA11y(page);
    await page.goto(url(newsPath));
    await checkA11y(page);
    expect(await mainText(page)).toContain("1 comment");
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
