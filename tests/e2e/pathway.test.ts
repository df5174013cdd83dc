import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  checkA11y,
  followLink,
  submit as submitForm,
  ensureLanguage,
  heading,
  launchBrowser,
  mainText,
  newContext,
  screenshot,
  signIn,
  url,
  visit,
} from "./support.ts";

const WORKER = "intervenant.ecole@filet.test";
const COORDINATOR = "coordination@filet.test";
const NEW_SIGNS = "Texte révisé par la Table pendant le test : des signes possibles, en quelques mots.";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function submit(page: Page, intent: string): Promise<void> {
  await submitForm(page, page.locator(`form:has(input[name="intent"][value="${intent}"]) button[type="submit"]`).first());
}

describe("the \"I have a doubt\" pathway", () => {
  it("shows the worker 911 first, then their own organization's pivots before the other partners'", async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, WORKER);
    await ensureLanguage(page, "fr");
    await visit(page, "/pathway", "pathway-worker-fr");
    expect(await heading(page)).toBe("J'ai un doute");

    // Step 1 is the first section and its call link is the first phone link of the page.
    const firstSection = page.locator("main section").first();
    expect(await firstSection.locator("h2").textContent()).toContain("911");
    expect(await page.locator('main a[href^="tel:"]').first().getAttribute("href")).toBe("tel:911");
    expect(await mainText(page)).toContain("à valider par la Table");

    // Own pivots come first, from the worker's organization; the other partners' after.
    const own = page.locator('[data-testid="own-pivots"] > li');
    await expect.poll(() => own.count()).toBeGreaterThan(0);
    expect(await own.first().textContent()).toContain("Premières-Seigneuries");
    const others = page.locator('[data-testid="other-pivots"] > li');
    expect(await others.count()).toBeGreaterThan(0);
    const ownBeforeOthers = await page.evaluate(() => {
      const a = document.querySelector('[data-testid="own-pivots"]');
      const b = document.querySelector('[data-testid="other-pivots"]');
      return !!a && !!b && !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(ownBeforeOthers).toBe(true);
    expect(await own.first().locator('a[href^="tel:"], a[href^="mailto:"]').count()).toBeGreaterThan(0);

    await ensureLanguage(page, "en");
    await visit(page, "/pathway", "pathway-worker-en");
    expect(await heading(page)).toBe("I have a doubt");
    expect(await mainText(page)).toContain("to be validated by the Table");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("lets the Table coordinator edit and publish a step, and the worker sees the new text", async () => {
    const coordinatorContext = await newContext(browser);
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, COORDINATOR);
    await ensureLanguage(coordinator, "fr");

    await visit(coordinator, "/pathway/edit", "pathway-edit-fr");
    await coordinator.locator('textarea[name="fr.signs"]').fill(NEW_SIGNS);
    await coordinator.locator('input[name="changeNote"]').fill("Étape 2 simplifiée (test)");
    await submit(coordinator, "save");
    expect(new URL(coordinator.url()).pathname).toMatch(/^\/pathway\/versions\/[0-9a-f-]{36}$/);
    await checkA11y(coordinator, "pathway version (draft)");
    await submit(coordinator, "publish");
    expect(await mainText(coordinator)).toContain("Version publiée");
    await screenshot(coordinator, "pathway-version-published-fr");

    await visit(coordinator, "/pathway/versions", "pathway-versions-fr");
    await ensureLanguage(coordinator, "en");
    await visit(coordinator, "/pathway/versions", "pathway-versions-en");
    await visit(coordinator, "/pathway/edit", "pathway-edit-en");
    await ensureLanguage(coordinator, "fr");

    const workerContext = await newContext(browser);
    const worker = await workerContext.newPage();
    await signIn(worker, WORKER);
    await worker.goto(url("/pathway"));
    expect(await mainText(worker)).toContain(NEW_SIGNS);
    await workerContext.close();

    // Leave the demo as it was: restore version 1 into a draft and publish it.
    await coordinator.goto(url("/pathway/versions"));
    const versionOne = coordinator.locator("main table tbody tr").last().locator("a").first();
    await followLink(coordinator, versionOne);
    await submit(coordinator, "restore");
    await submit(coordinator, "publish");
    await coordinator.goto(url("/pathway"));
    expect(await mainText(coordinator)).not.toContain(NEW_SIGNS);
    await coordinatorContext.close();
  });

  it("answers a worker who tries the editor pages with \"not found\"", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    const res = await page.goto(url("/pathway/edit"));
    expect(res?.status()).toBe(404);
    await context.close();
  });
});

describe("pivot activities, shared", () => {
  it("lets a pivot log an activity, refusing notes with a phone number, and shows it in the shared feed", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "pivot.cjq@filet.test");
    await ensureLanguage(page, "fr");
    await visit(page, "/activities", "activities-feed-fr");
    expect(await heading(page)).toBe("Activités des pivots");

    await visit(page, "/activities/new", "activities-new-fr");
    await page.locator('select[name="type"]').selectOption("awareness_session");
    await page.locator('input[name="audience"]').fill("Personnel d'une école secondaire (test)");
    await page.locator('input[name="audienceSize"]').fill("24");
    await page.locator('input[name="durationMinutes"]').fill("60");
    await page.locator('textarea[name="notes"]').fill("Suivi à faire : rappeler le 418 555-1234 la semaine prochaine.");
    await submit(page, "save");
    const findings = page.locator("[data-guard-findings]");
    expect(await findings.count()).toBe(1);
    expect(await findings.textContent()).toContain("Numéro de téléphone");
    await checkA11y(page, "activity form with findings");
    await screenshot(page, "activities-pii-fr");

    const note = "Séance sur les signes d'exploitation; bonne participation (test e2e).";
    await page.locator('textarea[name="notes"]').fill(note);
    await submit(page, "save");
    expect(new URL(page.url()).pathname).toBe("/activities");
    expect(await mainText(page)).toContain(note);

    await ensureLanguage(page, "en");
    await visit(page, "/activities", "activities-feed-en");
    expect(await heading(page)).toBe("Pivot activities");
    await visit(page, "/activities/new", "activities-new-en");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("shows the feed to a worker but answers \"not found\" when they try to log", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    await page.goto(url("/activities"));
    expect(await heading(page)).toBe("Activités des pivots");
    expect(await page.locator('a[href="/activities/new"]').count()).toBe(0);
    const res = await page.goto(url("/activities/new"));
    expect(res?.status()).toBe(404);
    await context.close();
  });
});
