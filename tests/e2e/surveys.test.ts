import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { PARTNER_SURVEY_2026, TRAINING_NEEDS_SURVEY } from "../../app/modules/demo/seed-surveys.server.ts";
import { mailsTo } from "./mailbox.ts";
import { checkA11y, ensureLanguage, htmlLang, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

/*
 * surveys.test.ts owns stephanie.lavoie@'s invitation to the demo's open survey: its single-use
 * link, read from her mailbox, is answered once, without JavaScript. The closed 2026 partner
 * survey's results are read as coordination@ (English and back to French).
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

/** The path of the single-use link in the invitee's email (the server's address may differ). */
async function invitationPath(): Promise<string> {
  const mailDir = inject("mailDir");
  const find = () => mailsTo(mailDir, TRAINING_NEEDS_SURVEY.invitee).map((m) => m.match(/\/surveys\/answer\/[A-Za-z0-9_-]{43}/)?.[0]).find(Boolean);
  await expect.poll(find, { timeout: 20_000, message: "the invitation email reached the mailbox" }).toBeTruthy();
  return find()!;
}

async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("surveys", () => {
  let link = "";

  it("answers the open survey by its single-use link without JavaScript: a condition, the guard, progress kept, then the link refused", async () => {
    link = await invitationPath();
    // English first (the reader's language cookie: no sign-in on a personal link), only looked at.
    const english = await newContext(browser, { javaScriptEnabled: false });
    await english.addCookies([{ name: "filet_lang", value: "en", url: url("/") }]);
    const look = await english.newPage();
    await look.goto(url(link));
    expect(await htmlLang(look)).toBe("en");
    expect(await mainText(look)).toContain(words(en["surveys.answer.anonymous"]));
    await checkA11y(look, "/surveys/answer (en)");
    await english.close();

    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url(link));
    expect(await htmlLang(page)).toBe("fr");
    expect(await mainText(page)).toContain(TRAINING_NEEDS_SURVEY.titleFr);
    expect(await mainText(page)).toContain(words(fr["surveys.answer.anonymous"]));
    await checkA11y(page, "/surveys/answer section 1 (fr)");
    await shots(page, "survey-answer-fr");

    // Section 1: a yes opens the follow-up question of section 2.
    await page.locator('input[name="a_met"][value="yes"]').check();
    await submit(page, page.getByRole("button", { name: fr["surveys.answer.next"] }));
    expect(await page.locator('input[name="a_called"]').count()).toBe(2);
    await checkA11y(page, "/surveys/answer section 2 (fr)");

    // A youth's name in the free text: stopped by the guard, nothing sent.
    await page.locator('input[name="a_called"][value="yes"]').check();
    await page.locator('input[name="a_topics"][value="online"]').check();
    await page.locator('textarea[name="a_comment"]').fill("Une jeune nommée Océane Tremblay fréquente le parc ; nous manquons d'outils.");
    await submit(page, page.getByRole("button", { name: fr["surveys.answer.submit"] }));
    await expect.poll(() => page.locator("[data-guard-findings]").count()).toBe(1);
    expect(await mainText(page)).toContain("Océane Tremblay");
    await checkA11y(page, "/surveys/answer with the guard (fr)");
    await shots(page, "survey-answer-guard-fr");

    // Nothing with the name is kept, not even as a draft: the text corrected, back to section 1,
    // whose answer was kept; forward again, section 2 as saved.
    await page.locator('textarea[name="a_comment"]').fill("Nous manquons d'outils sur l'exploitation en ligne.");
    await submit(page, page.getByRole("button", { name: fr["surveys.answer.back"] }));
    expect(await page.locator('input[name="a_met"][value="yes"]').isChecked()).toBe(true);
    await submit(page, page.getByRole("button", { name: fr["surveys.answer.next"] }));
    expect(await page.locator('input[name="a_called"][value="yes"]').isChecked()).toBe(true);
    expect(await page.locator('textarea[name="a_comment"]').inputValue()).toBe("Nous manquons d'outils sur l'exploitation en ligne.");
    await submit(page, page.getByRole("button", { name: fr["surveys.answer.submit"] }));
    expect(await mainText(page)).toContain(words(fr["surveys.answer.thanks"]));
    await checkA11y(page, "/surveys/answer thanks (fr)");

    // The link has served: a second visit is refused (410) with a page that says so.
    const again = await page.goto(url(link));
    expect(again?.status()).toBe(410);
    expect(await mainText(page)).toContain(words(fr["surveys.answer.used"]));
    await context.close();
  });

  it("shows the closed 2026 partner survey's results with suppressed cells, exports CSV and XLSX read back, in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    await ensureLanguage(page, "fr");
    // The way in: the Table hub links to the surveys.
    await page.goto(url("/table"));
    expect(await page.locator("main a[href='/surveys']").count()).toBeGreaterThan(0);
    await page.goto(url("/surveys"));
    const row = page.locator("main tr", { hasText: PARTNER_SURVEY_2026.titleFr });
    const href = await row.locator("a[href$='/results']").getAttribute("href");
    expect(href).toMatch(/^\/surveys\/[0-9a-f-]{36}\/results$/);
    await page.goto(url(href!));
    const text = await mainText(page);
    expect(text).toContain(PARTNER_SURVEY_2026.titleFr);
    expect(text).toContain("20 réponses");
    // Suppressed figures are marked x (with their explanation) and a cross-tab by organization type is shown.
    expect(await page.locator("main td abbr", { hasText: "x" }).count()).toBeGreaterThan(0);
    expect(await page.locator("main table caption", { hasText: words(fr["surveys.results.byType"].split("{")[0]!) }).count()).toBeGreaterThan(0);
    expect(text).toContain(words(fr["surveys.results.crossFootnote"].split("{")[0]!));
    // Each chart is an image of its own (its drawing is not sent twice); it loads as an SVG.
    const charts = page.locator("main img.chart-svg");
    expect(await charts.count()).toBeGreaterThan(0);
    const chart = await page.request.get(url((await charts.first().getAttribute("src"))!));
    expect(chart.status()).toBe(200);
    expect(chart.headers()["content-type"]).toContain("image/svg+xml");
    await expect.poll(() => charts.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await checkA11y(page, "/surveys/:id/results (fr)");
    await shots(page, "survey-results-fr");

    // The exports, downloaded and read back.
    const csv = await page.request.get(url(`${href}.csv`));
    expect(csv.status()).toBe(200);
    const body = (await csv.text()).replace(/^\uFEFF/, "");
    expect(body).toContain(PARTNER_SURVEY_2026.titleFr);
    expect(body.split(/\r?\n/).some((l) => l.split(/[;,]/).includes("x"))).toBe(true);
    const xlsx = await page.request.get(url(`${href}.xlsx`));
    expect(xlsx.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(2);
    const cells: string[] = [];
    book.worksheets.forEach((sheet) => sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain("x");
    expect(cells.some((c) => c.startsWith("Par type d'organisation"))).toBe(true);

    // The satisfaction question feeds its indicator on the evaluation dashboard (a protected percent).
    await page.goto(url("/evaluation"));
    const indicator = page.locator("main tr", { hasText: fr["indicator.partner_survey_satisfaction.name"] });
    expect(words((await indicator.textContent()) ?? "")).toContain("65 %");

    // English, then back to French.
    await ensureLanguage(page, "en");
    await page.goto(url(href!));
    expect(await htmlLang(page)).toBe("en");
    expect(await mainText(page)).toContain(PARTNER_SURVEY_2026.titleEn);
    await checkA11y(page, "/surveys/:id/results (en)");
    await shots(page, "survey-results-en");
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
