import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, heading, htmlLang, launchBrowser, newContext, screenshot, signIn, signOut, switchLanguage, url } from "./support.ts";

// This account's language preference is changed here and by no other browser test.
const EMAIL = "evaluation@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("language", () => {
  it("is French by default, switches to English, and keeps the choice for that person", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url("/"));
    expect(await htmlLang(page)).toBe("fr");
    await expect.poll(() => page.getByText(catalog.fr["nav.login"]).count()).toBeGreaterThan(0);
    await checkA11y(page, "public home (fr)");
    await screenshot(page, "home-public-fr");

    await signIn(page, EMAIL);
    expect(await htmlLang(page)).toBe("fr");
    expect(await heading(page)).toMatch(/^Bienvenue/);

    await switchLanguage(page);
    expect(await htmlLang(page)).toBe("en");
    expect(await heading(page)).toMatch(/^Welcome/);
    await expect.poll(() => page.getByRole("button", { name: catalog.en["nav.logout"] }).count()).toBe(1);
    // The switch offers the other language, named in that language.
    await expect.poll(() => page.locator('form[action="/locale"] button').first().getAttribute("lang")).toBe("fr");
    await checkA11y(page, "home (en)");
    await screenshot(page, "home-evaluator-en");

    await signOut(page);
    expect(await htmlLang(page), "the sign-in page after sign-out stays in English").toBe("en");
    await signIn(page, EMAIL);
    expect(await htmlLang(page)).toBe("en");
    await context.close();

    // A browser that never saw the choice: French until sign-in, then the account's English.
    const fresh = await newContext(browser);
    const other = await fresh.newPage();
    await other.goto(url("/login"));
    expect(await htmlLang(other)).toBe("fr");
    await signIn(other, EMAIL);
    expect(await htmlLang(other)).toBe("en");
    expect(await heading(other)).toMatch(/^Welcome/);

    // And back to French, remembered the same way.
    await switchLanguage(other);
    expect(await htmlLang(other)).toBe("fr");
    expect(await heading(other)).toMatch(/^Bienvenue/);
    await fresh.close();
  });

  it("switches the language of an anonymous visitor with a cookie", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url("/login"));
    await switchLanguage(page);
    expect(new URL(page.url()).pathname, "the switch returns to the same page").toBe("/login");
    expect(await htmlLang(page)).toBe("en");
    await expect.poll(() => page.getByText(catalog.en["nav.login"]).count()).toBeGreaterThan(0);
    await checkA11y(page, "login (en)");
    await screenshot(page, "login-en");
    await context.close();
  });
});
