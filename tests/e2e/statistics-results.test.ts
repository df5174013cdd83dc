import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, followLink, heading, htmlLang, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

/*
 * statistics-results.test.ts only reads: coordination@ opens the 2008–2012 data set's results
 * (exact view on and off, English and back to French) and downloads them; evaluation@ (language
 * kept, whatever it is) reaches them from the evaluation dashboard and changes the periods
 * without JavaScript.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const { fr, en } = catalog;
const words = (text: string) => text.replace(/\s+/g, " ").trim();
const THRESHOLD = 5;
const small = (n: number) => n >= 1 && n < THRESHOLD;

async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone the page never scrolls sideways (wide tables scroll in their own box).
  const width = await page.evaluate(() => {
    const wide = [...document.querySelectorAll("main *")].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest(".table-scroll"));
    return { document: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth, wide: wide.slice(0, 5).map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().width)}`) };
  });
  expect(width.document, `${name}: ${width.wide.join(", ")}`).toBeLessThanOrEqual(width.viewport);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The numbers in the result tables' cells (the suppression mark apart). */
async function shownNumbers(page: Page): Promise<number[]> {
  const texts = await page.locator("main table.results-grid td:not(.x)").allTextContents();
  return texts.map((t) => parseInt(t.replace(/\s/g, ""), 10));
}

describe("statistics results", () => {
  it("shows the Table coordinator the protected results, with exact figures on request, and exports them", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    await ensureLanguage(page, "fr");
    // The way in: the statistics section's navigation, then the data set.
    await page.goto(url("/statistics"));
    await followLink(page, page.locator("main nav a[href='/statistics/results']"));
    expect(new URL(page.url()).pathname).toBe("/statistics/results");
    expect(await heading(page)).toBe(fr["statistics.results.title"]);
    await checkA11y(page, "/statistics/results (fr)");
    await shots(page, "statistics-results-index-fr");
    await followLink(page, page.getByRole("link", { name: "Statistiques trimestrielles 2008–2012" }));
    expect(new URL(page.url()).pathname).toMatch(/^\/statistics\/data-sets\/[0-9a-f-]{36}\/results$/);
    const path = new URL(page.url()).pathname;
    const text = await mainText(page);
    expect(text).toContain("T1 2012 à T4 2012");
    expect(text).toContain(words(fr["statistics.results.footnote"].split("{")[0]!));
    // Suppressed figures: the one mark, explained; no small number in any table.
    const marks = page.locator("main td.x", { hasText: "x" });
    expect(await marks.count()).toBeGreaterThan(0);
    for (const n of await shownNumbers(page)) expect(small(n), `shown ${n}`).toBe(false);
    // Each chart is an image of its own that loads as an SVG.
    const charts = page.locator("main img.chart-svg");
    expect(await charts.count()).toBe(6);
    const chart = await page.request.get(url((await charts.first().getAttribute("src"))!));
    expect(chart.status()).toBe(200);
    expect(chart.headers()["content-type"]).toContain("image/svg+xml");
    await expect.poll(() => charts.last().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await checkA11y(page, "/statistics/data-sets/:id/results (fr)");
    await shots(page, "statistics-results-fr");

    // Each page's HTML stays within the 40 KB budget (tests/e2e/page-weight.test.ts), the exact view too.
    for (const q of ["", "?exact=1"]) {
      const html = await (await page.request.get(url(`${path}${q}`), { headers: { accept: "text/html" } })).text();
      expect(html.length, `${path}${q}`).toBeLessThan(40 * 1024);
      if (process.env.SHOW_WEIGHT) console.log(q, html.length);
    }
    // The exact view: the small figures appear, each marked as hidden from the others.
    await followLink(page, page.getByRole("link", { name: fr["statistics.results.exact.show"] }));
    expect(page.url()).toContain("exact=1");
    expect(await mainText(page)).toContain(words(fr["statistics.results.exact.notice"]).slice(0, 40));
    expect(await page.locator("main td.hidden-for-others").count()).toBeGreaterThan(0);
    expect((await shownNumbers(page)).some(small)).toBe(true);
    await checkA11y(page, "/statistics/data-sets/:id/results exact (fr)");
    await shots(page, "statistics-results-exact-fr");
    await followLink(page, page.getByRole("link", { name: fr["statistics.results.exact.hide"] }));
    expect(page.url()).not.toContain("exact=1");

    // The downloads, read back: protected figures only, the mark where suppressed.
    const csv = await page.request.get(url(`${path}.csv?from=2012Q1&to=2012Q4&exact=1`));
    expect(csv.status()).toBe(200);
    const body = (await csv.text()).replace(/^\uFEFF/, "");
    const fields = body.split(/\r?\n/).flatMap((l) => l.split(/[;,]/)).map((f) => f.replace(/^"|"$/g, "").trim());
    expect(fields).toContain("x");
    expect(body).toContain("Signalements à la DPJ");
    for (const f of fields) if (/^\d+$/.test(f)) expect(small(Number(f)), `CSV ${f}`).toBe(false);
    const xlsx = await page.request.get(url(`${path}.xlsx`));
    expect(xlsx.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(7);
    const cells: unknown[] = [];
    book.worksheets.forEach((sheet) => sheet.eachRow((r) => r.eachCell((c) => cells.push(c.value))));
    expect(cells).toContain("x");
    for (const c of cells) if (typeof c === "number") expect(small(c), `XLSX ${c}`).toBe(false);

    // English, then back to French.
    await ensureLanguage(page, "en");
    await page.goto(url(path));
    expect(await htmlLang(page)).toBe("en");
    expect(await heading(page)).toBe(en["statistics.results.heading"].replace("{set}", "Quarterly statistics 2008–2012"));
    expect(await mainText(page)).toContain(words(en["statistics.results.footnote"].split("{")[0]!));
    expect(await page.locator("main td.x", { hasText: "x" }).count()).toBeGreaterThan(0);
    await checkA11y(page, "/statistics/data-sets/:id/results (en)");
    await shots(page, "statistics-results-en");
    await page.goto(url("/statistics/results"));
    await checkA11y(page, "/statistics/results (en)");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("lets the evaluator reach the results from the evaluation dashboard and choose the periods without JavaScript", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "evaluation@filet.test");
    await page.goto(url("/evaluation"));
    const link = page.locator("main a[href='/statistics/results']");
    expect(await link.count()).toBe(1);
    await page.goto(url("/statistics/results"));
    // No reports page for the evaluator: the section's navigation offers the results only.
    expect(await page.locator("main nav a[href='/statistics']").count()).toBe(0);
    const set = page.locator("main li a[href^='/statistics/data-sets/']").first();
    const href = await set.getAttribute("href");
    await page.goto(url(href!));
    expect(await page.locator("main td.x", { hasText: "x" }).count()).toBeGreaterThan(0);
    for (const n of await shownNumbers(page)) expect(small(n)).toBe(false);
    // No exact view for the evaluator, even asked for.
    await page.goto(url(`${href}?exact=1`));
    expect(await page.locator("main td.hidden-for-others").count()).toBe(0);
    // The periods chosen with the GET form (no JavaScript): 2008, and the rows of the crossed element by gender.
    await page.goto(url(href!));
    await page.locator("select[name=from]").selectOption("2008Q1");
    await page.locator("select[name=to]").selectOption("2008Q4");
    await page.locator("select[name='rows-concern_raised']").selectOption("gender");
    await submit(page, page.locator("main form[method=get] button[type=submit]"));
    expect(page.url()).toContain("from=2008Q1");
    expect(page.url()).toContain("rows-concern_raised=gender");
    expect(await page.locator("main td.x").count()).toBeGreaterThan(0);
    const lang = (await htmlLang(page)) as "fr" | "en";
    const dict = lang === "en" ? en : fr;
    expect(await mainText(page)).toContain(dict["statistics.period.quarter"].replace("{part}", "1").replace("{year}", "2008"));
    await screenshot(page, `statistics-results-evaluator-${lang}-1280`);
    // The evaluator downloads too (protected, audited).
    const csv = await page.request.get(url(`${href}.csv`));
    expect(csv.status()).toBe(200);
    await context.close();
    // Axe runs with JavaScript: the same page, read only.
    const withJs = await newContext(browser);
    const again = await withJs.newPage();
    await signIn(again, "evaluation@filet.test");
    await again.goto(url(`${href}?from=2008Q1&to=2008Q4`));
    await checkA11y(again, `/statistics/data-sets/:id/results evaluator (${await htmlLang(again)})`);
    await withJs.close();
  });
});
