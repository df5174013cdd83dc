import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject, expect } from "vitest";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { generate } from "otplib";
import { watchPageErrors } from "./page-errors.ts";

export const DEMO_PASSWORD = "demo-filet-2026";

/*
 * All browser test files share one server and its demo accounts, in no fixed order. A file
 * that changes an account's state leaves it as it found it, or owns the account alone:
 * - vie-privee@filet.test: MFA is turned on by mfa.test.ts (which also reads the EFVP pages in FR and EN) — no other file may sign in with it;
 * - evaluation@filet.test: its language is switched by language.test.ts;
 * - admin@, formateur.pipq@: language switched and switched back (pages, sign-in tests).
 * - training-registration.test.ts opens the LAST session of the demo season (capacity 1) and
 *   registers intervenant.ecole@ (then cancels) and pivot.cjq@ there; other files leave that session alone.
 *   It also creates a session held last week (status open, place "Salle Jean-Lesage…"), registers
 *   pivot.cjq@ there, records her attendance, and she downloads that session's certificate.
 * - delegue.cjq@filet.test belongs to partners.test.ts (it edits the CJQ-IU row of the matrix);
 *   partners.test.ts also records a new commitment for TRAIC Jeunesse (late → signed) as coordination@.
 * - meetings.test.ts creates (and closes) a new Table meeting as coordination@ from the autumn
 *   template, and gives pivot.cjq@ a responsibility that it marks done; the demo meetings stay as seeded.
 * - training-certificates.test.ts: intervenant.ecole@ downloads the certificate of its completed 2012
 *   session and answers that session's evaluation (once); valerie.poulin@ (the observer) belongs to it
 *   alone and submits the grid of the latest given session; evaluation@ only reads (language kept).
 * - table-work.test.ts posts a new announcement to the Table as coordination@ and opens it as
 *   coord-pivots.spvq@ (read state of that new announcement only); it starts no handover.
 * - table-hub.test.ts only reads, as coordination@ and intervenant.ecole@ (opening /table marks
 *   nothing read); it switches coordination@ to English and back to French.
 * - training.test.ts (same-organization refusal) makes Amélie Caron (PIPQ pivot, no account) a trainer
 *   and adds her to the pool, then tries to save the first upcoming session with her and Mélanie Côté
 *   (both PIPQ): the save is refused, so the session itself is unchanged.
 * - guard.test.ts: intervenant.ecole@ sends a new consultation to the SPVQ pivot, who answers it
 *   (English and back to French); the other consultations are left alone.
 * - evaluation-reports.test.ts adds one recommendation (its text names the file) to the third demo
 *   evaluation report as evaluation@ (kept in French), answers and links it as coordination@ (English
 *   and back to French), and verifies it as evaluation@; the demo's recommendations stay as seeded.
 * - evaluation.test.ts: coordination@ sets a Table target on training_sessions_given for the
 *   current fiscal year (the demo seeds none there) and removes it; evaluation@ downloads the
 *   dashboard (audit events) and switches to English and back to French; admin@ only reads.
 * - privacy.test.ts owns aiprp.spvq@filet.test (the SPVQ's privacy officer): it reads its register,
 *   downloads the CSV copy and opens its own data, switching to English and back to French.
 * - network.test.ts: pivot.cjq@ starts a new thread in the whole network (no JavaScript) mentioning
 *   helene.bouchard@, who reports it (English and back to French); coordination@ hides it from the
 *   review queue (language kept). The demo's threads and its reported post stay as seeded.
 * - sso.test.ts owns Julie Fortin (julie.fortin@csssqn.qc.ca), whom its first sign-in through the
 *   demo's identity provider creates; coordination@ approves her (language read, left as found);
 *   admin@ reads the provider registry (English and back).
 * - statistics.test.ts owns catherine.roy@ (CJQ-IU's pivot coordinator): it completes and submits
 *   CJQ-IU's current quarter (a draft in the demo); English and back to French.
 * - pivot-meetings.test.ts owns coord-pivots.spvq@'s poll answers and registration on the demo's
 *   upcoming regional pivot meeting (the one with an open poll): it answers (no JavaScript), changes
 *   an answer, registers and withdraws; it switches coord-pivots.spvq@ to English and back to French.
 * - proposals.test.ts owns olivier.bergeron@ and david.nguyen@ (pivots): they vote on a proposal that
 *   coordination@ puts to the whole network (results hidden), closes, and records into a Table
 *   meeting it creates and holds for the purpose (its language read, left as found); olivier.bergeron@
 *   votes without JavaScript; david.nguyen@ switches to English and back to French.
 * - news.test.ts: coordination@ publishes a new news item (no JavaScript, language kept); sophie.tremblay@
 *   (a school pivot) owns no other file: it reads the feed and comments in that item's thread (English
 *   and back to French). The demo's news items stay as seeded.
 * - surveys.test.ts owns stephanie.lavoie@'s invitation to the demo's open survey (the link in her
 *   email): it answers it once without JavaScript; it reads the closed 2026 partner survey's
 *   results as coordination@ (English and back to French).
 * - statistics-results.test.ts only reads: coordination@ opens the 2008–2012 data set's results
 *   (exact view on and off) and downloads them (English and back to French); evaluation@ reads them
 *   (language kept) and downloads the CSV (an audit event).
 * - network-subjects.test.ts: coordination@ (no JavaScript, language kept) starts a discussion on the
 *   demo action "Donner la formation de base de deux jours" and replies there; it owns
 *   marc-andre.pelletier@ (a pivot), who reads the demo guide section's thread (English and back to French).
 * - home.test.ts and audit-log.test.ts only read (home: five personas; audit log: admin@ and
 *   intervenant.ecole@); each switches its accounts to English and back to French.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
export const screenshotDir = path.join(root, "test-results", "screenshots");

export function baseUrl(): string {
  return inject("baseUrl");
}

export function url(pathname: string): string {
  return new URL(pathname, baseUrl()).toString();
}

/** Debian's Chromium only (never a downloaded browser); flags keep it quiet and offline. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 800 }, ...options });
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  // Any error on its pages fails the test (tests/e2e/setup.ts).
  watchPageErrors(context, { javaScriptEnabled: options.javaScriptEnabled !== false });
  return context;
}

const withoutJavaScript = new WeakSet<BrowserContext>();

/**
 * Waits until React Router has hydrated the page and has nothing in flight (navigation,
 * revalidation, fetchers). A page that never hydrates (a script blocked by the CSP, a
 * hydration error) fails here, which is what we want to know.
 */
export async function settled(page: Page): Promise<void> {
  if (withoutJavaScript.has(page.context())) return;
  await page.waitForFunction(
    () => {
      const router = (window as unknown as { __reactRouterDataRouter?: RouterLike }).__reactRouterDataRouter;
      if (!router) return false;
      const { navigation, revalidation, fetchers, location } = router.state;
      return (
        navigation.state === "idle" &&
        revalidation === "idle" &&
        [...fetchers.values()].every((f) => f.state === "idle") &&
        // The screen shows the router's location (set by the root component once committed).
        document.documentElement.dataset.locationKey === location.key
      );
    },
    undefined,
    { timeout: 15_000 },
  );
  // React commits router updates in a transition: give it two frames to reach the DOM.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

interface RouterLike {
  state: { navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }>; location: { key: string } };
}

/**
 * Submits a form with its button and waits until the page has settled. Without JavaScript a
 * submission is always a document navigation. With it, React Router posts with fetch and
 * updates the page itself, except for forms that reload the document (the language switch).
 */
export async function submit(page: Page, button: Locator): Promise<void> {
  if (withoutJavaScript.has(page.context())) {
    await Promise.all([page.waitForNavigation({ waitUntil: "load" }), button.click()]);
    return;
  }
  await settled(page);
  const loaded = new Promise<void>((resolve) => page.once("load", () => resolve()));
  const posted = page.waitForResponse((r) => r.request().method() === "POST", { timeout: 15_000 });
  await button.click();
  const response = await posted;
  if (response.request().resourceType() === "document") await loaded;
  await settled(page);
  await domQuiet(page);
}

/**
 * After a submission the router is idle before React has necessarily committed the new page:
 * React renders router updates in a transition, which a loaded machine can delay by more than a
 * few frames. Waits until the page has not changed for 150 ms (at most 5 s), so what a test
 * reads next is the page the person would see.
 */
async function domQuiet(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 150);
        const cap = setTimeout(done, 5000);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 150);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        function done() {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(cap);
          resolve();
        }
      }),
  );
}

/** Clicks a link and waits for the page it leads to, whether the router or the browser loads it. */
export async function followLink(page: Page, link: Locator): Promise<void> {
  const href = await link.getAttribute("href");
  await link.click();
  if (href) await page.waitForURL((u) => u.pathname + u.search === href || u.pathname === href.split("?")[0]);
  await settled(page);
}

/** Fills the sign-in form the way a person does and waits for the page that follows. */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(url("/login"));
  const form = page.locator('form:has(input[name="password"])').first();
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await submit(page, form.locator('[type="submit"]').first());
}

/** Signs a demo account in and checks it landed on a signed-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitLogin(page, email, password);
  expect(new URL(page.url()).pathname, `sign-in of ${email} should leave /login`).not.toBe("/login");
  await expect.poll(() => signOutButton(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
}

export function signOutButton(page: Page) {
  return page.locator('form[action="/logout"] button[type="submit"]');
}

export async function signOut(page: Page): Promise<void> {
  await submit(page, signOutButton(page).first());
}

/** Switches language with the header's button (a plain form post: works with or without JS). */
export async function switchLanguage(page: Page): Promise<void> {
  await submit(page, page.locator('form[action="/locale"] button[type="submit"]').first());
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

export interface AxeProblem {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Every page visited by a browser test goes through axe; serious or critical violations fail it. */
export async function checkA11y(page: Page, label = new URL(page.url()).pathname): Promise<void> {
  // axe runs as a script in the page: impossible with JavaScript off. Those pages are the same
  // server-rendered HTML that the JavaScript-enabled tests check.
  if (withoutJavaScript.has(page.context())) return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const problems: AxeProblem[] = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  const lang = await htmlLang(page);
  expect(problems, `axe on ${label} (lang=${lang})`).toEqual([]);
}

/** Saves a full-page screenshot in test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Visits a page, checks it with axe in its current language and takes a screenshot. */
export async function visit(page: Page, pathname: string, shot?: string): Promise<void> {
  await page.goto(url(pathname));
  await checkA11y(page, pathname);
  if (shot) await screenshot(page, shot);
}

/** The one h1 of the page (there must be exactly one). */
export async function heading(page: Page): Promise<string> {
  const h1 = page.locator("h1");
  await expect.poll(() => h1.count(), { message: `one h1 on ${page.url()}` }).toBe(1);
  return (await h1.textContent())?.trim() ?? "";
}

/**
 * A TOTP code for a step that was not used yet: the server accepts a code once, so after a
 * successful code this waits for the next 30 s step instead of replaying it.
 */
export async function freshTotp(secret: string, used: Set<number>): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 1000 / 30);
    // Too close to the end of a step: the code could expire between typing and checking.
    const left = 30 - ((Date.now() / 1000) % 30);
    if (!used.has(step) && left > 3) {
      used.add(step);
      return generate({ secret, epoch: step * 30 });
    }
    await new Promise((r) => setTimeout(r, left * 1000 + 200));
  }
}

/** A base32 secret (as shown to people who type it into their app) found in the page. */
export async function findTotpSecret(page: Page): Promise<string> {
  const explicit = page.locator("[data-totp-secret], #totp-secret, code");
  for (const el of await explicit.all()) {
    const text = ((await el.getAttribute("data-totp-secret")) ?? (await el.textContent()) ?? "").replace(/\s+/g, "");
    if (/^[A-Z2-7]{16,}=*$/.test(text)) return text;
  }
  const uri = await page.evaluate(() => document.documentElement.innerHTML.match(/secret=([A-Z2-7]+)/)?.[1] ?? null);
  if (uri) return uri;
  const body = (await page.locator("main").textContent()) ?? "";
  const grouped = body.match(/\b([A-Z2-7]{4}(?:\s?[A-Z2-7]{4}){3,})\b/);
  if (grouped?.[1]) return grouped[1].replace(/\s+/g, "");
  throw new Error(`No TOTP secret found on ${page.url()}`);
}

/** The main region's text, whitespace collapsed: what a person reads. */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** Puts the page (and the signed-in account) in the wanted language, whatever it was. */
export async function ensureLanguage(page: Page, locale: "fr" | "en"): Promise<void> {
  if ((await htmlLang(page)) !== locale) await switchLanguage(page);
  expect(await htmlLang(page)).toBe(locale);
}
