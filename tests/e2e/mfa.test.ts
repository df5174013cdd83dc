import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  ensureLanguage,
  checkA11y,
  findTotpSecret,
  freshTotp,
  heading,
  launchBrowser,
  newContext,
  screenshot,
  signOut,
  submit,
  submitLogin,
  url,
} from "./support.ts";

// MFA is turned on for this account, so no other browser test may use it (the privacy
// officer: a role that must use MFA outside demo mode).
const EMAIL = "vie-privee@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function submitCode(page: Page, code: string): Promise<void> {
  const form = page.locator('form:has(input[name="code"])').first();
  await form.locator('input[name="code"]').fill(code);
  await submit(page, form.locator('[type="submit"]').first());
}

describe("two-factor authentication (TOTP)", () => {
  it("is set up with an authenticator code, then asked at sign-in, and a used code is refused", { timeout: 150_000 }, async () => {
    const used = new Set<number>();
    const context = await newContext(browser);
    const page = await context.newPage();

    await submitLogin(page, EMAIL);
    expect(new URL(page.url()).pathname, "no MFA yet: straight in").not.toMatch(/^\/login/);

    await page.goto(url("/mfa/setup"));
    expect(new URL(page.url()).pathname).toBe("/mfa/setup");
    await checkA11y(page, "/mfa/setup");
    await screenshot(page, "mfa-setup-fr");
    const secret = await findTotpSecret(page);

    await submitCode(page, await freshTotp(secret, used));
    // Recovery codes are shown once after activation.
    await checkA11y(page, "MFA enabled (recovery codes)");
    await screenshot(page, "mfa-enabled-recovery-codes-fr");
    expect(await page.locator('[role="alert"], .alert.error').count(), "activation accepted").toBe(0);

    await signOut(page);
    await submitLogin(page, EMAIL);
    expect(new URL(page.url()).pathname, "the password alone is not enough any more").toBe("/login/mfa");
    await checkA11y(page, "/login/mfa");
    await screenshot(page, "mfa-challenge-fr");
    // Before the second factor, private pages stay closed.
    await page.goto(url("/profile"));
    expect(new URL(page.url()).pathname).toMatch(/^\/login/);
    await page.goto(url("/login/mfa"));

    const code = await freshTotp(secret, used);
    await submitCode(page, code);
    expect(new URL(page.url()).pathname).toBe("/");
    // The account keeps the language it last chose, and other browser tests use this account.
    await ensureLanguage(page, "fr");
    expect(await heading(page)).toMatch(/^Bienvenue/);

    // Only the Table's privacy officer reads the privacy impact assessments (EFVP), and this is
    // that account: their pages are checked here, behind the second factor, in both languages.
    for (const locale of ["fr", "en"] as const) {
      await ensureLanguage(page, locale);
      await page.goto(url("/privacy/assessments"));
      expect(new URL(page.url()).pathname).toBe("/privacy/assessments");
      await checkA11y(page, `/privacy/assessments (${locale})`);
      await screenshot(page, `privacy-assessments-${locale}`);
      const first = page.locator('main a[href^="/privacy/assessments/"]:not([href$="/new"])').first();
      await first.click();
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/privacy\/assessments\/[0-9a-f-]{36}$/);
      await checkA11y(page, `an assessment (${locale})`);
      await screenshot(page, `privacy-assessment-${locale}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, `privacy-assessment-${locale}-390`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url("/privacy/assessments/new"));
      await checkA11y(page, `/privacy/assessments/new (${locale})`);
    }
    await ensureLanguage(page, "fr");

    await signOut(page);
    await submitLogin(page, EMAIL);
    expect(new URL(page.url()).pathname).toBe("/login/mfa");
    await submitCode(page, code);
    expect(new URL(page.url()).pathname, "a code already used is refused").toBe("/login/mfa");
    await expect.poll(() => page.locator('[role="alert"], .alert.error').count()).toBeGreaterThan(0);
    await checkA11y(page, "/login/mfa (code refused)");
    await screenshot(page, "mfa-challenge-replay-refused-fr");
    await page.goto(url("/profile"));
    expect(new URL(page.url()).pathname).toMatch(/^\/login/);
    await context.close();
  });
});
