import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, newContext, screenshot, signIn, url, visit } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the page chrome", () => {
  it("every page names its icon, and the icon is served", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url("/login"));
    const href = await page.locator('head link[rel="icon"]').getAttribute("href");
    expect(href).toBe("/favicon.svg");
    const icon = await page.request.get(url(href!));
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
    await page.goto(url("/favicon.svg"));
    await page.setViewportSize({ width: 64, height: 64 });
    await page.screenshot({ path: "test-results/screenshots/favicon.png" });
  });

  it("every page ends with the Table's contact, the privacy notice, the accessibility statement and the version", async () => {
    const page = await (await newContext(browser, { viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, "intervenant.ecole@filet.test");
    for (const pathname of ["/", "/pathway", "/training/register"]) {
      await visit(page, pathname);
      const footer = page.locator("footer.site-footer");
      await expect.poll(() => footer.textContent()).toContain("Capitale-Nationale");
      expect(await footer.locator('a[href="mailto:table@filet.test"]').count()).toBe(1);
      expect(await footer.locator('a[href="tel:4185550110"]').count()).toBe(1);
      expect(await footer.textContent()).toMatch(/Filet, version \d+\.\d+\.\d+/);
    }
    await followLink(page, page.locator("footer").getByRole("link", { name: "Avis de confidentialité" }));
    expect(await heading(page)).toBe("Avis de confidentialité");
    expect(await page.title()).toBe("Avis de confidentialité — Filet");
    // Law 25: the person in charge of personal information is named, with a way to reach them.
    expect(await page.locator("main").textContent()).toContain("vie-privee@filet.test");
    await checkA11y(page, "/privacy (fr)");
    await screenshot(page, "privacy-fr-1280");
    await followLink(page, page.locator("footer").getByRole("link", { name: "Déclaration d'accessibilité" }));
    expect(await heading(page)).toBe("Déclaration d'accessibilité");
    expect(await page.locator("main").textContent()).toContain("WCAG");
    await checkA11y(page, "/accessibility (fr)");
    await ensureLanguage(page, "en");
    await visit(page, "/privacy");
    expect(await heading(page)).toBe("Privacy notice");
    expect(await page.title()).toBe("Privacy notice — Filet");
    await checkA11y(page, "/privacy (en)");
    await visit(page, "/accessibility");
    expect(await page.locator("footer").getByRole("link", { name: "Accessibility statement" }).count()).toBe(1);
    await checkA11y(page, "/accessibility (en)");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "accessibility-en-390");
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(sideways).toBe(false);
    await ensureLanguage(page, "fr");
  });

  it("the privacy notice and the accessibility statement are open to anyone, signed in or not", async () => {
    const page = await (await newContext(browser)).newPage();
    for (const pathname of ["/privacy", "/accessibility"]) {
      const response = await page.goto(url(pathname));
      expect(response?.status()).toBe(200);
      expect(await page.locator("footer.site-footer a[href='/privacy']").count()).toBe(1);
      await checkA11y(page, `${pathname} (signed out)`);
    }
    expect(await page.locator("main").textContent()).toContain("Connectez-vous");
  });
});
