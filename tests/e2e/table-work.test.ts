import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { checkA11y, ensureLanguage, followLink, heading, launchBrowser, mainText, newContext, screenshot, signIn, submit, visit } from "./support.ts";

const COORDINATOR = "coordination@filet.test";
const PIVOT_COORDINATOR = "coord-pivots.spvq@filet.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the Table at work: announcements, action plan, funding, handover", () => {
  it("the coordinator posts to the Table; another member sees it unread, opens it, and it is read", async () => {
    const title = `Rencontre de la Table : ordre du jour ${Date.now()}`;
    const coordinatorContext = await newContext(browser);
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, COORDINATOR);
    await ensureLanguage(coordinator, "fr");
    await visit(coordinator, "/announcements/new", "announcements-new-fr");
    expect(await heading(coordinator)).toBe("Publier une annonce");
    await coordinator.locator("#audience-table").check();
    await coordinator.locator("#field-title").fill(title);
    await coordinator.locator("#field-body").fill("L'ordre du jour de la prochaine rencontre est en ligne. **Merci** de le lire avant la rencontre.");
    await submit(coordinator, coordinator.locator('main form button[type="submit"]'));
    expect(new URL(coordinator.url()).pathname).toBe("/announcements");
    expect(await mainText(coordinator)).toContain("L'annonce a été publiée");
    expect(await mainText(coordinator)).toContain(title);
    await checkA11y(coordinator, "/announcements (author)");

    const memberContext = await newContext(browser);
    const member = await memberContext.newPage();
    await signIn(member, PIVOT_COORDINATOR);
    await ensureLanguage(member, "fr");
    // The header's "La Table" entry shows an unread count (other entries may carry their own:
    // the network's notifications, consultations waiting).
    expect(await member.locator('header a[href="/table"] .badge-count').count()).toBe(1);
    await visit(member, "/announcements", "announcements-unread-fr");
    const item = member.locator("main li", { hasText: title });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain("Non lue");
    await followLink(member, item.locator("a").first());
    expect(await heading(member)).toBe(title);
    expect(await mainText(member)).toContain("Merci de le lire");
    await checkA11y(member, "/announcements/:id (fr)");
    await screenshot(member, "announcement-fr");
    await visit(member, "/announcements");
    expect(await member.locator("main li", { hasText: title }).textContent()).not.toContain("Non lue");
    await ensureLanguage(member, "en");
    await visit(member, "/announcements", "announcements-en");
    expect(await heading(member)).toBe("Announcements");
    await ensureLanguage(member, "fr");
    await memberContext.close();

    // The author sees who read it.
    await visit(coordinator, "/announcements");
    await followLink(coordinator, coordinator.locator("main li", { hasText: title }).locator("a").first());
    expect(await mainText(coordinator)).toMatch(/Lue par 1 personne sur \d+/);
    await coordinatorContext.close();
  });

  it("renders the action plan, its timeline, the year-end report (and PDF), funding and handover, in French and English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATOR);
    for (const locale of ["fr", "en"] as const) {
      await ensureLanguage(page, locale);
      await visit(page, "/action-plan", `action-plan-list-${locale}`);
      expect(await heading(page)).toBe(locale === "fr" ? "Plan d'action annuel" : "Annual action plan");
      await visit(page, "/action-plan/2026", `action-plan-2026-${locale}`);
      expect(await heading(page)).toContain("Plan d'action 2026");
      expect(await mainText(page)).toContain("Consolider le réseau des intervenant·e·s pivots");
      await visit(page, "/action-plan/2026?edit=action", `action-plan-edit-${locale}`);
      await visit(page, "/action-plan/2026/timeline", `action-plan-timeline-${locale}`);
      expect(await page.locator("table.timeline td.timeline-on").count()).toBeGreaterThan(5);
      await visit(page, "/action-plan/2010/report", `action-plan-report-2010-${locale}`);
      expect(await mainText(page)).toMatch(locale === "fr" ? /Actions réalisées.*sur 9 prévues/ : /Actions done.*of 9 planned/);
      await visit(page, "/funding", `funding-${locale}`);
      expect(await mainText(page)).toContain("Ministère de la Sécurité publique");
      expect(await mainText(page)).toContain(locale === "fr" ? "Fin de la subvention" : "End of the grant");
      await followLink(page, page.locator("main table a", { hasText: "Ministère de la Sécurité publique" }).first());
      await checkA11y(page, `/funding/:id (${locale})`);
      await screenshot(page, `funding-grant-${locale}`);
      await visit(page, "/handover", `handover-${locale}`);
      expect(await mainText(page)).toContain("Louise Gagnon");
    }
    await ensureLanguage(page, "fr");
    const pdf = await page.request.get("/action-plan/2010/report/pdf");
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await context.close();
  });
});
