import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newContext, url } from "./support.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the page chrome", () => {
  it("every page names its icon, and the icon is served", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(url("/login"));
    const href = await page.locator('head link[rel="icon"]').getAttribute("href");
    expect(href).toBe("/favicon.svg");
    const icon = await page.request.get(url(href!));
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
    await page.goto(url("/favicon.svg"));
    await page.setViewportSize({ width: 64, height: 64 });
    await page.screenshot({ path: "test-results/screenshots/favicon.png" });
  });
});
