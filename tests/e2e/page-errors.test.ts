import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { allowPageErrors, checkPageErrors, takePageErrors, type PageError } from "./page-errors.ts";
import { launchBrowser, newContext, settled, url } from "./support.ts";

/*
 * The page-error check itself (tests/e2e/page-errors.ts, tests/e2e/setup.ts): each kind of error
 * is caught, with its page's address, and an allowed one is let through. The pages are served by
 * page.route under the app's own origin, with the app's CSP; their images go to the real server.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const NONCE = "c2VsZi10ZXN0LW5vbmNl";
// The same policy as server/security.ts, with a fixed nonce.
const CSP = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'`;

/** Opens a page of the given body at /__page-errors/<name> and waits for it to settle. */
async function open(context: BrowserContext, name: string, body: string): Promise<Page> {
  const page = await context.newPage();
  const address = url(`/__page-errors/${name}`);
  await page.route(address, (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP },
      body: `<!doctype html><html lang="en"><head><title>${name}</title></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(address, { waitUntil: "load" });
  // Console messages and bindings arrive after load: give them a moment.
  await page.waitForTimeout(300);
  return page;
}

const summary = (errors: PageError[]) => errors.map((e) => ({ kind: e.kind, message: e.message, url: e.url }));

describe("the page-error check", () => {
  it("catches an uncaught error and one handed to reportError (React's recoverable errors)", async () => {
    const context = await newContext(browser);
    await open(context, "thrown", `<script nonce="${NONCE}">throw new Error("boom-thrown")</script>`);
    await open(context, "reported", `<script nonce="${NONCE}">window.reportError(new Error("boom-reported"))</script>`);
    expect(summary(takePageErrors())).toEqual([
      { kind: "pageerror", message: "Error: boom-thrown", url: url("/__page-errors/thrown") },
      { kind: "pageerror", message: "Error: boom-reported", url: url("/__page-errors/reported") },
    ]);
    await context.close();
  });

  it("catches a real hydration mismatch of the app's own page", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // The server's HTML of /login with its heading changed: React finds other text than it renders.
    await page.route(url("/login"), async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      const changed = html.replace(/(<h1[^>]*>)([^<]+)</, "$1$2 (changed)<");
      expect(changed).not.toBe(html);
      await route.fulfill({ response, body: changed });
    });
    await page.goto(url("/login"));
    await settled(page);
    await expect.poll(() => takePageErrors().map((e) => `${e.kind}: ${e.message}`), { timeout: 5000 }).toContainEqual(expect.stringMatching(/^pageerror: .*(Hydration|418)/));
    await context.close();
  });

  it("catches console.error", async () => {
    const context = await newContext(browser);
    await open(context, "console", `<script nonce="${NONCE}">console.error("boom-console")</script>`);
    expect(summary(takePageErrors())).toEqual([{ kind: "console", message: "boom-console", url: url("/__page-errors/console") }]);
    await context.close();
  });

  it("catches an inline script and an inline style refused by the CSP, with JavaScript or without", async () => {
    const body = `<script>document.title = "ran"</script><p style="color: red">styled</p>`;
    for (const javaScriptEnabled of [true, false]) {
      const context = await newContext(browser, { javaScriptEnabled });
      await open(context, "csp", body);
      const errors = summary(takePageErrors());
      expect(errors.every((e) => e.kind === "csp"), JSON.stringify(errors)).toBe(true);
      expect(errors.some((e) => /script/i.test(e.message)), `script, js=${javaScriptEnabled}`).toBe(true);
      expect(errors.some((e) => /style/i.test(e.message)), `style, js=${javaScriptEnabled}`).toBe(true);
      await context.close();
    }
  });

  it("catches an image that answers 404 and a request that fails", async () => {
    const context = await newContext(browser);
    await context.route(url("/__page-errors/aborted.png"), (route) => route.abort("connectionrefused"));
    await open(context, "images", `<img src="/__page-errors/missing.png" alt="missing"><img src="/__page-errors/aborted.png" alt="aborted">`);
    const errors = summary(takePageErrors());
    expect(errors).toContainEqual(expect.objectContaining({ kind: "response", message: `404 for image ${url("/__page-errors/missing.png")}` }));
    expect(errors).toContainEqual(expect.objectContaining({ kind: "requestfailed", message: expect.stringContaining(`for image ${url("/__page-errors/aborted.png")}`) }));
    await context.close();
  });

  it("lets a missing page answer 404 (the document, and the data request of a client navigation)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const response = await page.goto(url("/no-such-page-for-the-check"));
    expect(response?.status()).toBe(404);
    const data = await page.evaluate(async () => (await fetch("/no-such-page-for-the-check.data")).status);
    expect(data).toBe(404);
    expect(summary(takePageErrors())).toEqual([]);
    await context.close();
  });

  it("lets through only what allowPageErrors names, on that page only", async () => {
    const context = await newContext(browser);
    const allowedPage = await open(context, "allowed", `<script nonce="${NONCE}">console.error("expected-noise"); console.error("other-noise")</script>`);
    allowPageErrors(allowedPage, /^expected-noise$/);
    await open(context, "not-allowed", `<script nonce="${NONCE}">console.error("expected-noise")</script>`);
    expect(summary(takePageErrors())).toEqual([
      { kind: "console", message: "other-noise", url: url("/__page-errors/allowed") },
      { kind: "console", message: "expected-noise", url: url("/__page-errors/not-allowed") },
    ]);
    await context.close();
  });

  it("fails with every message and its page's address, then starts afresh", async () => {
    const context = await newContext(browser);
    await open(context, "report", `<script nonce="${NONCE}">console.error("first-error"); console.error("second-error")</script>`);
    expect(() => checkPageErrors("in the self-test")).toThrow(
      `2 page error(s) in the self-test:\n- [console] first-error\n    on ${url("/__page-errors/report")}\n- [console] second-error\n    on ${url("/__page-errors/report")}`,
    );
    expect(() => checkPageErrors("in the self-test")).not.toThrow();
    await context.close();
  });
});
