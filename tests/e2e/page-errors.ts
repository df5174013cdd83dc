import type { BrowserContext, ConsoleMessage, Page, Request, Response } from "playwright-core";

/*
 * Every page a browser test drives is watched for what a person or a developer would notice:
 * an uncaught error (React's recoverable hydration errors included), a console.error, a CSP
 * violation, a resource that failed to load. support.ts's newContext hooks each context here;
 * tests/e2e/setup.ts fails the test that saw any of them. A test that provokes one on purpose
 * says so with allowPageErrors(page, /its message/).
 */

export type PageErrorKind = "pageerror" | "console" | "csp" | "requestfailed" | "response";

export interface PageError {
  kind: PageErrorKind;
  message: string;
  /** The page's address when it happened. */
  url: string;
  page: Page;
}

let collected: PageError[] = [];
const allowed = new WeakMap<Page, RegExp[]>();

/** Lets `page` have errors whose message matches `pattern` (say why where you call it). */
export function allowPageErrors(page: Page, pattern: RegExp): void {
  allowed.set(page, [...(allowed.get(page) ?? []), pattern]);
}

/** The errors seen since the last call that no allowPageErrors let through, and forgets them all. */
export function takePageErrors(): PageError[] {
  const taken = collected.filter((e) => !(allowed.get(e.page) ?? []).some((p) => p.test(e.message)));
  collected = [];
  return taken;
}

/** Throws one error listing every page error since the last check (message and page address). */
export function checkPageErrors(when: string): void {
  const errors = takePageErrors();
  if (errors.length === 0) return;
  const lines = errors.map((e) => `- [${e.kind}] ${e.message}\n    on ${e.url}`);
  throw new Error(`${errors.length} page error(s) ${when}:\n${lines.join("\n")}`);
}

function record(page: Page, kind: PageErrorKind, message: string): void {
  collected.push({ kind, message, url: page.url(), page });
}

/*
 * Chromium logs every response of 400 or more, and every failed request, to the console
 * ("Failed to load resource: …"). The response and requestfailed listeners judge those requests
 * themselves (a document's 404 is allowed, an image's is not), so these lines are left to them.
 */
const RESOURCE_LINE = /^Failed to load resource: /;

/** Data requests (a loader's 404) and documents (a page that does not exist) may answer 4xx. */
const MAY_ANSWER_4XX = new Set(["document", "fetch", "xhr"]);

function onConsole(page: Page, message: ConsoleMessage): void {
  if (message.type() !== "error" && message.type() !== "assert") return;
  const text = message.text();
  if (RESOURCE_LINE.test(text)) return;
  // Chromium words them "Refused to …" or "… violates the following Content Security Policy directive …".
  record(page, /^Refused to |Content Security Policy/.test(text) ? "csp" : "console", text);
}

function onResponse(page: Page, response: Response): void {
  const status = response.status();
  if (status < 400) return;
  const type = response.request().resourceType();
  if (status < 500 && MAY_ANSWER_4XX.has(type)) return;
  record(page, "response", `${status} for ${type} ${response.url()}`);
}

/** Requests whose answer arrived (its status is judged by onResponse). */
const answered = new WeakSet<Request>();

function onRequestFailed(page: Page, request: Request, javaScriptEnabled: boolean): void {
  const error = request.failure()?.errorText ?? "failed";
  const type = request.resourceType();
  // React Router aborts a data request's signal once it has what it needs (an action's redirect
  // starts a new navigation, which aborts the previous one) while Chromium still holds the body
  // open: the page got its answer, nothing failed. Measured on every sign-in (POST /login.data, 202).
  if (error === "net::ERR_ABORTED" && answered.has(request) && (type === "fetch" || type === "xhr")) return;
  // With JavaScript off Playwright has Chromium refuse every script, reported as "csp": the
  // test's own setting, not the page's policy (a real CSP refusal also reaches the console).
  if (!javaScriptEnabled && error === "csp" && type === "script") return;
  // React Router's route discovery for the links on screen (/__manifest), abandoned when the test
  // leaves the page before it arrived (measured on sign-in and request-guarantees): it only prefetches.
  if (error === "net::ERR_ABORTED" && type === "fetch" && new URL(request.url()).pathname === "/__manifest") return;
  // The browser's own request for the tab's icon, abandoned when the test moves on to another
  // page before it arrived (measured on the evaluation's indicator pages): nothing is missing.
  if (error === "net::ERR_ABORTED" && type === "other" && new URL(request.url()).pathname === "/favicon.svg") return;
  record(page, "requestfailed", `${error} for ${type} ${request.url()}`);
}

function watchPage(page: Page, javaScriptEnabled: boolean): void {
  page.on("pageerror", (error) => record(page, "pageerror", `${error.name}: ${error.message}`));
  page.on("console", (message) => onConsole(page, message));
  page.on("response", (response) => {
    answered.add(response.request());
    onResponse(page, response);
  });
  page.on("requestfailed", (request) => onRequestFailed(page, request, javaScriptEnabled));
}

/**
 * Watches every page the context opens from now on. Chromium's pageerror also carries what is
 * handed to window.reportError (where React 19 sends recoverable errors such as a hydration
 * mismatch), and its console carries CSP refusals even with JavaScript off: no script in the
 * page is needed (page-errors.test.ts proves both).
 */
export function watchPageErrors(context: BrowserContext, options: { javaScriptEnabled: boolean }): void {
  context.on("page", (page) => watchPage(page, options.javaScriptEnabled));
  for (const page of context.pages()) watchPage(page, options.javaScriptEnabled);
}
