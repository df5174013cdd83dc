import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import {
  checkA11y,
  ensureLanguage,
  heading,
  htmlLang,
  launchBrowser,
  mainText,
  newContext,
  screenshot,
  signIn,
  signOut,
  signOutButton,
  submitLogin,
  switchLanguage,
  url,
  visit,
} from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("sign-in and sign-out", () => {
  it("signs a demo account in, shows its home page, and signs it out for good", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await visit(page, "/login", "login-fr");
    expect(await htmlLang(page)).toBe("fr");
    await expect.poll(() => page.locator('input[name="email"]').count()).toBe(1);
    await expect.poll(() => page.locator('input[name="password"][type="password"]').count()).toBe(1);

    await signIn(page, "coordination@filet.test");
    expect(new URL(page.url()).pathname).toBe("/");
    // The account keeps the language it last chose, and other browser tests switch it.
    await ensureLanguage(page, "fr");
    expect(await heading(page)).toMatch(/^Bienvenue/);
    await checkA11y(page, "home (signed in)");
    await screenshot(page, "home-coordinator-fr");

    await signOut(page);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await signOutButton(page).count()).toBe(0);
    // The old session cookie is dead: a private page sends back to sign-in.
    await page.goto(url("/profile"));
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("answers a wrong password and an unknown account with the same generic error", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();

    await submitLogin(page, "coord-pivots.spvq@filet.test", "not-the-right-password");
    expect(new URL(page.url()).pathname).toBe("/login");
    const alert = page.locator('[role="alert"], .alert.error').first();
    await expect.poll(() => alert.count()).toBe(1);
    const wrongPassword = ((await alert.textContent()) ?? "").trim();
    expect(wrongPassword.length).toBeGreaterThan(0);
    expect(await signOutButton(page).count()).toBe(0);
    await checkA11y(page, "login (error)");
    await screenshot(page, "login-error-fr");

    await submitLogin(page, "nobody-here@filet.test", "not-the-right-password");
    expect(new URL(page.url()).pathname).toBe("/login");
    const unknownAccount = ((await page.locator('[role="alert"], .alert.error').first().textContent()) ?? "").trim();
    expect(unknownAccount).toBe(wrongPassword);
    await context.close();
  });
});

describe("authorization in the browser", () => {
  it("gives a worker the not-found page on every admin screen", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "intervenant.ecole@filet.test");
    expect(await page.locator('nav a[href="/admin"]').count(), "no admin link for a worker").toBe(0);

    for (const path of ["/admin", "/admin/organizations", "/admin/people", "/admin/audit", "/admin/outbox", "/admin/tables"]) {
      const response = await page.goto(url(path));
      expect(response?.status(), path).toBe(404);
      expect(await heading(page)).toBe(catalog.fr["error.notFound.title"]);
      expect(await mainText(page)).not.toMatch(/Error|at .*\.tsx?:\d+/);
    }
    await checkA11y(page, "404 (worker on /admin/tables)");
    await screenshot(page, "not-found-worker-fr");
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("signs in, submits a form and signs out with plain HTML forms", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "formateur.pipq@filet.test");
    expect(await heading(page)).toMatch(/^Bienvenue/);

    await switchLanguage(page);
    expect(await htmlLang(page)).toBe("en");
    expect(await heading(page)).toMatch(/^Welcome/);

    // The profile form posts and re-renders on the server alone.
    await page.goto(url("/profile"));
    expect(new URL(page.url()).pathname).toBe("/profile");
    await checkA11y(page, "profile (no JS)");
    await screenshot(page, "profile-nojs-en");

    // Back to French: other test files sign in with this account and expect the default.
    await switchLanguage(page);
    expect(await htmlLang(page)).toBe("fr");

    await signOut(page);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await signOutButton(page).count()).toBe(0);
    await context.close();
  });

  it("shows the sign-in error without JavaScript too", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await submitLogin(page, "nobody-here@filet.test", "not-the-right-password");
    expect(new URL(page.url()).pathname).toBe("/login");
    await expect.poll(() => page.locator('[role="alert"], .alert.error').count()).toBeGreaterThan(0);
    await context.close();
  });
});

// Keeps the English catalog in use here so a rename of these keys fails this file loudly.
void catalog.en["nav.logout"];
