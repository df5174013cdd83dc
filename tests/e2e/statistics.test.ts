import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, heading, htmlLang, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/*
 * catherine.roy@ (CJQ-IU's pivot coordinator, a Table member) belongs to this file: she completes
 * and submits CJQ-IU's current quarter, which the demo leaves as a draft with its first section
 * entered. Nobody else touches that report.
 */

/** As mainText reads a page: every run of spaces (no-break ones included) as one space. */
const words = (text: string) => text.replace(/\s+/g, " ").trim();

/** The section forms of the entry page (one per data element), those with count fields. */
function sectionForms(page: Page): Locator {
  return page.locator("main section form:has(input[name^='cell:'])");
}

/** Fills a section: each band 1 (or `band`), the total their sum (or `total`). */
async function fillSection(form: Locator, band = 1, total?: number): Promise<void> {
  const cells = form.locator("input[name^='cell:']:not([name='cell:total'])");
  const n = await cells.count();
  for (let i = 0; i < n; i++) await cells.nth(i).fill(String(band));
  await form.locator("input[name='cell:total']").fill(String(total ?? band * n));
}

/** Saves a section; confirms a jump from the previous quarter when the page asks. */
async function saveSection(page: Page, index: number): Promise<void> {
  const form = sectionForms(page).nth(index);
  await submit(page, form.locator("button[type=submit]"));
  const confirm = sectionForms(page).nth(index).locator("input[name=confirmJump]");
  if (await confirm.count()) {
    await confirm.check();
    await submit(page, sectionForms(page).nth(index).locator("button[type=submit]"));
  }
}

describe("an organization enters its quarter's counts", () => {
  it("without JavaScript: a wrong total is refused, each section saved, the quarter submitted", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "catherine.roy@filet.test");
    await ensureLanguage(page, "fr");
    await page.goto(url("/statistics"));
    await checkA11y(page, "/statistics (fr)");
    // The current quarter of the live data set: the first link that enters (not consults).
    const enter = page.locator("main a[href^='/statistics/entry/']", { hasText: /^Saisir/ }).first();
    const href = await enter.getAttribute("href");
    expect(href).toBeTruthy();
    await page.goto(url(href!));
    expect(await mainText(page)).toContain(words(catalog.fr["statistics.entry.countsOnly"]));
    await checkA11y(page, "/statistics/entry (fr)");
    await screenshot(page, "statistics-entry-fr-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "statistics-entry-fr-390");
    await page.setViewportSize({ width: 1280, height: 800 });

    const sections = await sectionForms(page).count();
    expect(sections).toBeGreaterThan(1);
    // A total that is not the sum of its bands: refused, the values kept, the error tied to the field.
    await fillSection(sectionForms(page).nth(0), 2, 999);
    await submit(page, sectionForms(page).nth(0).locator("button[type=submit]"));
    const first = sectionForms(page).nth(0);
    await expect.poll(() => first.locator("[aria-invalid=true]").count()).toBeGreaterThan(0);
    expect(await first.locator("input[name='cell:total']").inputValue()).toBe("999");
    await checkA11y(page, "/statistics/entry with an error (fr)");

    for (let i = 0; i < sections; i++) {
      await fillSection(sectionForms(page).nth(i), 2);
      await saveSection(page, i);
      expect(await sectionForms(page).nth(i).locator("[aria-invalid=true]").count(), `section ${i}`).toBe(0);
    }
    await submit(page, page.getByRole("button", { name: catalog.fr["statistics.submit.button"] }));
    await expect.poll(() => mainText(page)).toContain(words(catalog.fr["statistics.status.submitted"]));
    // Submitted: the fields are locked (read only) until the coordination returns or reopens it.
    expect(await page.locator("main button", { hasText: /^Enregistrer/ }).count()).toBe(0);
    await checkA11y(page, "/statistics/entry submitted (fr)");

    // English: the same page, its words and its status.
    const js = await newContext(browser);
    const en = await js.newPage();
    await signIn(en, "catherine.roy@filet.test");
    await ensureLanguage(en, "en");
    await en.goto(url(href!));
    expect(await htmlLang(en)).toBe("en");
    expect(await mainText(en)).toContain(words(catalog.en["statistics.status.submitted"]));
    await checkA11y(en, "/statistics/entry submitted (en)");
    await en.goto(url("/statistics"));
    expect(await heading(en)).toBeTruthy();
    await checkA11y(en, "/statistics (en)");
    await ensureLanguage(en, "fr");
    await js.close();
    await context.close();
  });
});
