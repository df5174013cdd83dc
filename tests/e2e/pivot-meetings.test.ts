import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, followLink, heading, htmlLang, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

/*
 * Pivot meetings in the browser (issue 14 §5): the SPVQ pivot coordinator answers the date poll
 * of the demo's upcoming regional meeting without JavaScript (a table of radio groups), changes
 * an answer, and registers then withdraws. This file owns coord-pivots.spvq@'s poll answers and
 * registration on that meeting (see support.ts); it reads the page's language, and switches to
 * English for axe and back to French.
 */
const SPVQ = "coord-pivots.spvq@filet.test";
const MEETING_TITLE = "Prochaine rencontre régionale des intervenants pivots";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openMeeting(page: Page): Promise<void> {
  await page.goto(url("/meetings"));
  await followLink(page, page.getByRole("link", { name: MEETING_TITLE }).first());
  expect(await heading(page)).toBe(MEETING_TITLE);
}

const messages = async (page: Page) => ((await htmlLang(page)) === "en" ? catalog.en : catalog.fr);

describe("a pivot meeting's date poll", () => {
  it("a pivot answers the poll without JavaScript, then changes an answer", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, SPVQ);
    await openMeeting(page);
    const t = await messages(page);
    // The page-weight ceiling of /meetings/:id (tests/e2e/page-weight.test.ts) holds with the poll and the review.
    expect(Buffer.byteLength(await page.content())).toBeLessThan(60_000);
    const form = page.locator('form:has(input[name="intent"][value="answerPoll"])');
    const rows = form.locator("tbody tr");
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i += 1) await rows.nth(i).locator('input[type="radio"]').nth(i % 2 ? 2 : 0).check();
    await submit(page, form.locator('button[type="submit"]'));
    expect(await mainText(page)).toContain(t["meetings.saved.pollAnswered"]);
    const again = page.locator('form:has(input[name="intent"][value="answerPoll"]) tbody tr');
    expect(await again.nth(0).locator('input[value="yes"]').isChecked()).toBe(true);
    expect(await again.nth(1).locator('input[value="no"]').isChecked()).toBe(true);
    // Changed mind: the second slot works if needed.
    await again.nth(1).locator('input[value="if_needed"]').check();
    await submit(page, page.locator('form:has(input[name="intent"][value="answerPoll"]) button[type="submit"]'));
    expect(await page.locator('form:has(input[name="intent"][value="answerPoll"]) tbody tr').nth(1).locator('input[value="if_needed"]').isChecked()).toBe(true);
    // Register, then withdraw (the demo's registrations stay as seeded).
    await submit(page, page.getByRole("button", { name: t["meetings.registration.register"] }));
    expect(await mainText(page)).toContain(t["meetings.registration.youAre"]);
    await submit(page, page.getByRole("button", { name: t["meetings.registration.withdraw"] }));
    expect(await mainText(page)).toContain(t["meetings.registration.youAreNot"]);
    await context.close();
  });

  it("the meeting page passes axe in French and English, at 1280 and 390 px", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, SPVQ);
    await openMeeting(page);
    await ensureLanguage(page, "fr");
    await checkA11y(page);
    await screenshot(page, "pivot-meeting-1280");
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, "pivot-meeting-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await ensureLanguage(page, "en");
    expect(await mainText(page)).toContain(catalog.en["meetings.poll.tallyCaption"]);
    await checkA11y(page);
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
