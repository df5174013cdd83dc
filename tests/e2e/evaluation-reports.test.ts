import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

/**
 * A recommendation from filing to verification: the evaluator adds one to the third demo report,
 * the coordinator answers it after a Table decision and links a key action, the evaluator
 * verifies it. State: one new recommendation on that report (its text names this file);
 * evaluation@ stays in French (its language belongs to language.test.ts); coordination@ is
 * switched to English for the axe check and back to French.
 */
const EVALUATOR = "evaluation@filet.test";
const COORDINATOR = "coordination@filet.test";
const TEXT = `Essai du navigateur (evaluation-reports.test) — partager un calendrier commun des pivots ${Date.now()}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const formOf = (page: Page, intent: string) => page.locator(`form:has(input[name="intent"][value="${intent}"])`);

async function shots(page: Page, name: string) {
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe("evaluation reports", () => {
  it("the evaluator files a recommendation, the coordinator answers it, the evaluator verifies it", { timeout: 180_000 }, async () => {
    const evaluatorContext = await newContext(browser);
    const evaluator = await evaluatorContext.newPage();
    await signIn(evaluator, EVALUATOR);
    await evaluator.goto(url("/evaluation/reports"));
    expect(await heading(evaluator)).toBe("Rapports d'évaluation");
    await checkA11y(evaluator);
    await followLink(evaluator, evaluator.locator("a", { hasText: "Troisième rapport intérimaire" }).first());
    expect(await mainText(evaluator)).toContain("Concrétiser un réseau de communication entre les pivots");
    await checkA11y(evaluator);
    await shots(evaluator, "evaluation-report-fr");

    const add = formOf(evaluator, "recommendation");
    await add.locator("#recommendation-text").fill(TEXT);
    await add.locator("#recommendation-addressee").selectOption("pivots");
    await add.locator("#recommendation-priority").selectOption("high");
    await submit(evaluator, add.locator('button[type="submit"]'));
    expect(await heading(evaluator)).toBe("Recommandation 6");
    const recPath = new URL(evaluator.url()).pathname;
    expect(await mainText(evaluator)).toContain("En attente de réponse");

    const coordinatorContext = await newContext(browser);
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, COORDINATOR);
    await ensureLanguage(coordinator, "fr");
    await coordinator.goto(url(recPath));
    const respond = formOf(coordinator, "respond");
    await respond.locator("#respond-response").selectOption("agree");
    await respond.locator("#respond-rationale").fill("La Table retient la proposition à sa rencontre.");
    await respond.locator("#respond-decisionId").selectOption({ index: 1 });
    await submit(coordinator, respond.locator('button[type="submit"]'));
    expect(await mainText(coordinator)).toContain("La réponse de la direction est enregistrée.");
    const link = formOf(coordinator, "link");
    await link.locator("#link-target").selectOption({ index: 1 });
    await submit(coordinator, link.locator('button[type="submit"]'));
    expect(await mainText(coordinator)).toContain("L'action clé est liée.");
    // The coordinator has no verification form: closing is the evaluator's.
    expect(await formOf(coordinator, "verify").count()).toBe(0);
    await checkA11y(coordinator);
    await ensureLanguage(coordinator, "en");
    expect(await heading(coordinator)).toBe("Recommendation 6");
    await checkA11y(coordinator);
    await coordinator.goto(url("/evaluation/reports"));
    await checkA11y(coordinator);
    await ensureLanguage(coordinator, "fr");
    await coordinatorContext.close();

    await evaluator.goto(url(recPath));
    const verify = formOf(evaluator, "verify");
    await verify.locator("#verify-verification").selectOption("implemented");
    await verify.locator("#verify-evidence").fill("Calendrier partagé en ligne depuis l'automne.");
    await submit(evaluator, verify.locator('button[type="submit"]'));
    const text = await mainText(evaluator);
    expect(text).toContain("La vérification est enregistrée.");
    expect(text).toContain("Vérifiée par François Lemieux");
    expect(text).toContain("Réponse enregistrée");
    await checkA11y(evaluator);
    await shots(evaluator, "evaluation-recommendation-fr");
    await evaluatorContext.close();
  });
});
