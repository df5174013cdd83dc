import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, heading, launchBrowser, newContext, screenshot, settled, signIn, switchLanguage, url } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// vie-privee@ (the privacy officer) belongs to mfa.test.ts, which turns its MFA on: the page is
// read here as the platform admin, the same page and words; the officer's Table scope is pinned
// by tests/integration/audit-log.test.ts.
describe("the audit log, read in words", () => {
  it("sees actions in words, filters by kind, downloads the CSV, in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "admin@filet.test");
    await ensureLanguage(page, "fr");

    await page.goto(url("/admin/audit"));
    expect(await heading(page)).toBe(catalog.fr["admin.audit.title"]);
    const main = page.locator("main");
    await expect.poll(() => main.textContent()).toContain(catalog.fr["audit.action.auth.login_succeeded"]);
    await checkA11y(page, "/admin/audit (fr)");
    await screenshot(page, "audit-log-fr-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "audit-log-fr-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.selectOption("#audit-kind", "identity");
    // A GET form: the filters go into the address, like a link.
    await page.locator('form[role="search"] [type="submit"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get("kind")).toBe("identity");
    await settled(page);
    const codes = await page.locator("main tbody td code").allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) expect(code).toMatch(/^(auth|account|mfa|session|profile)\./);

    const href = await page.locator('main a[href^="/admin/audit.csv"]').getAttribute("href");
    expect(href).toBe("/admin/audit.csv?kind=identity");
    const csv = await page.request.get(url(href!));
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain(catalog.fr["admin.audit.csv.action"]);

    await switchLanguage(page);
    await expect.poll(() => main.textContent()).toContain(catalog.en["audit.action.auth.login_succeeded"]);
    await checkA11y(page, "/admin/audit (en)");
    await screenshot(page, "audit-log-en-1280");
    // The account keeps the language it chose: leave the shared demo account in French.
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("gives a browser the normal 404 page, not JSON, on a resource route it may not open", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "intervenant.ecole@filet.test");
    const refused = await page.request.get(url("/meetings/00000000-0000-4000-8000-000000000000/pdf"), { headers: { accept: "text/html" } });
    expect(refused.status()).toBe(404);
    expect(refused.headers()["content-type"]).toMatch(/^text\/html/);
    expect(await refused.text()).not.toContain('"not_found"');
    await context.close();
  });
});
