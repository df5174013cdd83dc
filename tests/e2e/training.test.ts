import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, mainText, newContext, screenshot, signIn, submit, visit } from "./support.ts";

const TRAINER = "formateur.pipq@filet.test";
const COORDINATOR = "coordination@filet.test";
const WORKER = "intervenant.ecole@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("training: availability and trainer pairs", () => {
  it("lets a trainer mark their availability", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, TRAINER);
    await ensureLanguage(page, "fr");
    await visit(page, "/training/availability", "training-availability-fr");
    expect(await heading(page)).toBe("Mes disponibilités");
    const first = page.locator("main li.card").first();
    await first.locator('input[value="yes"]').check();
    await submit(page, first.locator('button[type="submit"]'));
    expect(await mainText(page)).toContain("Disponibilité enregistrée.");
    await checkA11y(page);
    await context.close();
  });

  it("lets the coordinator ask for pairs on the demo season, review and apply them (FR and EN)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATOR);
    await ensureLanguage(page, "fr");
    await visit(page, "/training", "training-overview-fr");
    expect(await heading(page)).toBe("Formation");
    await visit(page, "/training/pairs");
    await submit(page, page.locator('form:has(input[name="intent"][value="propose"]) button[type="submit"]'));
    const rows = page.locator("main fieldset.pair-session");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Every proposed pair shows two trainers of different organizations (the acronym in parentheses).
    for (let i = 0; i < (await rows.count()); i++) {
      const picked = await rows.nth(i).locator("select").evaluateAll((selects) =>
        selects.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? ""),
      );
      const orgs = picked.map((label) => label.match(/\(([^)]+)\)$/)?.[1]);
      expect(orgs[0]).toBeTruthy();
      expect(orgs[0]).not.toBe(orgs[1]);
      // The reasons, in words: the two chosen with their load, the others with why not.
      await rows.nth(i).locator("summary", { hasText: "Pourquoi ce duo" }).click();
      const reasons = (await rows.nth(i).locator(".pair-reasons").textContent()) ?? "";
      expect(reasons).toMatch(/Choisi·e\s?: .+ \(\d+ séances? sur \d+ au maximum\)/u);
      expect(reasons).toMatch(/Pas disponibles ce jour-là|Ne donnent pas de séance en (français|anglais)|Même organisation|Déjà à leur maximum|Déjà en séance ce jour-là|équilibrer la charge/u);
    }
    // The load of each trainer: sessions proposed, possible and maximum, full names.
    const loads = page.locator("main table", { hasText: "Séances proposées" });
    expect(await loads.locator("tbody tr").count()).toBeGreaterThan(1);
    expect(await loads.locator("tbody tr th").first().textContent()).toMatch(/^\S+ \S+.* \([^)]+\)$/);
    await checkA11y(page, "/training/pairs (proposal, fr)");
    await screenshot(page, "training-pairs-fr");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "training-pairs-fr-390");
    await page.setViewportSize({ width: 1280, height: 800 });
    await submit(page, page.locator('form:has(input[name="intent"][value="apply"]) button[type="submit"]'));
    expect(await mainText(page)).toMatch(/Duos appliqués à \d+ séance/);
    await ensureLanguage(page, "en");
    await visit(page, "/training/pairs", "training-pairs-en");
    expect(await heading(page)).toBe("Propose trainer pairs");
    expect(await mainText(page)).toContain("This proposal has been applied.");
    expect(await mainText(page)).toContain("Load of each trainer");
    await page.locator("main summary", { hasText: "Why this pair" }).first().click();
    expect(await mainText(page)).toMatch(/Chosen: .+ of \d+ at most/);
    await checkA11y(page, "/training/pairs (applied, en)");
    await visit(page, "/training", "training-overview-en");
    expect(await mainText(page)).not.toContain("To assign");
    await ensureLanguage(page, "fr");
    await context.close();
  });

  it("lets a worker register for an open session (FR and EN pages accessible)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, WORKER);
    await ensureLanguage(page, "fr");
    await visit(page, "/training/register", "training-register-fr");
    expect(await heading(page)).toBe("S'inscrire à la formation");
    await submit(page, page.locator('main form:has(input[name="intent"][value="register"]) button[type="submit"]').first());
    expect(await mainText(page)).toContain("Inscription confirmée.");
    await checkA11y(page);
    await ensureLanguage(page, "en");
    await visit(page, "/training/register", "training-register-en");
    expect(await mainText(page)).toContain("You are registered");
    await ensureLanguage(page, "fr");
    await context.close();
  });
  it("refuses to save a session whose two trainers belong to the same organization, with a clear message (FR and EN)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATOR);
    await ensureLanguage(page, "fr");
    // The demo pool has one trainer per organization: the coordinator makes a second PIPQ worker a
    // trainer (Amélie Caron, a pivot; Mélanie Côté is PIPQ's trainer) and adds her to the pool.
    await visit(page, "/admin/people?q=Caron");
    await followLink(page, page.locator("main a", { hasText: "Caron, Amélie" }).first());
    await page.locator('select[name="role"]').selectOption("trainer");
    await submit(page, page.locator('form:has(input[name="intent"][value="grant"]) button[type="submit"]'));
    await visit(page, "/training");
    await submit(page, page.locator("main button", { hasText: "Ajouter au bassin" }));
    for (const language of ["fr", "en"] as const) {
      await ensureLanguage(page, language);
      await visit(page, "/training");
      const link = page.locator('main section[aria-labelledby="current-sessions"] a[href^="/training/sessions/"]').first();
      const href = await link.getAttribute("href");
      await visit(page, href!);
      // The page opens on the session: its edit form is behind "Modifier la séance".
      expect(await page.locator("main details.edit-panel").getAttribute("open")).toBeNull();
      expect(await mainText(page)).toContain(language === "fr" ? "Duo de formation" : "Training pair");
      await page.locator("main details.edit-panel > summary").click();
      // Two trainers of the pool who share an organization (the acronym in parentheses).
      const options = await page.locator('select[name="trainerAId"] option').evaluateAll((nodes) =>
        nodes.map((n) => ({ value: (n as HTMLOptionElement).value, org: n.textContent?.match(/\(([^)]+)\)$/)?.[1] ?? "" })),
      );
      const byOrg = new Map<string, string[]>();
      for (const o of options) if (o.value && o.org) byOrg.set(o.org, [...(byOrg.get(o.org) ?? []), o.value]);
      const pair = [...byOrg.values()].find((ids) => ids.length >= 2);
      expect(pair, "the demo pool has two trainers of one organization").toBeTruthy();
      const before = await page.locator('select[name="trainerAId"]').inputValue();
      await page.locator('select[name="trainerAId"]').selectOption(pair![0]!);
      await page.locator('select[name="trainerBId"]').selectOption(pair![1]!);
      await submit(page, page.locator('main form:has(select[name="status"]) button[type="submit"]'));
      expect(await mainText(page)).toContain(
        language === "fr"
          ? "Refusé : les deux formateurs d'une séance doivent appartenir à des organisations différentes."
          : "Refused: the two trainers of a session must belong to different organizations.",
      );
      await checkA11y(page, `session refused (${language})`);
      await screenshot(page, `training-session-same-org-refused-${language}`);
      // Nothing was saved: the session still has the trainer it had.
      await visit(page, href!);
      expect(await page.locator('select[name="trainerAId"]').inputValue()).toBe(before);
    }
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
