import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { pdfText } from "../support/pdf-text.ts";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, mainText, newContext, screenshot, settled, signIn, submit, switchLanguage, url, visit } from "./support.ts";

const WORKER = "intervenant.ecole@filet.test";
const OBSERVER = "valerie.poulin@filet.test";
const COORDINATOR = "coordination@filet.test";
const EVALUATOR = "evaluation@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("certificates, evaluation and observation", () => {
  let code = "";

  it("a worker who completed a session downloads the certificate PDF and answers the anonymous evaluation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    await ensureLanguage(page, "fr");
    await visit(page, "/training/register");
    await followLink(page, page.locator("main a", { hasText: "Ma formation" }));
    await visit(page, "/training/mine", "training-mine-fr");
    expect(await heading(page)).toBe("Ma formation");
    const download = page.locator("main a", { hasText: "Télécharger mon attestation" }).first();
    const href = (await download.getAttribute("href"))!;
    expect(href).toMatch(/^\/training\/sessions\/[0-9a-f-]{36}\/certificate$/);
    const pdf = await page.request.get(url(href));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(bytes);
    expect(text).toContain("Jonathan Gagnon");
    expect(text).toContain("Attestation de formation");
    code = /Code de vérification\s:\s([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? "";
    expect(code).not.toBe("");

    // The session space, then the evaluation (anonymous, once).
    const spacePath = href.replace(/\/certificate$/, "/space");
    await visit(page, spacePath, "training-space-fr");
    expect(await mainText(page)).toContain("Exercices du guide utilisés");
    await followLink(page, page.locator("main a", { hasText: "Répondre à l'évaluation" }));
    await visit(page, new URL(page.url()).pathname, "training-evaluation-fr");
    expect(await mainText(page)).toContain("Vos réponses sont anonymes");
    const evaluationPath = new URL(page.url()).pathname;
    await ensureLanguage(page, "en");
    await visit(page, evaluationPath, "training-evaluation-en");
    expect(await mainText(page)).toContain("Your answers are anonymous");
    await ensureLanguage(page, "fr");
    for (const [name, value] of [
      ["a_sat-overall", "5"],
      ["a_sat-useful", "4"],
      ["a_sat-pair", "5"],
      ["a_sat-recommend", "yes"],
      ["a_kn-consent", "no"],
      ["a_kn-pivot", "yes"],
      ["a_kn-signs", "yes"],
    ] as const) {
      await page.locator(`input[name="${name}"][value="${value}"]`).check();
    }
    await submit(page, page.locator("main button", { hasText: "Envoyer mes réponses" }));
    expect(await mainText(page)).toContain("Merci ! Vos réponses anonymes sont enregistrées.");
    await checkA11y(page);
    await screenshot(page, "training-evaluation-thanks-fr");

    await ensureLanguage(page, "en");
    await visit(page, "/training/mine", "training-mine-en");
    expect(await heading(page)).toBe("My training");
    await visit(page, spacePath, "training-space-en");
    expect(await mainText(page)).toContain("Evaluation: you answered");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("anyone verifies the certificate's code on the public page (FR and EN); an unknown code says so", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await visit(page, "/certificates/verify", "certificate-verify-fr");
    expect(await heading(page)).toBe("Vérifier une attestation");
    await page.locator('input[name="code"]').fill(code.toLowerCase().replace(/-/g, " "));
    await Promise.all([page.waitForURL((u) => u.searchParams.has("code")), page.locator("main button", { hasText: "Vérifier" }).click()]);
    await settled(page);
    const text = await mainText(page);
    expect(text).toContain("Attestation authentique");
    expect(text).toContain("Jonathan Gagnon");
    expect(text).toContain(code);
    await checkA11y(page);
    await screenshot(page, "certificate-verify-valid-fr");

    await switchLanguage(page);
    await visit(page, `/certificates/verify?code=${code}`, "certificate-verify-valid-en");
    expect(await mainText(page)).toContain("Authentic certificate");
    await visit(page, "/certificates/verify?code=ZZZZ-ZZZZ-ZZZZ-ZZZZ", "certificate-verify-unknown-en");
    expect(await mainText(page)).toContain("Unknown code");
    await context.close();
  });

  it("the observer fills the session's observation grid (draft, then submitted)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, OBSERVER);
    await ensureLanguage(page, "fr");
    await visit(page, "/training/mine", "training-mine-observer-fr");
    // The latest given session (the recent season's last, two months ago) is the one left to fill; the cards are newest first.
    await followLink(page, page.locator("main .card a").first());
    await followLink(page, page.locator("main a", { hasText: "Grille d'observation" }));
    const gridPath = new URL(page.url()).pathname;
    await visit(page, gridPath, "training-observation-fr");
    expect(await heading(page)).toContain("Grille d'observation");
    await page.locator('input[name="a_obs-objectives"][value="4"]').check();
    await submit(page, page.locator("main button", { hasText: "Enregistrer le brouillon" }));
    expect(await mainText(page)).toContain("Brouillon enregistré.");
    await page.locator('input[name="a_obs-pair"][value="5"]').check();
    await page.locator('input[name="a_obs-participation"][value="4"]').check();
    await page.locator('input[name="a_obs-exercises"][value="yes"]').check();
    await page.locator('input[name="a_obs-safety"][value="yes"]').check();
    await page.locator('textarea[name="a_obs-notes"]').fill("Duo complémentaire, échanges riches entre milieux.");
    await submit(page, page.locator("main button", { hasText: "Soumettre la grille" }));
    const text = await mainText(page);
    expect(text).toContain("Grille soumise. Merci !");
    expect(text).toContain("Duo complémentaire, échanges riches entre milieux.");
    await checkA11y(page);
    await screenshot(page, "training-observation-submitted-fr");
    await ensureLanguage(page, "en");
    await visit(page, gridPath, "training-observation-submitted-en");
    expect(await mainText(page)).toContain("Submitted");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("the coordinator and the evaluator read the counts (the seeds' 32 sessions and the recent season's 6, about 535 trained) and the results", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATOR);
    await ensureLanguage(page, "fr");
    await visit(page, "/training");
    await followLink(page, page.locator("main nav a", { hasText: "En chiffres" }));
    await visit(page, "/training/stats", "training-stats-fr");
    const figures = await page.locator("dl.key-figures dd").allTextContents();
    expect(figures[0]).toBe("38");
    expect(Number(figures[1])).toBeGreaterThanOrEqual(510);
    expect(Number(figures[1])).toBeLessThanOrEqual(560);
    await visit(page, "/training/results", "training-results-fr");
    expect(await mainText(page)).toContain("Vérification des connaissances");
    await visit(page, "/training/questionnaires/evaluation", "training-questionnaire-editor-fr");
    await visit(page, "/training/certificates", "training-certificates-fr");
    expect(await mainText(page)).toContain("Jonathan Gagnon");
    await context.close();

    const evaluatorContext = await newContext(browser);
    const evaluator = await evaluatorContext.newPage();
    await signIn(evaluator, EVALUATOR);
    const lang = (await evaluator.locator("html").getAttribute("lang")) as "fr" | "en";
    await visit(evaluator, "/training/stats", `training-stats-evaluator-${lang}`);
    expect((await evaluator.locator("dl.key-figures dd").allTextContents())[0]).toBe("38");
    await visit(evaluator, "/training/results", `training-results-evaluator-${lang}`);
    await evaluatorContext.close();
  });
});
