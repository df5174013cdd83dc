import { expect } from "vitest";
import type { Page } from "playwright-core";
import { submit as submitForm, checkA11y, mainText, url } from "./support.ts";

/** Steps the consultation browser tests share. */
export async function submit(page: Page, formSelector: string) {
  await submitForm(page, page.locator(`${formSelector} [type="submit"]`).first());
}

/** The page after a submission: React may still be rendering the new data when the URL changed. */
export async function expectText(page: Page, text: string) {
  // mainText collapses every space, the no-break ones of French punctuation included.
  await expect.poll(() => mainText(page), { message: `page shows "${text}"` }).toContain(text.replace(/\s+/g, " "));
}

/**
 * The new-consultation form for the SPVQ pivot: from the pathway's "ask for advice" link when
 * it lists him, otherwise to the SPVQ's pivots from the consultations page.
 */
export async function openFormForSpvq(page: Page) {
  await page.goto(url("/pathway"));
  const ask = page.locator('a[href^="/consultations/new?pivot="]', { hasText: "Paradis" }).first();
  if (await ask.count()) {
    await page.goto(url((await ask.getAttribute("href"))!));
    return;
  }
  await page.goto(url("/consultations"));
  await checkA11y(page, "/consultations (fr)");
  const select = page.locator("#ask-organization");
  const value = await select.locator("option", { hasText: "SPVQ" }).first().getAttribute("value");
  await select.selectOption(value!);
  await submit(page, 'form[action="/consultations/new"]');
}
