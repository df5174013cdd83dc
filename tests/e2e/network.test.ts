import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, htmlLang, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

/*
 * The pivot network in the browser: a pivot posts without JavaScript (the guard stops a youth's
 * name first) and mentions a colleague; the colleague sees the mention and reports the post; the
 * Table coordinator hides it from the review queue. Axe in French and English, 1280 and 390 px.
 */
const KARINE = "pivot.cjq@filet.test";
const HELENE = "helene.bouchard@filet.test";
const COORDINATION = "coordination@filet.test";
const fr = catalog.fr;
const title = `Partage sur l'accueil des demandes ${Date.now()}`;
let threadPath = "";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the pivot network", () => {
  it("a pivot starts a thread without JavaScript, mentioning a colleague, after the guard stops a youth's name", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, KARINE);
    await page.goto(url("/network"));
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: fr["forum.space.network"] }).click()]);
    const form = page.locator('form:has([name="title"])');
    await form.locator('[name="title"]').fill(title);
    await form.locator('[name="body"]').fill("La jeune s'appelle Léa Tremblay, née le 14 mars 2009.");
    await submit(page, form.locator('[type="submit"]'));
    await expect.poll(() => page.locator("[data-guard-findings] li").count()).toBeGreaterThan(0);
    await page.locator('form:has([name="title"]) [name="body"]').fill("Comment gérez-vous l'accueil d'une demande le vendredi soir ? @helene.bouchard, tu en parlais à la dernière rencontre.");
    await submit(page, page.locator('form:has([name="title"]) [type="submit"]'));
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/network\/threads\/[0-9a-f-]{36}$/);
    threadPath = new URL(page.url()).pathname;
    expect(await page.locator("h1").textContent()).toBe(title);
    await context.close();
  });

  it("the colleague sees the mention, reports the post; pages pass axe in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, HELENE);
    await ensureLanguage(page, "fr");
    await page.goto(url("/network"));
    await checkA11y(page);
    await screenshot(page, "network-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "network-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url("/network/notifications"));
    expect(await mainText(page)).toContain(title);
    await checkA11y(page);
    await page.goto(url(threadPath));
    await checkA11y(page);
    await screenshot(page, "network-thread-1280");
    const first = page.locator("#post-1");
    await first.locator("summary").click();
    await first.locator('select[name="reason"]').selectOption("off_topic");
    await submit(page, first.locator('form [type="submit"]'));
    expect(await mainText(page)).toContain("le message a été signalé à la modération");
    await ensureLanguage(page, "en");
    await page.goto(url("/network"));
    await checkA11y(page);
    await page.goto(url(threadPath));
    await checkA11y(page);
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("the Table coordinator hides the reported post from the review queue", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATION);
    await page.goto(url("/network/moderation"));
    await checkA11y(page);
    const item = page.locator("section", { has: page.getByRole("link", { name: title }) });
    await item.locator('input[name="reason"]').fill("Hors sujet pour cet espace");
    await submit(page, item.locator('form:has([name="reason"]) [type="submit"]'));
    // Other files switch coordination@'s language (and back) while this one runs: read the page's.
    const words = (await htmlLang(page)) === "en" ? catalog.en : catalog.fr;
    expect(await mainText(page)).toContain(words["forum.saved.hidden"]);
    await page.goto(url(threadPath));
    const wordsNow = (await htmlLang(page)) === "en" ? catalog.en : catalog.fr;
    expect(await mainText(page)).toContain(wordsNow["forum.post.hiddenNotice"]);
    await context.close();
  });
});
