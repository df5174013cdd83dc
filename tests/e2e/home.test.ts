import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { checkA11y, ensureLanguage, heading, launchBrowser, newContext, screenshot, signIn, url } from "./support.ts";

/**
 * Each role is told what needs them (issue 11 #6): the signed-in home lists the work waiting for
 * the person, every item a link that opens the page where it is done, and the nav marks where
 * one is. Other browser tests change the shared demo (they answer consultations, confirm
 * entries), so this checks what each persona's list is made of, not exact counts: the counts per
 * persona are pinned by app/modules/home/what-needs-you.test.ts.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const personas = [
  "pivot.cjq@filet.test",
  "coord-pivots.spvq@filet.test",
  "coordination@filet.test",
  "formateur.pipq@filet.test",
  "intervenant.ecole@filet.test",
] as const;

async function needLinks(page: Page): Promise<{ kind: string; href: string; text: string }[]> {
  return page.locator(".needs [data-need]").evaluateAll((items) =>
    items.map((li) => {
      const a = li.querySelector("a");
      return { kind: li.getAttribute("data-need") ?? "", href: a?.getAttribute("href") ?? "", text: a?.textContent?.trim() ?? "" };
    }),
  );
}

describe("what needs you, on each persona's home", () => {
  it.each(personas)("%s: the list names work waiting, each link opens a working page; axe FR and EN", async (persona) => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, persona);
    await page.goto(url("/"));
    await ensureLanguage(page, "fr");
    const section = page.locator("section.needs");
    await expect.poll(() => section.count()).toBe(1);
    expect(await section.locator("h2").textContent()).toBeTruthy();
    // The home is the current page, and says so to assistive technology.
    expect(await page.locator('.site-header nav a[href="/"]').getAttribute("aria-current")).toBe("page");
    const needs = await needLinks(page);
    for (const need of needs) {
      // A sentence (its count in words or digits), never a raw key.
      expect(need.text.length, `${persona}: ${need.kind}`).toBeGreaterThan(10);
      expect(need.text).not.toMatch(/home\.needs\./);
    }
    await checkA11y(page, `home of ${persona} (fr)`);
    const slug = persona.split("@")[0]!.replace(/\W+/g, "-");
    await screenshot(page, `home-after-${slug}-1280`);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, `home-after-${slug}-390`);
    await page.setViewportSize({ width: 1280, height: 900 });

    for (const need of needs) {
      const response = await page.goto(url(need.href));
      expect(response?.status(), `${persona}: ${need.kind} → ${need.href}`).toBe(200);
      expect(await heading(page)).not.toBe("");
    }

    await page.goto(url("/"));
    await ensureLanguage(page, "en");
    for (const need of await needLinks(page)) expect(need.text).not.toMatch(/home\.needs\./);
    await checkA11y(page, `home of ${persona} (en)`);
    await ensureLanguage(page, "fr");
    await page.context().close();
  });

  it("a pivot's Consultations item carries a badge while a consultation waits, and marks its section on a sub-page", async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, "pivot.cjq@filet.test");
    await page.goto(url("/"));
    await ensureLanguage(page, "fr");
    const consultations = page.locator('.site-header nav a[href="/consultations"]');
    const waiting = (await needLinks(page)).some((n) => n.href === "/consultations");
    if (waiting) expect(await consultations.locator(".badge, .nav-badge, [data-badge]").count()).toBeGreaterThan(0);
    await page.goto(url("/consultations"));
    expect(await consultations.getAttribute("aria-current")).toBe("page");
    await page.goto(url("/directory/mine"));
    expect(await page.locator('.site-header nav a[href="/directory"]').getAttribute("aria-current")).toBe("true");
    expect(await consultations.getAttribute("aria-current")).toBeNull();
    await page.context().close();
  });
});
