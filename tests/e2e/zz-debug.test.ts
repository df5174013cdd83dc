import { it } from "vitest";
import { launchBrowser, newContext, signIn, url, ensureLanguage } from "./support.ts";
it("debug", { timeout: 120000 }, async () => {
  const browser = await launchBrowser();
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, "admin@filet.test");
  await ensureLanguage(page, "en");
  await page.goto(url("/admin/audit"));
  await page.screenshot({ path: "/tmp/h4-audit-view.png" });
  await page.goto(url("/admin/outbox"));
  await page.screenshot({ path: "/tmp/h4-outbox-view.png" });
  await ensureLanguage(page, "fr");
  await browser.close();
});
