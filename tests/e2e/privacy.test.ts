import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, newContext, screenshot, signIn, switchLanguage, url } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// aiprp.spvq@ (the SPVQ's privacy officer) belongs to this file: it only reads and downloads, and
// switches to English and back to French.
describe("the privacy officer's register", () => {
  it("lists the SPVQ's incident, opens it, downloads the copy for the Commission, in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "aiprp.spvq@filet.test");
    await ensureLanguage(page, "fr");
    await page.goto(url("/privacy/incidents"));
    expect(await heading(page)).toBe(catalog.fr["privacy.incidents.title"]);
    const main = page.locator("main");
    await expect.poll(() => main.textContent()).toContain("Renseignements permettant d'identifier une jeune");
    // The Table's own incident is not in the SPVQ's register.
    expect(await main.textContent()).not.toContain("Invitation à Filet envoyée");
    await checkA11y(page, "/privacy/incidents (fr)");
    await screenshot(page, "privacy-incidents-fr-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "privacy-incidents-fr-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    const csv = await page.request.get(url("/privacy/incidents/register.csv"));
    expect(csv.status()).toBe(200);
    expect((await csv.body()).toString("utf8")).toContain(catalog.fr["privacy.field.circumstances"]);

    await followLink(page, main.getByRole("link", { name: "Renseignements permettant d'identifier une jeune" }));
    await expect.poll(() => heading(page)).toContain("Renseignements permettant");
    await checkA11y(page, "/privacy/incidents/:id (fr)");
    await screenshot(page, "privacy-incident-fr-1280");

    await switchLanguage(page);
    await expect.poll(() => main.textContent()).toContain(catalog.en["privacy.measures.title"]);
    await checkA11y(page, "/privacy/incidents/:id (en)");
    await page.goto(url("/privacy/my-data"));
    expect(await heading(page)).toBe(catalog.en["privacy.myData.title"]);
    await checkA11y(page, "/privacy/my-data (en)");
    await screenshot(page, "privacy-my-data-en-1280");
    await ensureLanguage(page, "fr");
    await page.goto(url("/privacy/my-data"));
    await checkA11y(page, "/privacy/my-data (fr)");
    await context.close();
  });

  it("shows the Table coordinator the retention schedule, its next runs and the destruction record, in French and English", async () => {
    // coordination@ only reads here; its language is read and left as found.
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "coordination@filet.test");
    const start = (await page.locator("html").getAttribute("lang")) === "en" ? "en" : "fr";
    for (const locale of start === "fr" ? (["fr", "en"] as const) : (["en", "fr"] as const)) {
      await ensureLanguage(page, locale);
      await page.goto(url("/privacy/retention"));
      expect(await heading(page)).toBe(catalog[locale]["privacy.retention.title"]);
      // One rule per data kind, survey answers among them, in one form that carries the schedule's version.
      await expect.poll(() => page.locator("main").textContent()).toContain(catalog[locale]["privacy.retention.kind.survey_answers"]);
      expect(await page.locator("main form input[name=version]").count()).toBe(1);
      await checkA11y(page, `/privacy/retention (${locale})`);
      await screenshot(page, `privacy-retention-${locale}-1280`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "privacy-retention-390");
    await ensureLanguage(page, start);
    await context.close();
  });
});
