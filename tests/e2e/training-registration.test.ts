import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { quebecDay } from "../../app/modules/time/days.ts";
import { pdfText } from "../support/pdf-text.ts";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, mainText, newContext, screenshot, settled, signIn, submit, url, visit } from "./support.ts";

const COORDINATOR = "coordination@filet.test";
const WORKER = "intervenant.ecole@filet.test";
const SECOND = "pivot.cjq@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function as(email: string): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, email);
  await ensureLanguage(page, "fr");
  return page;
}

const card = (page: Page, sessionId: string) => page.locator(`main li.card:has(input[name="sessionId"][value="${sessionId}"])`);

/** A calendar day `offset` days from today in Québec (the server's dates are Québec's). */
const dayFromToday = (offset: number) => quebecDay(new Date(Date.now() + offset * 86_400_000));

/** Where this file's past session is held: its row on the overview is found by it. */
const PAST_PLACE = "Salle Jean-Lesage, Québec (séance de rattrapage)";

describe("training: registration, waiting list, attendance and completion", () => {
  let sessionId = "";

  it("the coordinator opens a one-seat session; the next person waits; a cancellation promotes them", async () => {
    const coordinator = await as(COORDINATOR);
    await visit(coordinator, "/training");
    // The last upcoming session of the season: no other browser test touches it.
    const link = coordinator.locator('main section[aria-labelledby="current-sessions"] a[href^="/training/sessions/"]').last();
    sessionId = (await link.getAttribute("href"))!.split("/").pop()!;
    await visit(coordinator, `/training/sessions/${sessionId}`);
    await coordinator.locator("main details.edit-panel > summary").click();
    await coordinator.locator('select[name="status"]').selectOption("open");
    await coordinator.locator('input[name="capacity"]').fill("1");
    await submit(coordinator, coordinator.locator('form:has(select[name="status"]) button[type="submit"]'));
    expect(await mainText(coordinator)).toContain("Séance enregistrée.");

    const worker = await as(WORKER);
    await visit(worker, "/training/register");
    await submit(worker, card(worker, sessionId).locator('button[type="submit"]'));
    expect(await mainText(worker)).toContain("Inscription confirmée.");

    const second = await as(SECOND);
    await visit(second, "/training/register");
    await submit(second, card(second, sessionId).locator('button[type="submit"]'));
    expect(await mainText(second)).toContain("vous êtes sur la liste d'attente");
    expect(await card(second, sessionId).textContent()).toContain("séance complète");
    await screenshot(second, "training-register-waitlisted-fr");
    await checkA11y(second, "/training/register (waiting, fr)");

    await visit(worker, "/training/register");
    await submit(worker, card(worker, sessionId).locator('button[type="submit"]'));
    expect(await mainText(worker)).toContain("Inscription annulée.");

    await visit(second, "/training/register");
    expect(await card(second, sessionId).textContent()).toContain("Vous êtes inscrit·e");
    await ensureLanguage(second, "en");
    await visit(second, "/training/register", "training-register-promoted-en");
    expect(await card(second, sessionId).textContent()).toContain("You are registered");
    await checkA11y(second, "/training/register (registered, en)");
    await ensureLanguage(second, "fr");
    await worker.context().close();
    await second.context().close();
    await coordinator.context().close();
  });

  it("attendance waits for the first day: the future session's sheet only prints", async () => {
    expect(sessionId).not.toBe("");
    const coordinator = await as(COORDINATOR);
    await visit(coordinator, `/training/sessions/${sessionId}/attendance`, "training-attendance-not-yet-fr");
    const text = await mainText(coordinator);
    expect(text).toContain("les présences s'enregistrent à partir du premier jour");
    expect(await coordinator.locator("main table.signin-table select").count()).toBe(0);
    expect(await coordinator.locator("main button", { hasText: "Enregistrer les présences" }).count()).toBe(0);
    await coordinator.context().close();
  });

  it("a session held last week: the coordinator adds the participant by a search (no JavaScript), records both days; she downloads her certificate and its code verifies", async () => {
    // The coordinator records a session given last week (status open, not yet "given").
    const coordinator = await as(COORDINATOR);
    await visit(coordinator, "/training/sessions/new");
    await coordinator.locator('input[name="day1"]').fill(dayFromToday(-8));
    await coordinator.locator('input[name="day2"]').fill(dayFromToday(-7));
    await coordinator.locator('input[name="place"]').fill(PAST_PLACE);
    await coordinator.locator('input[name="capacity"]').fill("12");
    await coordinator.locator('select[name="status"]').selectOption("open");
    const trainers = await coordinator.locator('select[name="trainerAId"] option').evaluateAll((options) =>
      options.map((o) => ({ value: (o as HTMLOptionElement).value, org: o.textContent?.match(/\(([^)]+)\)$/)?.[1] ?? "" })).filter((o) => o.value),
    );
    const first = trainers[0]!;
    const second = trainers.find((t) => t.org !== first.org)!;
    await coordinator.locator('select[name="trainerAId"]').selectOption(first.value);
    await coordinator.locator('select[name="trainerBId"]').selectOption(second.value);
    await submit(coordinator, coordinator.locator('main form:has(select[name="status"]) button[type="submit"]'));
    expect(await mainText(coordinator)).toContain("Séance enregistrée.");
    // On the overview it is a current session, flagged "to close", above the archive by year.
    const row = coordinator.locator('main section[aria-labelledby="current-sessions"] tr', { hasText: PAST_PLACE });
    expect(await row.textContent()).toContain("À clore");
    // The archive lists its years (the seeds' 2009–2012 and the recent season) and shows one year's sessions.
    expect(await coordinator.locator("main nav.session-years a").count()).toBeGreaterThanOrEqual(6);
    await followLink(coordinator, coordinator.locator("main nav.session-years a", { hasText: /^2010 / }));
    expect(new URL(coordinator.url()).searchParams.get("year")).toBe("2010");
    expect(await coordinator.locator('main section[aria-labelledby="past-sessions"] caption').textContent()).toContain("2010");
    expect(await coordinator.locator('main section[aria-labelledby="past-sessions"] tbody tr').count()).toBe(8);
    await screenshot(coordinator, "training-overview-current-past-fr");
    const pastId = (await row.locator("a").getAttribute("href"))!.split("/").pop()!;
    await coordinator.context().close();

    // Without JavaScript: search "fortier", then register her from the results.
    const plainContext = await newContext(browser, { javaScriptEnabled: false });
    const plain = await plainContext.newPage();
    await signIn(plain, COORDINATOR);
    await ensureLanguage(plain, "fr");
    await plain.goto(url(`/training/sessions/${pastId}`));
    await plain.locator("#person-q").fill("fortier");
    await submit(plain, plain.locator('main form[role="search"] button[type="submit"]'));
    expect(new URL(plain.url()).searchParams.get("q")).toBe("fortier");
    const found = plain.locator("main ul.people-found li", { hasText: "Fortier, Karine" });
    expect(await found.count()).toBe(1);
    await screenshot(plain, "training-session-search-nojs-fr");
    await submit(plain, found.locator('button[type="submit"]'));
    expect(await mainText(plain)).toContain("Personne inscrite.");
    await plainContext.close();

    const page = await as(COORDINATOR);
    await visit(page, `/training/sessions/${pastId}`, "training-session-participants-fr");
    const text = await mainText(page);
    expect(text).toContain("Mixité du groupe");
    expect(text).toContain("Karine Fortier");
    expect(text).toContain("Moins de 3 organisations sont représentées.");
    await checkA11y(page, "/training/sessions/:id (fr)");

    await visit(page, `/training/sessions/${pastId}/attendance`);
    expect(await heading(page)).toContain("Feuille de présence");
    const sheetRow = page.locator("main table.signin-table tbody tr", { hasText: "Karine Fortier" });
    await sheetRow.locator("select").nth(0).selectOption("present");
    await sheetRow.locator("select").nth(1).selectOption("present");
    await submit(page, page.locator('main form button[type="submit"]'));
    expect(await mainText(page)).toContain("Présences enregistrées.");
    // certificate: the participant is completed here (completedAt set); she downloads the certificate PDF and its code is verified below.
    expect(await page.locator("main table.signin-table tbody tr", { hasText: "Karine Fortier" }).textContent()).toContain("Formation complétée");
    await screenshot(page, "training-attendance-fr");
    await checkA11y(page, "/training/sessions/:id/attendance (fr)");
    // Printed: the sheet alone (no demo banner, no site header, no buttons).
    await page.emulateMedia({ media: "print" });
    for (const chrome of [".demo-banner", ".site-header", "main .actions"]) {
      const shown = await page.locator(chrome).first().evaluate((el) => getComputedStyle(el).display !== "none").catch(() => false);
      expect(shown, `${chrome} hidden in print`).toBe(false);
    }
    await screenshot(page, "training-attendance-print");
    await page.emulateMedia({ media: "screen" });

    await ensureLanguage(page, "en");
    await visit(page, `/training/sessions/${pastId}/attendance`, "training-attendance-en");
    expect(await heading(page)).toContain("Sign-in sheet");
    expect(await mainText(page)).toContain("Training completed");
    await checkA11y(page, "/training/sessions/:id/attendance (en)");
    await visit(page, `/training/sessions/${pastId}`);
    expect(await mainText(page)).toContain("Group mix");
    await checkA11y(page, "/training/sessions/:id (en)");
    await ensureLanguage(page, "fr");
    await page.context().close();

    // Without JavaScript the print button is replaced by an instruction.
    const noJs = await newContext(browser, { javaScriptEnabled: false });
    const sheet = await noJs.newPage();
    await signIn(sheet, COORDINATOR);
    await sheet.goto(url(`/training/sessions/${pastId}/attendance`));
    expect(await mainText(sheet)).toContain("utilisez la commande Imprimer de votre navigateur");
    expect(await sheet.locator("main button", { hasText: "Imprimer la feuille" }).count()).toBe(0);
    await noJs.close();

    // The participant downloads her certificate; anyone verifies its code.
    const karine = await as(SECOND);
    await visit(karine, "/training/mine");
    const download = karine.locator(`main a[href="/training/sessions/${pastId}/certificate"]`);
    expect(await download.textContent()).toContain("Télécharger mon attestation");
    const pdf = await karine.request.get(url(`/training/sessions/${pastId}/certificate`));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const pdfBody = pdfText(await pdf.body());
    expect(pdfBody).toContain("Karine Fortier");
    expect(pdfBody).toContain("Attestation de formation");
    const code = /Code de vérification\s:\s([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(pdfBody)?.[1] ?? "";
    expect(code).not.toBe("");
    await karine.context().close();

    const anyone = await (await newContext(browser)).newPage();
    await visit(anyone, "/certificates/verify");
    await anyone.locator('input[name="code"]').fill(code);
    await Promise.all([anyone.waitForURL((u) => u.searchParams.has("code")), anyone.locator("main button", { hasText: "Vérifier" }).click()]);
    await settled(anyone);
    const verified = await mainText(anyone);
    expect(verified).toContain("Attestation authentique");
    expect(verified).toContain("Karine Fortier");
    expect(verified).toContain(code);
    await screenshot(anyone, "certificate-verify-after-attendance-fr");
    await anyone.context().close();
  });
});
