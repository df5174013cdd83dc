import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkA11y, ensureLanguage, heading, launchBrowser, mainText, newContext, screenshot, signIn, url } from "./support.ts";

/**
 * What a person sees when a browser sends what no form of ours sends: a page in their
 * language saying what happened (413 too large, 415 wrong format), never a stack trace or a
 * raw message key, and nothing saved.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Builds a real HTML form in the page and submits it natively (a document navigation). */
async function postNatively(page: Page, action: string, fields: Record<string, string>, enctype = "application/x-www-form-urlencoded") {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === action);
  await page.evaluate(
    ({ action, fields, enctype }) => {
      const form = document.createElement("form");
      form.method = "post";
      form.action = action;
      form.enctype = enctype;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement("textarea");
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    },
    { action, fields, enctype },
  );
  const response = await answered;
  await page.waitForLoadState("load");
  return response.status();
}

const meeting = { title: "Envoi refusé", kind: "table", day: "2027-01-12", startTime: "09:00", endTime: "10:00" };

describe("refused submissions", () => {
  for (const locale of ["fr", "en"] as const) {
    it(`a 2 MB form gets the 413 page in ${locale === "fr" ? "French" : "English"}, nothing saved`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, "coordination@filet.test");
      await ensureLanguage(page, locale);
      await page.goto(url("/meetings/new?kind=table"));
      const status = await postNatively(page, "/meetings/new", { ...meeting, objectives: "x".repeat(2 * 1024 * 1024) });
      expect(status).toBe(413);
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);
      expect(await heading(page)).toBe(locale === "fr" ? "Envoi trop volumineux" : "Submission too large");
      expect(await page.locator("body").innerText()).not.toMatch(/error\.|at .*\.js|node_modules|\/work\//);
      await screenshot(page, `error-413-${locale}`);
      await page.goto(url("/"));
      await ensureLanguage(page, "fr");
      await context.close();
    });

    it(`a text/plain form gets the 415 page in ${locale === "fr" ? "French" : "English"}, with no raw keys`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, "coordination@filet.test");
      await ensureLanguage(page, locale);
      await page.goto(url("/meetings/new?kind=table"));
      const status = await postNatively(page, "/meetings/new", meeting, "text/plain");
      expect(status).toBe(415);
      expect(await page.locator("html").getAttribute("lang")).toBe(locale);
      expect(await heading(page)).toBe(locale === "fr" ? "Format d'envoi non accepté" : "Submission format not accepted");
      const text = await mainText(page);
      expect(text).not.toMatch(/error\.[a-z]+\.|at .*\.js|node_modules|\/work\//);
      await checkA11y(page, `415 ${locale}`);
      await screenshot(page, `error-415-${locale}`);
      // Nothing was created: the meetings list has no such meeting.
      await page.goto(url("/meetings"));
      expect(await mainText(page)).not.toContain("Envoi refusé");
      await ensureLanguage(page, "fr");
      await context.close();
    });
  }

  it("a page that does not exist says so in the reader's language, checked with axe", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "pivot.cjq@filet.test");
    for (const locale of ["fr", "en"] as const) {
      await ensureLanguage(page, locale);
      const response = await page.goto(url("/meetings/00000000-0000-0000-0000-000000000000"));
      expect(response?.status()).toBe(404);
      expect(await heading(page)).toBe(locale === "fr" ? "Page introuvable" : "Page not found");
      await checkA11y(page, `404 ${locale}`);
    }
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
