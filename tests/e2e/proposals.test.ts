import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, htmlLang, launchBrowser, mainText, newContext, screenshot, settled, signIn, submit, url, visit } from "./support.ts";

/*
 * Decisions by proposal in the browser (issue 14 §6): the Table coordinator puts a proposal to
 * the whole network with its results hidden until the close; two pivots vote with reasons (one
 * without JavaScript) and see no count; the coordinator closes it, the results appear, and the
 * outcome goes into the decisions of a meeting the coordinator holds. Axe in French and English.
 * Accounts: olivier.bergeron@ and david.nguyen@ (pivots) belong to this file alone (see support.ts);
 * coordination@ creates its own meeting and its own proposal, its language read, left as found.
 */
const COORDINATION = "coordination@filet.test";
const OLIVIER = "olivier.bergeron@filet.test";
const DAVID = "david.nguyen@filet.test";
const fr = catalog.fr;
const en = catalog.en;
const stamp = Date.now();
const TITLE = `Tenir la rencontre régionale d'automne à Lévis (${stamp})`;
const MEETING = `Rencontre de la Table — décision par proposition (${stamp})`;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

let browser: Browser;
let proposalPath = "";
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectText(page: Page, text: string) {
  await expect.poll(() => mainText(page), { message: `page shows "${text}"` }).toContain(text.replace(/\s+/g, " "));
}

/** The coordination account is shared: read its current language rather than switching it. */
const wordsOf = async (page: Page) => ((await htmlLang(page)) === "en" ? en : fr);

async function getForm(page: Page, button: Locator, expected: RegExp) {
  await settled(page);
  await Promise.all([page.waitForURL(expected), button.click()]);
  await settled(page);
}

describe("decisions by proposal", () => {
  it("the Table coordinator puts a proposal to the network with results hidden until the close", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATION);
    await visit(page, "/network/proposals/new");
    const t = await wordsOf(page);
    await checkA11y(page, "/network/proposals/new");
    const space = page.locator("#field-spaceId");
    const network = await space.locator("option", { hasText: t["forum.space.network"] }).first().getAttribute("value");
    await space.selectOption(network!);
    await page.locator("#field-title").fill(TITLE);
    await page.locator("#field-body").fill("Nous proposons de tenir la rencontre régionale d'automne à Lévis, en après-midi, pour accueillir les pivots de la Rive-Sud.");
    await page.locator("#field-closesOn").fill(inDays(7));
    await page.locator("#proposal-hide").check();
    await submit(page, page.getByRole("button", { name: t["proposals.new.submit"] }));
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/network\/proposals\/[0-9a-f-]{36}$/);
    proposalPath = new URL(page.url()).pathname;
    await expectText(page, TITLE);
    await expectText(page, t["proposals.results.hiddenUntilClose"]);
    // The proposal lives in a thread of the network, where it can be discussed.
    await page.getByRole("link", { name: t["proposals.page.discuss"] }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/network\/threads\/[0-9a-f-]{36}$/);
    await expectText(page, TITLE);
    await context.close();
  });

  it("a pivot votes without JavaScript with a reason, and sees no count before the close (French)", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, OLIVIER);
    await page.goto(url(proposalPath));
    await checkA11y(page, `${proposalPath} (fr, before voting)`);
    await page.locator("#vote-agree").check();
    await page.locator("#vote-reason").fill("Lévis est plus proche pour nos équipes de la Rive-Sud.");
    await submit(page, page.getByRole("button", { name: fr["proposals.vote.submit"] }));
    await expectText(page, fr["proposals.saved.voted"]);
    await expectText(page, fr["proposals.results.hiddenUntilClose"]);
    // Hidden means hidden: no table of counts, not even one's own reason in a list of votes.
    expect(await page.locator("main table").count()).toBe(0);
    await screenshot(page, "proposal-voted-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "proposal-voted-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    // In the proposal's thread, a reply with an attachment: a multipart form, without JavaScript.
    await page.getByRole("link", { name: fr["proposals.page.discuss"] }).click();
    await page.waitForLoadState("load");
    const form = page.locator('form:has([name="attachment"])');
    await form.locator('[name="body"]').fill("Voici le plan d'accès de la salle de Lévis.");
    await form.locator('[name="attachment"]').setInputFiles({ name: "plan-acces-salle.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
    await submit(page, form.locator('[type="submit"]'));
    const link = page.getByRole("link", { name: "plan-acces-salle.pdf" });
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute("href")).toMatch(/^\/network\/posts\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/);
    const download = await page.request.get(url((await link.getAttribute("href"))!));
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain("attachment");
    await checkA11y(page, "thread with an attachment");
    await screenshot(page, "network-thread-attachment-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "network-thread-attachment-390");
    await context.close();
  });

  it("another pivot votes in English with a reason; axe in English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, DAVID);
    await ensureLanguage(page, "en");
    await page.goto(url(proposalPath));
    await settled(page);
    await checkA11y(page, `${proposalPath} (en)`);
    await page.locator("#vote-disagree").check();
    await page.locator("#vote-reason").fill("An evening meeting in Québec City would suit our English-speaking schools better.");
    await submit(page, page.getByRole("button", { name: en["proposals.vote.submit"] }));
    await expectText(page, en["proposals.saved.voted"]);
    await expectText(page, en["proposals.results.hiddenUntilClose"]);
    expect(await page.locator("main table").count()).toBe(0);
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("the coordinator holds a meeting, closes the proposal, sees the results and writes the outcome into the meeting's decisions", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATION);
    // A Table meeting of its own, held now (early, with a reason): only a held meeting takes decisions.
    await visit(page, "/meetings/new");
    let t = await wordsOf(page);
    await page.locator("#field-kind").selectOption("table");
    await getForm(page, page.getByRole("button", { name: t["meetings.form.continue"] }), /kind=table/);
    const template = page.locator("#field-template");
    const value = await template.locator("option", { hasText: "automne" }).first().getAttribute("value");
    await template.selectOption(value!);
    await getForm(page, page.getByRole("button", { name: t["meetings.template.use"] }), /template=/);
    await page.locator("#field-title").fill(MEETING);
    await page.locator("#field-day").fill(inDays(2));
    await submit(page, page.getByRole("button", { name: t["meetings.form.create"] }));
    t = await wordsOf(page);
    await expectText(page, t["meetings.saved.created"]);
    await page.locator("#field-earlyReason").fill("Décision à inscrire avant la rencontre");
    await submit(page, page.getByRole("button", { name: t["meetings.start"] }));
    await expectText(page, t["meetings.saved.started"]);

    await page.goto(url(proposalPath));
    await settled(page);
    t = await wordsOf(page);
    await expectText(page, t["proposals.results.hiddenUntilClose"]);
    await submit(page, page.getByRole("button", { name: t["proposals.close.submit"] }));
    t = await wordsOf(page);
    await expectText(page, t["proposals.saved.closed"]);
    // At the close the counts and the named votes with their reasons appear.
    await expectText(page, t["proposals.results.final"]);
    const table = page.locator("main table");
    await expect.poll(() => table.count()).toBe(1);
    await expectText(page, "Lévis est plus proche pour nos équipes de la Rive-Sud.");
    await expectText(page, "An evening meeting in Québec City would suit our English-speaking schools better.");
    await checkA11y(page, `${proposalPath} (closed)`);
    await screenshot(page, "proposal-closed-1280");

    const meeting = page.locator("#outcome-meetingId");
    const meetingValue = await meeting.locator("option", { hasText: MEETING }).first().getAttribute("value");
    await meeting.selectOption(meetingValue!);
    await submit(page, page.getByRole("button", { name: t["proposals.record.submit"] }));
    t = await wordsOf(page);
    await expectText(page, t["proposals.saved.recorded"]);
    await page.getByRole("link", { name: MEETING }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    await settled(page);
    await expectText(page, TITLE);
    await checkA11y(page, "meeting with the proposal's decision");
    await context.close();
  });

  it("a voter reads the final results, in French and in English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, OLIVIER);
    await ensureLanguage(page, "fr");
    await page.goto(url(proposalPath));
    await settled(page);
    await expectText(page, fr["proposals.results.final"]);
    await checkA11y(page, `${proposalPath} (closed, fr)`);
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "proposal-closed-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await ensureLanguage(page, "en");
    await page.goto(url(proposalPath));
    await settled(page);
    await expectText(page, en["proposals.results.final"]);
    await checkA11y(page, `${proposalPath} (closed, en)`);
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
