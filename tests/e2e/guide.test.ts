import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ensureLanguage, followLink, heading, launchBrowser, mainText, newContext, screenshot, signIn, submit, url, visit } from "./support.ts";

const WORKER = "intervenant.ecole@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the practice guide", () => {
  it("a worker reads a published section in French and in English, with its translation status", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    await ensureLanguage(page, "fr");
    await visit(page, "/guide", "guide-index-fr");
    expect(await heading(page)).toBe("Guide de pratique");
    expect(await mainText(page)).toContain("Contenu de démonstration");

    await followLink(page, page.locator("main a", { hasText: "Reconnaître l'exploitation sexuelle" }).first());
    const sectionPath = new URL(page.url()).pathname;
    expect(sectionPath).toMatch(/^\/guide\/sections\/[0-9a-f-]{36}$/);
    await visit(page, sectionPath, "guide-section-fr");
    expect(await heading(page)).toContain("Reconnaître l'exploitation sexuelle");
    expect(await mainText(page)).toContain("Mythes et réalités");

    await ensureLanguage(page, "en");
    await visit(page, sectionPath, "guide-section-en");
    expect(await heading(page)).toContain("Recognizing sexual exploitation");
    expect(await page.locator('[data-testid="translation-status"]').first().textContent()).toBe("English translation: Translated");
    expect(await page.locator('[data-testid="section-body"]').first().getAttribute("lang")).toBe("en");

    // A section not translated yet: French text, with a notice in English.
    await visit(page, "/guide?q=cadre%20legal", "guide-search-en");
    await followLink(page, page.locator('[data-testid="guide-hits"] a').first());
    await visit(page, new URL(page.url()).pathname, "guide-fallback-en");
    expect(await heading(page)).toContain("Le cadre légal en bref");
    const text = await mainText(page);
    expect(text).toContain("has not been translated into English yet");
    expect(text).toContain("English translation: To translate");
    expect(await page.locator('[data-testid="section-body"]').first().getAttribute("lang")).toBe("fr");

    await visit(page, "/guide/print", "guide-print-en");
    expect(await heading(page)).toBe("Practice guide — printable version");
    const pdf = await page.request.get(url("/guide/pdf"));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 4).toString("latin1")).toBe("%PDF");

    await ensureLanguage(page, "fr");
    await screenshot(page, "guide-print-fr");
    await context.close();
  });

  it("a Table coordinator edits a section (FR and EN side by side), submits it to review and sees the comparison", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    await ensureLanguage(page, "fr");
    await visit(page, "/guide?q=accueillir");
    await followLink(page, page.locator('[data-testid="guide-hits"] a').first());
    const sectionPath = new URL(page.url()).pathname;
    await visit(page, `${sectionPath}/edit`, "guide-edit-fr");
    expect(await page.locator('fieldset[lang="en"] legend').first().textContent()).toBe("Texte en anglais");
    await page.fill("#field-bodyFr", `${await page.inputValue("#field-bodyFr")}\n\nPhrase ajoutée par le test.`);
    await page.fill("#field-changeNote", "Essai");
    await submit(page, page.locator('button[type="submit"]', { hasText: "Enregistrer le brouillon" }));
    expect(new URL(page.url()).pathname).toMatch(/^\/guide\/versions\//);
    await visit(page, new URL(page.url()).pathname + "?done=saved", "guide-version-draft-fr");
    await submit(page, page.locator('button[name="intent"][value="review"]'));
    expect(await mainText(page)).toContain("soumise à la révision");
    await page.fill("#field-body", "Un commentaire de révision.");
    await submit(page, page.locator('button[type="submit"]', { hasText: "Ajouter le commentaire" }));
    expect(await mainText(page)).toContain("Un commentaire de révision.");
    await visit(page, `${sectionPath}/versions`, "guide-history-fr");
    // A GET form: the browser (or the router) navigates to the comparison.
    await page.locator('form[action="/guide/versions/compare"] button[type="submit"]').click();
    await page.waitForURL(/\/guide\/versions\/compare\?from=/);
    await visit(page, new URL(page.url()).pathname + new URL(page.url()).search, "guide-compare-fr");
    expect(await mainText(page)).toContain("Phrase ajoutée par le test.");
    // Readers still see version 1 until publication.
    await visit(page, sectionPath);
    expect(await mainText(page)).not.toContain("Phrase ajoutée par le test.");
    await context.close();
  });

  it("a coordinator restores an older version as a new draft, and sees the editing tools in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    await ensureLanguage(page, "fr");
    // The editor's table of contents: move buttons and module links pass axe.
    await visit(page, "/guide", "guide-index-editor-fr");
    expect(await page.locator('button[name="direction"][value="down"]').count()).toBeGreaterThan(0);
    await followLink(page, page.locator("main a", { hasText: "Modifier le titre et l'introduction du module" }).first());
    await visit(page, new URL(page.url()).pathname, "guide-module-edit-fr");
    expect(await page.inputValue("#field-titleFr")).toBe("Savoir");
    // The section edited by the previous test now has two versions: restore version 1.
    await visit(page, "/guide?q=accueillir");
    await followLink(page, page.locator('[data-testid="guide-hits"] a').first());
    const sectionPath = new URL(page.url()).pathname;
    await visit(page, `${sectionPath}/versions`);
    const rows = page.locator("main table tbody tr");
    const before = await rows.count();
    expect(before).toBeGreaterThan(1);
    await followLink(page, page.locator('main table a[aria-label="Ouvrir la version 1"]'));
    await visit(page, new URL(page.url()).pathname, "guide-version-restore-fr");
    expect(await page.inputValue("#field-changeNote")).toBe("Restauration de la version 1");
    await submit(page, page.locator('button[type="submit"]', { hasText: "Restaurer en nouveau brouillon" }));
    expect(await mainText(page)).toContain("Nouveau brouillon créé à partir de la version restaurée.");
    expect(await heading(page)).toMatch(new RegExp(`^Version ${before + 1} — `));
    expect(await mainText(page)).not.toContain("Phrase ajoutée par le test.");
    await visit(page, `${sectionPath}/versions`);
    expect(await rows.count()).toBe(before + 1);
    expect(await mainText(page)).toContain("Restauration de la version 1");
    // The same pages in English.
    await ensureLanguage(page, "en");
    await visit(page, "/guide", "guide-index-editor-en");
    expect(await page.locator('button[name="direction"][value="down"]').first().textContent()).toBe("Down");
    await visit(page, `${sectionPath}/archive`, "guide-archive-confirm-en");
    expect(await heading(page)).toMatch(/^Remove the section “.+” from the guide\?$/);
    await ensureLanguage(page, "fr");
    await visit(page, `${sectionPath}/archive`);
    await context.close();
  });

  it("works without JavaScript: the search is a plain GET form", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, WORKER);
    await visit(page, "/guide");
    await page.fill("#guide-q", "reconnaitre");
    await submit(page, page.locator('form[role="search"] button[type="submit"]'));
    expect(new URL(page.url()).searchParams.get("q")).toBe("reconnaitre");
    expect(await page.locator('[data-testid="guide-hits"] a').first().textContent()).toBe("Reconnaître l'exploitation sexuelle");
    await context.close();
  });
});
