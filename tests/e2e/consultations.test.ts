import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, heading, launchBrowser, mainText, newContext, screenshot, signIn, url } from "./support.ts";
import { expectText, openFormForSpvq, submit } from "./consultation-steps.ts";

const WORKER = "intervenant.ecole@filet.test";
const SPVQ_PIVOT = "coord-pivots.spvq@filet.test";
const THIRD_ORG_USER = "formateur.pipq@filet.test";
const fr = catalog.fr;
const en = catalog.en;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("de-identified consultations in the browser", () => {
  let threadPath = "";

  it("the worker's text with a phone and a health-insurance number comes back highlighted; the clean one is sent", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    await ensureLanguage(page, "fr");
    await page.goto(url("/consultations"));
    await checkA11y(page, "/consultations (fr)");
    await openFormForSpvq(page);
    expect(new URL(page.url()).pathname).toBe("/consultations/new");
    expect(await heading(page)).toBe(fr["consultations.new.title"]);
    await checkA11y(page, "new consultation (fr)");

    const subject = `Adulte insistant auprès d'une élève ${Date.now()}`;
    await page.locator('[name="subject"]').fill(subject);
    await page.locator('[name="context"]').fill("Une élève de 15 ans reçoit des appels d'un adulte au 418 555-0188. Sa carte TREJ 0912 3456 a été trouvée chez lui.");
    await page.locator('[name="question"]').fill("Faut-il signaler à la DPJ maintenant?");
    await page.locator('[name="urgency"]').selectOption("high");
    await submit(page, 'form:has([name="subject"])');

    const marks = page.locator("[data-guard-findings] mark");
    await expect.poll(() => marks.count()).toBe(2);
    expect(await marks.nth(0).textContent()).toBe(`${fr["guard.kind.phone"]}\u00a0: 418 555-0188`);
    expect(await marks.nth(1).textContent()).toBe(`${fr["guard.kind.health_insurance_number"]}\u00a0: TREJ 0912 3456`);
    await expectText(page, fr["guard.hint.phone"]);
    // The text is kept for editing.
    expect(await page.locator('[name="context"]').inputValue()).toContain("418 555-0188");
    await checkA11y(page, "guard findings (fr)");
    await screenshot(page, "consultation-guard-fr");

    await page.locator('[name="context"]').fill("Une élève de 15 ans reçoit des appels insistants d'un adulte plus âgé. Elle semble craintive.");
    await submit(page, 'form:has([name="subject"])');
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/consultations\/[0-9a-f-]{36}$/);
    threadPath = new URL(page.url()).pathname;
    await expect.poll(() => heading(page)).toBe(subject);
    await expectText(page, fr["consultations.thread.created.notice"]);
    await checkA11y(page, "thread (fr)");

    await ensureLanguage(page, "en");
    await page.goto(url(threadPath));
    await expectText(page, en["consultations.status.new"]);
    await checkA11y(page, "thread (en)");
    await page.goto(url("/consultations"));
    await checkA11y(page, "/consultations (en)");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("the SPVQ pivot takes it, answers (the guard catches a detail in English) and closes it", async () => {
    expect(threadPath).not.toBe("");
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, SPVQ_PIVOT);
    await ensureLanguage(page, "en");
    await page.goto(url(threadPath));
    await checkA11y(page, "thread as pivot (en)");
    await submit(page, 'form:has(input[name="intent"][value="take"])');
    await expectText(page, en["consultations.thread.taken"]);

    await page.locator('[name="body"]').fill("Call me at 581-555-0177 and we will look at it together.");
    await submit(page, 'form:has([name="body"])');
    await expect.poll(() => page.locator("[data-guard-findings] mark").count()).toBe(1);
    await checkA11y(page, "guard findings (en)");
    await screenshot(page, "consultation-guard-en");

    await page.locator('[name="body"]').fill("Yes: report to the DPJ now; consulting a pivot never delays a report. I am available to help.");
    await submit(page, 'form:has([name="body"])');
    await expectText(page, "consulting a pivot never delays a report");
    expect(await page.locator('[name="body"]').inputValue(), "the reply box is empty once sent").toBe("");
    await expectText(page, en["consultations.status.answered"]);

    await submit(page, 'form:has(input[name="intent"][value="close"])');
    await expectText(page, en["consultations.thread.closedNotice"]);
    await checkA11y(page, "closed thread (en)");
    await ensureLanguage(page, "fr");
    await checkA11y(page, "closed thread (fr)");
    await context.close();
  });

  it("a third organization's user gets the 404 page on its URL", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, THIRD_ORG_USER);
    await ensureLanguage(page, "fr");
    const response = await page.goto(url(threadPath));
    expect(response?.status()).toBe(404);
    expect(await heading(page)).toBe(fr["error.notFound.title"]);
    expect(await mainText(page)).not.toContain("Adulte insistant");
    await checkA11y(page, "404 (fr)");
    const missing = await page.goto(url(`/consultations/${crypto.randomUUID()}`));
    expect(missing?.status()).toBe(404);
    await context.close();
  });
});
