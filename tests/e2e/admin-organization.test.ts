import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, launchBrowser, newContext, screenshot, signIn, submit, url } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("admin edits an organization", () => {
  it("changes the mission of an organization and finds it saved", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "admin@filet.test");
    await ensureLanguage(page, "fr");

    await page.goto(url("/admin/organizations"));
    await checkA11y(page, "/admin/organizations");
    const link = page.locator('main a[href^="/admin/organizations/"]:not([href$="/new"])').first();
    const href = await link.getAttribute("href");
    expect(href, "the list links to at least one organization").toMatch(/^\/admin\/organizations\/[0-9a-f-]{36}$/);

    await page.goto(url(href!));
    // A second tab opened on the same version, to prove its later save cannot erase this one.
    const stale = await context.newPage();
    await stale.goto(url(href!));
    const mission = page.locator('textarea[name="mission"], input[name="mission"]');
    await expect.poll(() => mission.count()).toBe(1);
    await checkA11y(page, "organization page");
    const text = `Mission mise à jour par le test de navigateur ${Date.now()} — prévenir, repérer, accompagner.`;
    await mission.fill(text);
    const form = page.locator('form:has([name="mission"])');
    await submit(page, form.locator('[type="submit"]').first());

    await expect.poll(() => page.locator('[role="alert"].error, .alert.error').count(), { message: "saved without errors" }).toBe(0);
    await checkA11y(page, "organization saved");
    await screenshot(page, "admin-organization-saved-fr");

    // Saved in the database, not only in the re-rendered form.
    await page.goto(url(href!));
    await expect.poll(() => page.locator('[name="mission"]').inputValue()).toBe(text);

    await stale.locator('[name="mission"]').fill("Version périmée qui ne doit pas écraser la précédente.");
    await submit(stale, stale.locator('form:has([name="mission"]) [type="submit"]').first());
    await expect.poll(() => stale.locator("main").textContent()).toContain(catalog.fr["form.conflict"]);
    await page.goto(url(href!));
    await expect.poll(() => page.locator('[name="mission"]').inputValue(), { message: "the stale save changed nothing" }).toBe(text);
    await context.close();
  });
});
