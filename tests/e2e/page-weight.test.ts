import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../app/i18n/catalog.ts";
import { root, startFiletProcess, type RunningServer } from "./server-process.ts";
import { DEMO_PASSWORD } from "./support.ts";

/**
 * Each page sends only what it renders (issue 10): every signed-in page the demo personas reach
 * from the home page, link after link, is at most 40 KB of HTML, shows no raw message key (a
 * key its loaders did not send), and loads no Zod (the server validates; the browser does not).
 * Byte sizes are deterministic: they are asserted here; speed is for `npm run bench`.
 * Its own server and data (the crawl opens announcements, which marks them read).
 */
const HTML_BUDGET = 40 * 1024;
/**
 * Pages over the budget today (docs/PERFORMANCE.md, "not met"), each held to a ceiling a little
 * above its size on 2026-12-03 so it cannot grow; one that comes under 40 KB must leave the list.
 * The people picker (issue 11 #13) took the selects of every person off the meeting, designation
 * and responsibility pages; the meeting page is still over with its agenda items' forms.
 */
// 2026-12-04: the header gained the network's entry (issue 14); the chrome then shed `common`,
// the form kit's own words and the other language's Table name (about 1.5 KB a page), which put
// /pathway and /evaluation back under 40 KB and the others under their former ceilings.
// 2026-12-07: /training, its session page and sheet, /meetings/new from a template and
// /meetings/:id/edit came under 40 KB (lighter loader data, invitee boxes without ids, the session
// form's and the pair solver's words apart, the meeting's status actions sent to its managers only);
// the ceilings below are a little above what this crawl measured that day.
const KNOWN_OVER: Record<string, number> = {
  // 47.7 KB at most (a pivot on the coming regional pivot meeting; 50.6 KB before).
  "/meetings/:id": 49,
  // 43.8 KB for the platform admin and the privacy officer.
  "/admin/audit": 45,
  // 49.0 KB since each action carries its discussion link (issue 14 §1, a link, not a form: ~1 KB for the demo's 9 actions).
  "/action-plan/:year": 50,
  // 47.0 KB: every reachable pivot's card carries "Demander conseil".
  // 45.3 KB as the coordinator since the cards and the organization filter name organizations in the reader's language only (2026-12-07).
  "/directory": 46,
};
const underBudget = new Set<string>();
const overBudget = new Set<string>();
const PERSONAS = [
  "coordination@filet.test",
  "pivot.cjq@filet.test",
  "intervenant.ecole@filet.test",
  "admin@filet.test",
  "formateur.pipq@filet.test",
  "delegue.cjq@filet.test",
  "evaluation@filet.test",
  "vie-privee@filet.test",
];
const MAX_PAGES_PER_PERSONA = 70;
const PER_PATTERN = 2;
// Not pages: files, exports, actions reached by links, and the sign-out/language switches.
const SKIP = /^\/(logout|locale)(\/|$)|\/(pdf|ics|certificate|text)$|\.(csv|xlsx|svg|pdf)$|\/files\/|\/documents\/|^\/api\/|^\/guide\/pdf|\/print$|\/document$/;

let server: RunningServer;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "filet-weight-"));
const keys = new Set(Object.keys(catalog.fr));
const jsChecked = new Map<string, { gzip: number; zod: boolean }>();

beforeAll(async () => {
  server = await startFiletProcess({ FILET_DATA_DIR: dataDir, FILET_DEMO: "1" }, { logFile: path.join(root, "test-results", "e2e-weight-server.log") });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }).toString(),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => /^(__Host-)?filet_session=./.test(c));
  if (!cookie) throw new Error(`sign-in of ${email}: ${response.status}`);
  return cookie;
}

const patternOf = (pathname: string) => pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id").replace(/\/\d{4}(?=\/|$)/g, "/:year");

function linksOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
}

/** Catalog keys shown as text: what a person sees when no loader of the page sent the message. */
function rawKeysIn(html: string): string[] {
  const visible = html.replace(/<script\b[\s\S]*?<\/script>/g, " ").replace(/<style\b[\s\S]*?<\/style>/g, " ");
  return [...new Set([...visible.matchAll(/[A-Za-z][\w-]*(?:\.[\w-]+)+/g)].map((m) => m[0]).filter((t) => keys.has(t)))];
}

async function scripts(html: string): Promise<{ gzip: number; zod: string[] }> {
  const hrefs = [...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g), ...html.matchAll(/import\(?\s*"(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let gzip = 0;
  const zod: string[] = [];
  for (const href of new Set(hrefs)) {
    let entry = jsChecked.get(href);
    if (!entry) {
      const code = Buffer.from(await (await fetch(new URL(href, server.url))).arrayBuffer());
      entry = { gzip: zlib.gzipSync(code, { level: 9 }).length, zod: /ZodError|\b_zod\b/.test(code.toString()) };
      jsChecked.set(href, entry);
    }
    gzip += entry.gzip;
    if (entry.zod) zod.push(href);
  }
  return { gzip, zod };
}

describe("page weight of the signed-in pages", () => {
  const report: string[] = [];
  afterAll(() => {
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    fs.writeFileSync(path.join(root, "test-results", "page-weight.txt"), report.join("\n") + "\n");
  });

  it.each(PERSONAS)("%s: every page reached is ≤ 40 KB, shows no raw key and loads no Zod", async (persona) => {
    const cookie = await signIn(persona);
    const queue = ["/"];
    const seen = new Set<string>();
    const perPattern = new Map<string, number>();
    const problems: string[] = [];
    let pages = 0;
    while (queue.length && pages < MAX_PAGES_PER_PERSONA) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const pattern = patternOf(new URL(url, server.url).pathname);
      if ((perPattern.get(pattern) ?? 0) >= PER_PATTERN) continue;
      perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
      const response = await fetch(new URL(url, server.url), { headers: { cookie }, redirect: "manual" });
      expect(response.status, `${persona} GET ${url}`).toBeLessThan(500);
      if (response.status !== 200 || !(response.headers.get("content-type") ?? "").includes("text/html")) continue;
      const html = await response.text();
      pages++;
      const bytes = Buffer.byteLength(html);
      const js = await scripts(html);
      report.push(`${persona.padEnd(30)} ${String(bytes).padStart(7)} B HTML  ${String(js.gzip).padStart(7)} B JS gzip  ${url}`);
      const known = KNOWN_OVER[patternOf(new URL(url, server.url).pathname)];
      const ceiling = known ? known * 1024 : HTML_BUDGET;
      if (bytes > ceiling) problems.push(`${url}: ${(bytes / 1024).toFixed(1)} KB of HTML (${known ? `ceiling ${known} KB of a page known over budget` : "budget 40 KB"})`);
      if (known && bytes <= HTML_BUDGET) underBudget.add(patternOf(new URL(url, server.url).pathname));
      if (known && bytes > HTML_BUDGET) overBudget.add(patternOf(new URL(url, server.url).pathname));
      const raw = rawKeysIn(html);
      if (raw.length) problems.push(`${url}: raw message keys ${raw.join(", ")}`);
      if (js.zod.length) problems.push(`${url}: Zod in ${js.zod.join(", ")}`);
      for (const link of linksOf(html)) {
        const target = new URL(link, server.url);
        if (target.origin !== new URL(server.url).origin || SKIP.test(target.pathname)) continue;
        const next = target.pathname + target.search;
        if (!seen.has(next)) queue.push(next);
      }
    }
    expect(pages, persona).toBeGreaterThan(3);
    expect(problems, persona).toEqual([]);
  }, 240_000);

  it("lists as over budget only pages that still are", () => {
    // A page of the list seen under 40 KB (and never over) has been fixed: take it off the list.
    expect([...underBudget].filter((p) => !overBudget.has(p))).toEqual([]);
  });
});
