import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { ComponentType } from "react";
import { importRoute, layoutOf, matchRoute, openHarness, send, type Harness, type Persona } from "../forms/harness.ts";
import { renderPage } from "../support/render-page.tsx";

/**
 * No dead links (issue 9, point 7): on the pages of the Table's modules (meetings,
 * responsibilities, partners, action plan, funding, handover, announcements), every internal link
 * a demo persona is shown opens for that persona (answers < 400). Each page is rendered from
 * its loader's data as that persona, its links followed, and the pages of these modules crawled
 * two links deep.
 */
const MODULES = ["/meetings", "/responsibilities", "/partners", "/action-plan", "/funding", "/handover", "/announcements"];
const START = ["/meetings", "/meetings/decisions", "/responsibilities", "/responsibilities/mine", "/announcements", "/partners", "/partners/matrix", "/partners/commitments", "/partners/commitments/text", "/action-plan", "/funding", "/handover"];
const PERSONAS: Persona[] = ["pivot.cjq@filet.test", "delegue.cjq@filet.test", "coord-pivots.spvq@filet.test", "coordination@filet.test"];
const MAX_PAGES = 120;

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const inModules = (path: string) => MODULES.some((m) => path === m || path.startsWith(`${m}/`) || path.startsWith(`${m}?`));

/** The internal links of a page's HTML (hash dropped, entities decoded). */
function linksOf(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref="(\/[^"]*)"/g)) {
    const href = m[1]!.replaceAll("&amp;", "&").split("#")[0]!;
    if (href && !href.startsWith("//")) out.add(href);
  }
  return [...out];
}

/** The page as the persona sees it: its status and, for a page with a component, its HTML. */
async function open(persona: Persona, url: string): Promise<{ status: number; html: string | null }> {
  const pathname = new URL(url, "http://localhost").pathname;
  let file: string;
  try {
    file = matchRoute(pathname).route.file;
  } catch {
    return { status: 404, html: null };
  }
  const mod = (await importRoute(file)) as { loader?: unknown; default?: ComponentType<never> };
  if (!mod.loader) return { status: mod.default ? 200 : 404, html: null };
  const answer = await send(h, { url, persona, method: "GET" });
  if (answer.status >= 300 || !mod.default || answer.data === null) return { status: answer.status, html: null };
  // The page inside its section's layout: the section navigation's links are checked too.
  const layoutEntry = layoutOf(file);
  const layout = layoutEntry
    ? { Component: ((await importRoute(layoutEntry.file)) as unknown as { default: ComponentType<never> }).default, loaderData: (await send(h, { url, persona, method: "GET", layout: true })).data }
    : undefined;
  return { status: answer.status, html: renderPage(mod.default, { path: url, loaderData: answer.data, layout }) };
}

async function crawl(persona: Persona, start: string[]): Promise<{ dead: string[]; pages: number; links: number }> {
  const dead: string[] = [];
  const checked = new Map<string, number>();
  const queue: { url: string; depth: number }[] = start.map((url) => ({ url, depth: 0 }));
  const rendered = new Set<string>();
  let links = 0;
  while (queue.length && rendered.size < MAX_PAGES) {
    const { url, depth } = queue.shift()!;
    if (rendered.has(url)) continue;
    rendered.add(url);
    const page = await open(persona, url);
    // A start page the persona does not open is not shown to them (checked where it is linked).
    if (!page.html) continue;
    for (const link of linksOf(page.html)) {
      links++;
      let status = checked.get(link);
      if (status === undefined) {
        status = (await open(persona, link)).status;
        checked.set(link, status);
      }
      if (status >= 400) dead.push(`${url} → ${link} (${status})`);
      else if (depth < 2 && inModules(link) && !rendered.has(link)) queue.push({ url: link, depth: depth + 1 });
    }
  }
  return { dead, pages: rendered.size, links };
}

describe("no dead links on the Table's pages", () => {
  it.each(PERSONAS)("every link shown to %s opens for them", async (persona) => {
    const result = await crawl(persona, START);
    expect(result.dead).toEqual([]);
    expect(result.links).toBeGreaterThan(0);
  }, 300_000);

  it("the pivot's responsibility of a meeting they were not invited to shows its title, without a link", async () => {
    const pivot = await h.demo.one(sql`select id from person where partnership_id = ${h.demo.tableId} and email = 'pivot.cjq@filet.test'`);
    const rid = await h.demo.one(sql`select id from responsibility where partnership_id = ${h.demo.tableId} and owner_person_id = ${pivot} and meeting_id is not null limit 1`);
    const meetingId = await h.demo.one(sql`select meeting_id from responsibility where id = ${rid}`);
    // The meeting is not theirs to read…
    expect((await open("pivot.cjq@filet.test", `/meetings/${meetingId}`)).status).toBe(404);
    // …so neither the responsibility's page nor "my responsibilities" links to it; the title is shown.
    const title = await h.demo.one(sql`select title from meeting where id = ${meetingId}`);
    for (const url of [`/responsibilities/${rid}`, "/responsibilities/mine"]) {
      const page = await open("pivot.cjq@filet.test", url);
      expect(page.status, url).toBe(200);
      expect(linksOf(page.html!), url).not.toContain(`/meetings/${meetingId}`);
      expect(page.html, url).toContain(title.replaceAll("'", "&#x27;"));
      expect(linksOf(page.html!), url).toContain(url === "/responsibilities/mine" ? `/responsibilities/${rid}` : "/responsibilities/mine");
    }
    // The delegate, invited to that meeting, gets the link (and it opens).
    const delegate = await open("delegue.cjq@filet.test", `/meetings/${meetingId}`);
    expect(delegate.status).toBe(200);
  }, 120_000);
});
