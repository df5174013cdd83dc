import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkA11y, ensureLanguage, heading, launchBrowser, mainText, newContext, screenshot, signIn, submit, visit } from "./support.ts";

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

describe("training: registration, waiting list, attendance and completion", () => {
  let sessionId = "";

  it("the coordinator opens a one-seat session; the next person waits; a cancellation promotes them", async () => {
    const coordinator = await as(COORDINATOR);
    await visit(coordinator, "/training");
    // The last session of the season: no other browser test touches it.
    const link = coordinator.locator('main a[href^="/training/sessions/"]').last();
    sessionId = (await link.getAttribute("href"))!.split("/").pop()!;
    await visit(coordinator, `/training/sessions/${sessionId}`);
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

  it("the coordinator sees the mix and records attendance for both days: the participant is completed", async () => {
    expect(sessionId).not.toBe("");
    const coordinator = await as(COORDINATOR);
    await visit(coordinator, `/training/sessions/${sessionId}`, "training-session-participants-fr");
    const text = await mainText(coordinator);
    expect(text).toContain("Mixité du groupe");
    expect(text).toContain("Karine Fortier");
    expect(text).toContain("Moins de 3 organisations sont représentées.");
    await checkA11y(coordinator, "/training/sessions/:id (fr)");

    await visit(coordinator, `/training/sessions/${sessionId}/attendance`);
    expect(await heading(coordinator)).toContain("Feuille de présence");
    const row = coordinator.locator("main table.signin-table tbody tr", { hasText: "Karine Fortier" });
    await row.locator("select").nth(0).selectOption("present");
    await row.locator("select").nth(1).selectOption("present");
    await submit(coordinator, coordinator.locator('main form button[type="submit"]'));
    expect(await mainText(coordinator)).toContain("Présences enregistrées.");
    // certificate: the participant is completed here (completedAt set) — H5 downloads the certificate PDF and checks its code next.
    expect(await coordinator.locator("main table.signin-table tbody tr", { hasText: "Karine Fortier" }).textContent()).toContain("Formation complétée");
    await screenshot(coordinator, "training-attendance-fr");
    await checkA11y(coordinator, "/training/sessions/:id/attendance (fr)");
    await coordinator.emulateMedia({ media: "print" });
    await screenshot(coordinator, "training-attendance-print");
    await coordinator.emulateMedia({ media: "screen" });

    await ensureLanguage(coordinator, "en");
    await visit(coordinator, `/training/sessions/${sessionId}/attendance`, "training-attendance-en");
    expect(await heading(coordinator)).toContain("Sign-in sheet");
    expect(await mainText(coordinator)).toContain("Training completed");
    await checkA11y(coordinator, "/training/sessions/:id/attendance (en)");
    await visit(coordinator, `/training/sessions/${sessionId}`);
    expect(await mainText(coordinator)).toContain("Group mix");
    await checkA11y(coordinator, "/training/sessions/:id (en)");
    await ensureLanguage(coordinator, "fr");
    await coordinator.context().close();
  });
});
