import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, launchBrowser, mainText, newContext, screenshot, signIn, url } from "./support.ts";
import { expectText, openFormForSpvq, submit } from "./consultation-steps.ts";

const WORKER = "intervenant.ecole@filet.test";
const SPVQ_PIVOT = "coord-pivots.spvq@filet.test";
const fr = catalog.fr;
const en = catalog.en;
// The demo Québec Table's DPJ line (shown on /pathway), and Éric Paradis's directory phone.
const DPJ = "1 800 555-0199";
const OWN_PHONE = "418 555-0122";
// The Chaudière-Appalaches Table's DPJ line: public, but not this Table's.
const OTHER_TABLE_DPJ = "1 800 555-0198";
const YOUTH_PHONE = "581 555-0177";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const reply = (page: Page, body: string) => page.locator('[name="body"]').fill(body).then(() => submit(page, 'form:has([name="body"])'));

/** The guard's answer: one list item per finding, each with its highlighted excerpt (spaces collapsed, no-break ones included). */
async function findingsShown(page: Page) {
  const items = page.locator("[data-guard-findings] li");
  await expect.poll(() => items.count()).toBeGreaterThan(0);
  return items.evaluateAll((lis) =>
    lis.map((li) => ({
      kind: li.getAttribute("data-kind"),
      excerpt: (li.querySelector(".guard-text")?.textContent ?? "").replace(/\s+/g, " "),
      marked: li.querySelector("mark")?.lastChild?.textContent ?? "",
    })),
  );
}

describe("the guard lets the Table's public numbers through", () => {
  let threadPath = "";

  it("a worker's consultation naming Info-Social 811 and Tel-jeunes is sent", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    await ensureLanguage(page, "fr");
    await page.goto(url("/pathway"));
    expect(await mainText(page)).toContain(DPJ);
    await openFormForSpvq(page);
    const subject = `Ressources déjà données à une élève ${Date.now()}`;
    await page.locator('[name="subject"]').fill(subject);
    await page.locator('[name="context"]').fill("Une élève de 14 ans a déjà reçu le numéro de Tel-jeunes (1 800 263-2266) et d'Info-Social 811.");
    await page.locator('[name="question"]').fill(`Faut-il appeler la DPJ au ${DPJ} dès maintenant?`);
    await submit(page, 'form:has([name="subject"])');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/consultations\/[0-9a-f-]{36}$/);
    threadPath = new URL(page.url()).pathname;
    await expectText(page, fr["consultations.thread.created.notice"]);
    await context.close();
  });

  it("the pivot's reply with an unknown phone shows the shared guard UI, in English and French, at 1280 and 390 px", async () => {
    expect(threadPath).not.toBe("");
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, SPVQ_PIVOT);
    await ensureLanguage(page, "en");
    await page.goto(url(threadPath));
    const body = `Call the DPJ at ${DPJ}. The youth said she can be reached at ${YOUTH_PHONE}; the other region's line is ${OTHER_TABLE_DPJ}.`;
    await reply(page, body);
    expect(await findingsShown(page)).toEqual([
      { kind: "phone", marked: YOUTH_PHONE, excerpt: expect.stringContaining(`reached at ${en["guard.kind.phone"]}: ${YOUTH_PHONE}; the other`) },
      { kind: "phone", marked: OTHER_TABLE_DPJ, excerpt: expect.stringContaining(`line is ${en["guard.kind.phone"]}: ${OTHER_TABLE_DPJ}.`) },
    ]);
    await expectText(page, en["guard.title"]);
    await expectText(page, en["guard.hint.phone"]);
    expect(await page.locator('[name="body"]').inputValue(), "the text is kept for editing").toBe(body);
    await checkA11y(page, "guard findings on a reply (en)");
    await screenshot(page, "guard-reply-en-1280");

    await ensureLanguage(page, "fr");
    await page.goto(url(threadPath));
    await reply(page, `Appelez la DPJ au ${DPJ}. La jeune répond au ${YOUTH_PHONE}.`);
    expect(await findingsShown(page)).toEqual([
      { kind: "phone", marked: YOUTH_PHONE, excerpt: expect.stringContaining(`La jeune répond au ${fr["guard.kind.phone"]} : ${YOUTH_PHONE}.`) },
    ]);
    await expectText(page, fr["guard.hint.phone"]);
    await checkA11y(page, "guard findings on a reply (fr)");
    await screenshot(page, "guard-reply-fr-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await checkA11y(page, "guard findings on a reply (fr, 390 px)");
    await screenshot(page, "guard-reply-fr-390");
    await page.setViewportSize({ width: 1280, height: 800 });

    const accepted =
      `Appelez la DPJ au ${DPJ} (24/7). Pour elle : Tel-jeunes 1 800 263-2266 ou texto 514 600-1002, ` +
      `Jeunesse, J'écoute 1-800-668-6868, Info-Social 811. Moi : ${OWN_PHONE}.`;
    await reply(page, accepted);
    await expectText(page, accepted);
    expect(await page.locator("[data-guard-findings]").count()).toBe(0);
    expect(await page.locator('[name="body"]').inputValue(), "the reply box is empty once sent").toBe("");
    await checkA11y(page, "thread with the accepted reply (fr)");
    await screenshot(page, "guard-reply-accepted-fr");
    await context.close();
  });
});
