import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalog, format } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, followLink, heading, htmlLang, launchBrowser, mainText, newContext, screenshot, signIn, signOutButton, submit, switchLanguage, url } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/*
 * Single sign-on in Chromium against the demo's own OpenID provider (server/demo-idp.ts, started by
 * demo mode beside the e2e server). Julie Fortin of the CSSS de Québec-Nord exists only at the
 * provider: this file creates her account and owns it; coordination@ only approves it (language
 * read from the page, left as found); admin@ only reads the provider registry.
 */

/** From Filet's /login, through the provider's sign-in page (when it asks), back to Filet. */
async function signInThroughProvider(page: Page, who: RegExp): Promise<void> {
  const ours = new URL(url("/")).origin;
  await page.goto(url("/login"));
  // The hand-over page (/login/sso/:id) goes on by itself; the provider's redirects are not pages.
  const arrived = (u: URL) => u.pathname.startsWith("/interaction/") || (u.origin === ours && u.pathname !== "/login" && !/^\/login\/sso\/[0-9a-f-]{36}$/.test(u.pathname));
  await Promise.all([page.waitForURL(arrived, { timeout: 15_000 }), page.getByRole("button", { name: /Québec-Nord/ }).click()]);
  if (new URL(page.url()).pathname.startsWith("/interaction/")) {
    await page.getByLabel(who).check();
    await Promise.all([page.waitForURL((u) => u.origin === ours, { timeout: 15_000 }), page.getByRole("button", { name: "Continuer" }).click()]);
  }
  await page.waitForLoadState("load");
}

describe("signing in with one's organization", () => {
  it("creates a pending account, which signs in once the Table approves it, and signs out at the provider too", async () => {
    // Without JavaScript: the button is a plain form, the provider's answer a plain redirect.
    const julieContext = await newContext(browser, { javaScriptEnabled: false });
    const julie = await julieContext.newPage();
    await signInThroughProvider(julie, /Julie Fortin/);
    expect(new URL(julie.url()).pathname).toBe("/login/sso/callback");
    expect(await heading(julie)).toBe(catalog.fr["sso.callback.title"]);
    expect(await mainText(julie)).toContain(catalog.fr["sso.pendingApproval"]);
    await checkA11y(julie, "/login/sso/callback (fr)");
    await screenshot(julie, "sso-pending-fr-1280");

    // The Table coordinator approves her (the usual sign-up approval).
    const coordContext = await newContext(browser);
    const coord = await coordContext.newPage();
    await signIn(coord, "coordination@filet.test");
    const lang = (await htmlLang(coord)) === "en" ? "en" : "fr";
    await coord.goto(url("/admin/approvals"));
    const approve = coord.getByRole("button", { name: format(catalog[lang]["admin.approvals.approveLabel"], { name: "Julie Fortin" }, lang) });
    await submit(coord, approve);
    expect(new URL(coord.url()).searchParams.get("notice")).toBe("approved");
    await coordContext.close();

    // Now the same button signs her in (the provider remembers her, or asks again).
    await signInThroughProvider(julie, /Julie Fortin/);
    expect(new URL(julie.url()).pathname).toBe("/");
    expect(await signOutButton(julie).count()).toBeGreaterThan(0);
    await julie.goto(url("/profile/sso"));
    expect(await mainText(julie)).toContain("Québec-Nord");
    await checkA11y(julie, "/profile/sso (fr)");
    await screenshot(julie, "sso-profile-fr-1280");
    await switchLanguage(julie);
    expect(await htmlLang(julie)).toBe("en");
    await checkA11y(julie, "/profile/sso (en)");
    await ensureLanguage(julie, "fr");

    // Signing out ends the provider's session as well (RP-initiated logout), then comes back.
    await Promise.all([julie.waitForURL((u) => u.origin !== new URL(url("/")).origin, { timeout: 15_000 }), signOutButton(julie).first().click()]);
    // The provider asks to confirm (its own page; its buttons sit outside their form).
    const confirm = julie.locator('button[name="logout"][value="yes"]');
    if (await confirm.count()) await Promise.all([julie.waitForURL((u) => u.origin === new URL(url("/")).origin, { timeout: 15_000 }), confirm.click()]);
    else await julie.waitForURL((u) => u.origin === new URL(url("/")).origin, { timeout: 15_000 });
    await julie.goto(url("/profile"));
    expect(new URL(julie.url()).pathname).toBe("/login");
    // The provider forgot her too: it asks who signs in again.
    await julie.goto(url("/login"));
    await Promise.all([
      julie.waitForURL((u) => u.origin !== new URL(url("/")).origin, { timeout: 15_000 }),
      julie.getByRole("button", { name: /Québec-Nord/ }).click(),
    ]);
    expect(new URL(julie.url()).pathname).toMatch(/^\/interaction\//);
    await julieContext.close();

    // With JavaScript the same buttons hand over the same way (the router renders the hand-over page).
    const withJs = await newContext(browser);
    const again = await withJs.newPage();
    await signInThroughProvider(again, /Julie Fortin/);
    expect(new URL(again.url()).pathname).toBe("/");
    await Promise.all([again.waitForURL((u) => u.origin !== new URL(url("/")).origin, { timeout: 15_000 }), signOutButton(again).first().click()]);
    await Promise.all([
      again.waitForURL((u) => u.origin === new URL(url("/")).origin, { timeout: 15_000 }),
      again.locator('button[name="logout"][value="yes"]').click(),
    ]);
    expect(new URL(again.url()).pathname).toBe("/login");
    await withJs.close();
  });

  it("refuses a forged or replayed answer with a page, never an error of the server", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const query of ["?code=abc&state=forged", "?state=only", "?code=a&code=b&state=s", "?error=access_denied&state=x"]) {
      const response = await page.goto(url(`/login/sso/callback${query}`));
      expect(response?.status(), query).toBe(400);
      expect(await heading(page)).toBe(catalog.fr["sso.callback.title"]);
    }
    await checkA11y(page, "/login/sso/callback refused (fr)");
    await context.close();
  });

  it("asks for the work address first and sends it to its organization", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url("/login"));
    // followLink waits until the router has drawn the new page, not only until the URL changed
    // (the heading was once read from the sign-in page the router was still leaving).
    await followLink(page, page.getByRole("link", { name: catalog.fr["sso.emailFirst.link"] }));
    expect(await heading(page)).toBe(catalog.fr["sso.emailFirst.title"]);
    await checkA11y(page, "/login/sso (fr)");
    const form = page.locator("main form");
    await form.getByLabel(catalog.fr["sso.emailFirst.email"]).fill("quelquun@ailleurs.example.org");
    await submit(page, form.getByRole("button", { name: catalog.fr["sso.emailFirst.submit"] }));
    expect(await mainText(page)).toContain(catalog.fr["sso.emailFirst.none"]);
    await checkA11y(page, "/login/sso refused (fr)");
    await form.getByLabel(catalog.fr["sso.emailFirst.email"]).fill("simon.lachance@csssqn.qc.ca");
    await Promise.all([
      page.waitForURL((u) => u.pathname.startsWith("/interaction/"), { timeout: 15_000 }),
      form.getByRole("button", { name: catalog.fr["sso.emailFirst.submit"] }).click(),
    ]);
    await context.close();
  });

  it("shows the platform admin the provider registry, in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "admin@filet.test");
    const start = (await htmlLang(page)) === "en" ? "en" : "fr";
    await page.goto(url("/admin/identity-providers"));
    expect(await heading(page)).toBe(catalog[start]["sso.providers.title"]);
    expect(await mainText(page)).toContain("Québec-Nord");
    await checkA11y(page, `/admin/identity-providers (${start})`);
    const link = page.locator("main a[href^='/admin/identity-providers/']").first();
    await followLink(page, link);
    await checkA11y(page, `/admin/identity-providers/:id (${start})`);
    await screenshot(page, `sso-provider-${start}-1280`);
    // The secret is never shown again.
    expect(await page.content()).not.toMatch(/client_secret|clientSecretEnc/);
    await switchLanguage(page);
    await checkA11y(page, `/admin/identity-providers/:id (${start === "fr" ? "en" : "fr"})`);
    await ensureLanguage(page, start);
    await context.close();
  });
});
