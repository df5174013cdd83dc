import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { mailsTo } from "./mailbox.ts";
import { checkA11y, ensureLanguage, heading, launchBrowser, mainText, newContext, screenshot, signIn, submit, url } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function submitForm(page: Page, form: Locator): Promise<void> {
  await submit(page, form.locator('[type="submit"]').first());
}

describe("invitation", () => {
  it("admin invites a person, who sets a password from the emailed link and signs in", async () => {
    const stamp = Date.now();
    const email = `invitee.${stamp}@filet.test`;
    const password = "une phrase de passe assez longue 2026";

    const adminContext = await newContext(browser);
    const admin = await adminContext.newPage();
    await signIn(admin, "admin@filet.test");
    await ensureLanguage(admin, "fr");

    // From the people page to the new-person form.
    await admin.goto(url("/admin/people"));
    await checkA11y(admin, "/admin/people");
    await admin.locator('main a[href="/admin/people/new"]').first().click();
    await admin.waitForURL((u) => u.pathname === "/admin/people/new");
    await checkA11y(admin, "/admin/people/new");
    const form = admin.locator('form:has([name="givenName"])');
    await form.locator('[name="givenName"]').fill("Camille");
    await form.locator('[name="familyName"]').fill(`Invitée ${stamp}`);
    await form.locator('[name="email"]').fill(email);
    const organization = form.locator('select[name="organizationId"]');
    if (await organization.count()) {
      const values = await organization.locator("option").evaluateAll((options) =>
        options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
      );
      if (values[0]) await organization.selectOption(values[0]);
    }
    await submitForm(admin, form);
    expect(new URL(admin.url()).pathname).toMatch(/^\/admin\/people\/[0-9a-f-]{36}$/);
    await checkA11y(admin, "person page");

    // The invitation button on the person's page.
    const invite = admin.locator(
      'button[name="intent"][value="invite"], form:has(input[name="intent"][value="invite"]) [type="submit"]',
    );
    await expect.poll(() => invite.count(), { message: "an invite button on the person page" }).toBeGreaterThan(0);
    await submit(admin, invite.first());
    expect(await admin.locator('[role="alert"].error, .alert.error').count()).toBe(0);
    await screenshot(admin, "admin-person-invited-fr");

    // The email reaches the invitee's mailbox (the test server's SMTP sink) with its link.
    const mailDir = inject("mailDir");
    const linkInMailbox = () => mailsTo(mailDir, email).map((m) => m.match(/https?:\/\/[^\s"<>]+\/invitation\/[A-Za-z0-9_-]{43}/)?.[0]).find(Boolean);
    await expect.poll(linkInMailbox, { message: "the invitation reaches the invitee's mailbox", timeout: 20_000 }).toBeTruthy();
    const link = linkInMailbox()!;
    const token = link.split("/").pop()!;

    // A copy stays in the admin outbox, the link masked: it is for the invitee only.
    await admin.goto(url("/admin/outbox"));
    await checkA11y(admin, "/admin/outbox");
    await screenshot(admin, "admin-outbox-fr");
    const row = admin.locator("main tr", { hasText: email }).first();
    await expect.poll(() => row.count(), { message: "the invitation email is in the outbox" }).toBe(1);
    await row.locator('a[href^="/admin/outbox/"]').first().click();
    await admin.waitForURL((u) => /^\/admin\/outbox\/[^/]+$/.test(u.pathname));
    await checkA11y(admin, "outbox message");
    const body = await mainText(admin);
    expect(body).toContain("/invitation/••••••");
    expect(await admin.content(), "the outbox never shows the invitation token").not.toContain(token);
    await adminContext.close();

    // The invited person, in their own browser.
    const context = await newContext(browser);
    const page = await context.newPage();
    const invitationPath = new URL(link!).pathname;
    await page.goto(url(invitationPath));
    await checkA11y(page, "invitation");
    await screenshot(page, "invitation-set-password-fr");
    const passwordForm = page.locator('form:has(input[type="password"])');
    const fields = passwordForm.locator('input[type="password"]');
    expect(await fields.count()).toBeGreaterThanOrEqual(1);
    for (const field of await fields.all()) await field.fill(password);
    await submitForm(page, passwordForm);
    expect(await page.locator('[role="alert"].error, .alert.error').count()).toBe(0);

    if (new URL(page.url()).pathname === "/login") await signIn(page, email, password);
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await heading(page)).toContain("Camille");

    // The link was single use.
    const again = await context.newPage();
    const response = await again.goto(url(invitationPath));
    expect([404, 410]).toContain(response?.status());
    await checkA11y(again, "used invitation");
    await context.close();
  });

  it("shows a clear page for an unknown invitation link", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(url("/invitation/this-is-not-a-real-invitation-token-0000000000"));
    expect([404, 410]).toContain(response?.status());
    expect(await heading(page)).not.toBe("");
    await checkA11y(page, "unknown invitation");
    await context.close();
  });
});
