import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

/*
 * Threads inside Filet objects (issue 14 §1) in the browser. The Table coordinator, without
 * JavaScript, finds the demo's action thread in the Table's space, follows "About:" back to the
 * action plan, starts a discussion on another action, replies, and sees the count on the plan.
 * A pivot (marc-andre.pelletier@, owned here) opens the demo guide section's discussion. Axe in
 * French (and English for the pivot), screenshots at 1280 and 390 px.
 */
const COORDINATION = "coordination@filet.test";
const PIVOT = "marc-andre.pelletier@filet.test";
const fr = catalog.fr;
const ACTION = "Donner la formation de base de deux jours";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("threads inside Filet objects", () => {
  it("the Table coordinator opens a discussion on an action-plan action without JavaScript and sees its count", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, COORDINATION);
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    await page.goto(url("/network"));
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: fr["forum.space.table"] }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Réunir les formateurs deux fois par année" }).click()]);
    expect(await page.locator(".forum-about a").textContent()).toBe("Réunir les formateurs deux fois par année");
    await checkA11y(page);
    await screenshot(page, "subjects-thread-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "subjects-thread-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await Promise.all([page.waitForNavigation(), page.locator(".forum-about a").click()]);
    expect(new URL(page.url()).pathname).toMatch(/^\/action-plan\/\d{4}$/);
    const planPath = new URL(page.url()).pathname;
    const row = page.locator("tr", { hasText: ACTION });
    // The "start a discussion" page of another action (its GET form, with an optional first message).
    const startPath = await page.locator("tr", { hasText: "Prévoir un observateur à chaque formation" }).getByRole("link", { name: fr["forum.subject.start"] }).getAttribute("href");
    expect(startPath).toMatch(/^\/network\/subjects\/action_plan_action\/[0-9a-f-]{36}$/);
    await Promise.all([page.waitForNavigation(), row.getByRole("link", { name: fr["forum.subject.start"] }).click()]);
    await submit(page, page.locator("main form button[type=submit]"));
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/network\/threads\/[0-9a-f-]{36}$/);
    expect(await page.locator("h1").textContent()).toBe(ACTION);
    const reply = page.locator('form:has([name="intent"][value="reply"])');
    await reply.locator('[name="body"]').fill("Les dates de janvier conviennent au SPVQ.");
    await submit(page, reply.locator('[type="submit"]'));
    expect(await mainText(page)).toContain("Les dates de janvier conviennent au SPVQ.");
    await page.goto(url(planPath));
    expect(await page.locator("tr", { hasText: ACTION }).textContent()).toContain("Discussion (2 messages)");
    await checkA11y(page);
    await screenshot(page, "subjects-action-plan-1280");
    await page.goto(url(startPath!));
    expect(await page.locator("h1").textContent()).toBe(fr["forum.subject.start"]);
    await checkA11y(page);
    await screenshot(page, "subjects-start-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "subjects-start-390");
    await context.close();
  });

  it("a pivot opens the demo guide section's discussion; axe in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, PIVOT);
    await ensureLanguage(page, "fr");
    await page.goto(url("/guide"));
    await Promise.all([page.waitForURL(/\/guide\/sections\//), page.getByRole("link", { name: "Reconnaître l'exploitation sexuelle" }).first().click()]);
    const sectionPath = new URL(page.url()).pathname;
    await Promise.all([page.waitForURL(/\/network\/threads\//), page.getByRole("link", { name: /^Discussion \(\d+ messages?\)$/ }).click()]);
    expect(await page.locator(".forum-about a").getAttribute("href")).toBe(sectionPath);
    expect(await mainText(page)).toContain("Mythes et réalités");
    await checkA11y(page);
    await screenshot(page, "subjects-guide-thread-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "subjects-guide-thread-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await ensureLanguage(page, "en");
    expect(await page.locator(".forum-about").textContent()).toContain(catalog.en["forum.subject.about"]);
    await checkA11y(page);
    await screenshot(page, "subjects-guide-thread-en-1280");
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
