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

function onRequestFailed(page: Page, request: Request): void {
  record(page, "requestfailed", `${request.failure()?.errorText ?? "failed"} for ${request.resourceType()} ${request.url()}`);
}

function watchPage(page: Page): void {
  page.on("pageerror", (error) => record(page, "pageerror", `${error.name}: ${error.message}`));
  page.on("console", (message) => onConsole(page, message));
  page.on("response", (response) => onResponse(page, response));
  page.on("requestfailed", (request) => onRequestFailed(page, request));
}

/**
 * Watches every page the context opens from now on. Chromium's pageerror also carries what is
 * handed to window.reportError (where React 19 sends recoverable errors such as a hydration
 * mismatch), and its console carries CSP refusals even with JavaScript off: no script in the
 * page is needed (page-errors.test.ts proves both).
 */
export function watchPageErrors(context: BrowserContext): void {
  context.on("page", watchPage);
  for (const page of context.pages()) watchPage(page);
}
