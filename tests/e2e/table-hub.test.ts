import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, mainText, newContext, screenshot, signIn } from "./support.ts";

/**
 * The header's one "La Table" entry and the hub it leads to. Read-only: it opens pages and
 * follows links, marks nothing read and changes no record (languages are put back to French).
 */
const COORDINATOR = "coordination@filet.test";
const WORKER = "intervenant.ecole@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("La Table: one header entry, one hub", () => {
  it("the coordinator reaches every part of the Table's work from the hub, in French and in English", { timeout: 120_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATOR);
    await ensureLanguage(page, "fr");
    await screenshot(page, "home-coordinator-hub-fr");
    const header = page.locator("header nav");
    // The Table's pages are no longer header entries of their own.
    for (const moved of ["/partners", "/meetings", "/action-plan", "/announcements"]) {
      expect(await header.locator(`a[href="${moved}"]`).count(), moved).toBe(0);
    }
    await followLink(page, header.locator('a[href="/table"]'));
    expect(await heading(page)).toBe("La Table au travail");
    expect(await header.locator('a[href="/table"]').getAttribute("aria-current")).toBe("page");
    const text = await mainText(page);
    for (const section of ["Partenaires", "Rencontres", "Responsabilités", "Plan d'action", "Financement", "Passation", "Annonces"]) {
      expect(text, section).toContain(section);
    }
    expect(text).toMatch(/Organisations partenaires : \d+/);
    expect(text).toMatch(/Engagements signés : \d+ · à renouveler : \d+ · en retard : \d+/);
    expect(text).toMatch(/Mes responsabilités ouvertes : \d+ \(en retard : \d+\)/);
    expect(text).toMatch(/Subventions en cours : \d+/);
    await checkA11y(page, "/table (coordinator, fr)");
    await screenshot(page, "table-hub-fr");

    // From the hub to "my responsibilities", the header still says where we are.
    await followLink(page, page.locator("main .hub-links a", { hasText: "Mes responsabilités" }));
    expect(await heading(page)).toBe("Mes responsabilités");
    expect(await header.locator('a[href="/table"]').getAttribute("aria-current")).toBe("true");
    await followLink(page, header.locator('a[href="/table"]'));
    await followLink(page, page.locator("main .hub-links a", { hasText: "Matrice des contributions" }));
    expect(new URL(page.url()).pathname).toBe("/partners/matrix");
    await followLink(page, header.locator('a[href="/table"]'));
    await followLink(page, page.locator("main h2 a", { hasText: "Rencontres" }));
    expect(new URL(page.url()).pathname).toBe("/meetings");

    await ensureLanguage(page, "en");
    await followLink(page, header.locator('a[href="/table"]'));
    expect(await heading(page)).toBe("The Table at work");
    expect(await mainText(page)).toMatch(/Partner organizations: \d+/);
    await checkA11y(page, "/table (coordinator, en)");
    await screenshot(page, "table-hub-en");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("a worker sees only the sections they may open", { timeout: 60_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    await ensureLanguage(page, "fr");
    await followLink(page, page.locator('header nav a[href="/table"]'));
    expect(await heading(page)).toBe("La Table au travail");
    const titles = await page.locator("main .hub-card h2").allTextContents();
    // Any member may be named owner of a responsibility: "my responsibilities" is theirs too.
    expect(titles.map((s) => s.trim())).toEqual(["Partenaires", "Responsabilités", "Annonces"]);
    expect(await page.locator('main a[href="/partners/commitments"]').count()).toBe(0);
    await checkA11y(page, "/table (worker, fr)");
    await screenshot(page, "table-hub-worker-fr");
    await context.close();
  });
});
