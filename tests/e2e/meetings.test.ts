import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalog } from "../../app/i18n/catalog.ts";
import type { Locator } from "playwright-core";
import { checkA11y, ensureLanguage, settled, followLink, heading, launchBrowser, mainText, newContext, screenshot, signIn, signOut, submit, url, visit } from "./support.ts";

const COORDINATOR = "coordination@filet.test";
const OWNER = "pivot.cjq@filet.test";
const fr = catalog.fr;
const en = catalog.en;
const TITLE = "Rencontre de la Table — printemps (essai)";
const WHAT = "Présenter le bilan des pivots à la prochaine rencontre";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectText(page: Page, text: string) {
  // mainText collapses every space, the no-break ones of French punctuation included.
  await expect.poll(() => mainText(page), { message: `page shows "${text}"` }).toContain(text.replace(/\s+/g, " "));
}

/** A GET form (filters, kind, template): the page changes URL, nothing is posted. */
async function getForm(page: Page, button: Locator, expected: RegExp) {
  await settled(page);
  await Promise.all([page.waitForURL(expected), button.click()]);
  await settled(page);
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("meetings and responsibilities in the browser", () => {
  let meetingPath = "";

  it("the coordinator prepares a meeting from a template with the last meeting's open items, holds it and closes it", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, COORDINATOR);
    await ensureLanguage(page, "fr");
    await visit(page, "/meetings", "meetings-list-fr");
    expect(await heading(page)).toBe(fr["meetings.title"]);
    await followLink(page, page.locator('main a[href="/meetings/new"]'));
    await checkA11y(page, "/meetings/new (kind)");
    await page.locator("#field-kind").selectOption("table");
    await getForm(page, page.getByRole("button", { name: fr["meetings.form.continue"] }), /kind=table/);
    // Template: last autumn's Table meeting.
    const template = page.locator("#field-template");
    const value = await template.locator("option", { hasText: "automne" }).first().getAttribute("value");
    await template.selectOption(value!);
    await getForm(page, page.getByRole("button", { name: fr["meetings.template.use"] }), /template=/);
    await expectText(page, "Suivi des responsabilités ouvertes de « Rencontre de la Table — automne »");
    await expectText(page, "Mettre à jour le bottin des pivots de la SPVQ");
    await checkA11y(page, "/meetings/new (form)");
    await screenshot(page, "meetings-new-from-template-fr");
    await page.locator("#field-title").fill(TITLE);
    await page.locator("#field-day").fill(inDays(3));
    await page.locator("#inviteAll").check();
    await submit(page, page.getByRole("button", { name: fr["meetings.form.create"] }));
    await expectText(page, fr["meetings.saved.created"]);
    meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    expect(await heading(page)).toBe(TITLE);
    await expectText(page, fr["meetings.agenda.carried"]);

    // The agenda's order on the edit page: move up / move down, each a plain POST form.
    await visit(page, `${meetingPath}/edit`);
    const order = page.locator("ol.agenda-order > li");
    const last = (await order.count()) - 1;
    expect(last).toBeGreaterThan(0);
    const lastTitle = await order.nth(last).locator(".agenda-order-row > span:first-child").textContent();
    await submit(page, order.nth(last).getByRole("button", { name: fr["meetings.order.up"] }));
    await expectText(page, fr["meetings.order.moved"]);
    expect(await page.locator("ol.agenda-order > li").nth(last - 1).locator(".agenda-order-row > span:first-child").textContent()).toBe(lastTitle);
    await checkA11y(page, `${meetingPath}/edit (order moved)`);
    await screenshot(page, "meetings-edit-order-fr");
    await page.goto(url(meetingPath));

    // Held: attendance, minutes per item, two responsibilities. The meeting is in three days:
    // holding it now asks for the reason, which the audit log keeps.
    await page.locator("#field-earlyReason").fill("Rencontre avancée à la demande des partenaires");
    await submit(page, page.getByRole("button", { name: fr["meetings.start"] }));
    await expectText(page, fr["meetings.saved.started"]);
    const selects = page.locator("#attendance ~ form select, section[aria-labelledby=attendance] select");
    const count = await selects.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await selects.nth(i).selectOption(i === count - 1 ? "excused" : "present");
    await page.locator("#guests").fill("Représentante du ministère de la Sécurité publique");
    await submit(page, page.getByRole("button", { name: fr["meetings.attendance.save"] }));
    await expectText(page, fr["meetings.saved.attendance"]);

    // Closing without minutes is refused, with the items named.
    await page.locator("#field-earlyReason").fill("Rencontre tenue plus tôt");
    await submit(page, page.getByRole("button", { name: fr["meetings.close"] }));
    await expectText(page, "Impossible de clore");
    await checkA11y(page, `${meetingPath} (refused close)`);

    const items = page.locator("section.agenda-item");
    const n = await items.count();
    for (let i = 0; i < n; i++) {
      const item = page.locator("section.agenda-item").nth(i);
      await item.locator("textarea[name=minutes]").fill(`Compte rendu du point ${i + 1} : échanges et suites.`);
      await submit(page, item.getByRole("button", { name: fr["meetings.minutes.save"] }));
      await expectText(page, fr["meetings.saved.minutes"]);
    }
    const plan = page.locator("section.agenda-item", { hasText: "Suivi du plan d'action" });
    await plan.locator("input[name=text]").fill("Présenter un bilan des pivots à chaque rencontre.");
    await submit(page, plan.getByRole("button", { name: fr["meetings.decision.add"] }));
    await expectText(page, fr["meetings.saved.decision"]);

    async function addResponsibility(what: string, ownerLabel: string, kind: "person" | "organization") {
      const section = page.locator("section.agenda-item", { hasText: "Suivi du plan d'action" });
      // Each item offers a link that draws its responsibility form (works without JavaScript).
      await followLink(page, section.getByRole("link", { name: new RegExp(fr["meetings.responsibility.add"].split("{title}")[0]!.trim()) }));
      await section.locator("input[name=what]").waitFor();
      await section.locator("input[name=what]").fill(what);
      if (kind === "person") {
        // The people picker's combobox: type, then pick from its list.
        await section.getByRole("combobox", { name: fr["responsibilities.owner.person"] }).fill(ownerLabel);
        await section.getByRole("option", { name: new RegExp(ownerLabel) }).first().click();
      } else {
        await section.getByLabel(fr["responsibilities.owner.kind.organization"]).check();
        const owner = section.locator("select[name=ownerOrganization]");
        const ownerValue = await owner.locator("option", { hasText: ownerLabel }).first().getAttribute("value");
        await owner.selectOption(ownerValue!);
      }
      await section.locator("input[name=dueOn]").fill(inDays(30));
      await submit(page, section.getByRole("button", { name: fr["meetings.responsibility.save"] }));
      await expectText(page, fr["meetings.saved.responsibility"]);
    }
    await addResponsibility(WHAT, "Karine Fortier", "person");
    await addResponsibility("Réserver la salle de la rencontre d'été", "PIPQ", "organization");
    await checkA11y(page, `${meetingPath} (held)`);
    await screenshot(page, "meetings-held-fr");

    await page.locator("#field-earlyReason").fill("Rencontre tenue plus tôt");
    await submit(page, page.getByRole("button", { name: fr["meetings.close"] }));
    await expectText(page, fr["meetings.saved.closed"]);
    await expectText(page, WHAT);
    await checkA11y(page, `${meetingPath} (closed, fr)`);
    await screenshot(page, "meetings-closed-fr");
    // The decisions register finds it.
    await visit(page, "/meetings/decisions?q=bilan%20des%20pivots", "meetings-decisions-fr");
    await expectText(page, "Présenter un bilan des pivots à chaque rencontre.");

    await ensureLanguage(page, "en");
    await visit(page, meetingPath, "meetings-closed-en");
    await expectText(page, en["meetings.minutes.title"]);
    await visit(page, "/responsibilities?filter=overdue", "responsibilities-overdue-en");
    expect(await heading(page)).toBe(en["responsibilities.overdue.title"]);
    await ensureLanguage(page, "fr");
    await signOut(page);
    await context.close();
  });

  it("the owner finds it under 'my responsibilities' and marks it done (FR and EN)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, OWNER);
    await ensureLanguage(page, "fr");
    await visit(page, "/responsibilities/mine", "responsibilities-mine-fr");
    expect(await heading(page)).toBe(fr["responsibilities.mine.title"]);
    await followLink(page, page.getByRole("link", { name: WHAT }));
    await checkA11y(page, "responsibility (fr)");
    await page.locator("#field-status").selectOption("done");
    await submit(page, page.getByRole("button", { name: fr["responsibilities.update.save"] }));
    await expectText(page, fr["responsibilities.saved.status"]);
    await screenshot(page, "responsibility-done-fr");
    await page.goto(url("/responsibilities/mine"));
    const done = page.locator("table", { hasText: fr["responsibilities.status.done"] });
    await expect.poll(() => done.locator("a", { hasText: WHAT }).count()).toBe(1);
    await ensureLanguage(page, "en");
    await visit(page, "/responsibilities/mine", "responsibilities-mine-en");
    expect(await heading(page)).toBe(en["responsibilities.mine.title"]);
    await ensureLanguage(page, "fr");
    await context.close();
  });
});
