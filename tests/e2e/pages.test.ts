import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkA11y, ensureLanguage, heading, launchBrowser, newContext, screenshot, signIn, switchLanguage, url } from "./support.ts";

/**
 * A tour of every screen in both languages: each page must render with one h1, no serious or
 * critical axe violation, and gets a screenshot (test-results/screenshots/<page>-<lang>.png).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const publicPages = [
  ["/", "home-public"],
  ["/login", "login"],
  ["/password/forgot", "password-forgot"],
  ["/signup", "signup"],
  ["/password/reset/not-a-real-token-000000000000000000000000", "password-reset-invalid"],
  ["/this-page-does-not-exist", "not-found"],
] as const;

const adminPages = [
  ["/", "home-admin"],
  ["/profile", "profile"],
  ["/mfa/setup", "mfa-setup-admin"],
  ["/admin", "admin"],
  ["/admin/tables", "admin-tables"],
  ["/admin/tables/new", "admin-tables-new"],
  ["/admin/organizations", "admin-organizations"],
  ["/admin/organizations/new", "admin-organizations-new"],
  ["/admin/people", "admin-people"],
  ["/admin/people/new", "admin-people-new"],
  ["/admin/approvals", "admin-approvals"],
  ["/admin/audit", "admin-audit"],
  ["/admin/outbox", "admin-outbox"],
] as const;

/** Detail pages are reached through the links of their list, as a person would. */
async function links(page: Page, listPath: string, pattern: RegExp): Promise<string[]> {
  await page.goto(url(listPath));
  const hrefs = await page.locator("main a[href]").evaluateAll((all) => all.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))];
}

async function firstLink(page: Page, listPath: string, pattern: RegExp): Promise<string | null> {
  return (await links(page, listPath, pattern))[0] ?? null;
}

async function tour(page: Page, pages: ReadonlyArray<readonly [string, string]>, locale: "fr" | "en", failures: string[]) {
  for (const [path, name] of pages) {
    await page.goto(url(path));
    try {
      await heading(page);
      await checkA11y(page, path);
    } catch (error) {
      failures.push(`${path} (${locale}): ${(error as Error).message.split("\n").slice(0, 12).join("\n")}`);
    }
    await screenshot(page, `${name}-${locale}`);
  }
}

describe("every screen, in French and in English", () => {
  it("anonymous pages", { timeout: 180_000 }, async () => {
    const failures: string[] = [];
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const locale of ["fr", "en"] as const) {
      await page.goto(url("/login"));
      await ensureLanguage(page, locale);
      await tour(page, publicPages, locale, failures);
    }
    await context.close();
    expect(failures).toEqual([]);
  });

  it("admin pages, with one of each detail page", { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, "admin@filet.test");
    await ensureLanguage(page, "fr");

    const details: Array<readonly [string, string]> = [];
    const organizations = await links(page, "/admin/organizations", /^\/admin\/organizations\/[0-9a-f-]{36}$/);
    const organization = organizations[0];
    if (organization) {
      details.push([organization, "admin-organization"]);
      details.push([`${organization}/sites/new`, "admin-site-new"]);
      // Not every organization has sites: look through a few.
      for (const candidate of organizations.slice(0, 6)) {
        const site = await firstLink(page, candidate, /^\/admin\/sites\/[0-9a-f-]{36}$/);
        if (site) {
          details.push([site, "admin-site"]);
          break;
        }
      }
    } else failures.push("no organization link on /admin/organizations");
    const person = await firstLink(page, "/admin/people", /^\/admin\/people\/[0-9a-f-]{36}$/);
    if (person) details.push([person, "admin-person"]);
    else failures.push("no person link on /admin/people");
    const table = await firstLink(page, "/admin/tables", /^\/admin\/tables\/[0-9a-f-]{36}$/);
    if (table) details.push([table, "admin-table"]);
    else failures.push("no Table link on /admin/tables");
    const message = await firstLink(page, "/admin/outbox", /^\/admin\/outbox\/[^/]+$/);
    if (message) details.push([message, "admin-outbox-message"]);

    for (const locale of ["fr", "en"] as const) {
      await page.goto(url("/"));
      await ensureLanguage(page, locale);
      await tour(page, [...adminPages, ...details], locale, failures);
    }
    // Leave the shared admin account in French for the other test files.
    await page.goto(url("/"));
    if ((await page.locator("html").getAttribute("lang")) !== "fr") await switchLanguage(page);
    await context.close();
    expect(failures).toEqual([]);
  });
});
