import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { CHROME_NAMESPACES, pickMessages } from "../../app/i18n/catalog.ts";
import { coveredBy, messageKeysUsedBy } from "../support/message-usage.ts";

/**
 * Each page sends only the messages it renders, and never fewer: for EVERY route of
 * app/routes.ts, each key its code can render lies in a namespace that the root (the chrome),
 * its section layout or the route itself declares in `messageNamespaces`, the lists their
 * loaders send. A new key outside them fails here, before a person sees a raw key.
 */
interface RouteEntry {
  file: string;
  path?: string;
  children?: RouteEntry[];
}
const appDir = fileURLToPath(new URL("../../app/", import.meta.url));
type WithNamespaces = { messageNamespaces?: readonly string[]; loader?: unknown; default?: unknown };

function pages(entries: readonly RouteEntry[], layout: RouteEntry | null = null): { route: RouteEntry; layout: RouteEntry | null }[] {
  return entries.flatMap((e) => (e.children ? pages(e.children, e) : [{ route: e, layout }]));
}
const all = pages(routes as unknown as RouteEntry[]);
const load = async (file: string) => (await import(/* @vite-ignore */ path.join(appDir, file))) as WithNamespaces;

describe("messages sent by each page", () => {
  it("puts every page of a section folder under that section's layout", () => {
    for (const { route, layout } of all) {
      const folder = path.dirname(route.file);
      if (folder === "routes" || folder === "routes/api") continue;
      expect(layout?.file, route.file).toBe(`${folder}/_layout.tsx`);
    }
  });

  it.each(all.map((p) => [p.route.file, p] as const))("%s: every key it renders is sent", async (_file, { route, layout }) => {
    const mod = await load(route.file);
    if (!mod.default) return; // a resource route (PDF, file, API) renders no message
    const declared = [...CHROME_NAMESPACES, ...((layout ? (await load(layout.file)).messageNamespaces : undefined) ?? []), ...(mod.messageNamespaces ?? [])];
    const missing = [...messageKeysUsedBy(route.file)].filter((key) => !coveredBy(key, declared)).sort();
    expect(missing, `${route.file} renders keys no loader of the page sends: add their namespace to the layout or to the route's messageNamespaces`).toEqual([]);
  });

  it("sends, from each section layout, the keys its navigation renders", async () => {
    const layouts = (routes as unknown as RouteEntry[]).filter((e) => e.children);
    expect(layouts.length).toBeGreaterThan(10);
    for (const layout of layouts) {
      const declared = [...CHROME_NAMESPACES, ...((await load(layout.file)).messageNamespaces ?? [])];
      expect([...messageKeysUsedBy(layout.file)].filter((key) => !coveredBy(key, declared)), layout.file).toEqual([]);
    }
  });

  it("sends the root's chrome without any section's messages", () => {
    const chrome = Object.keys(pickMessages("fr", CHROME_NAMESPACES));
    expect(chrome.some((k) => k.startsWith("directory.") || k.startsWith("meetings.") || k.startsWith("admin."))).toBe(false);
    expect(JSON.stringify(pickMessages("fr", CHROME_NAMESPACES)).length).toBeLessThan(12_000);
  });

  it("declares, in every route that sends its own messages, a loader that sends them", async () => {
    for (const { route } of all) {
      const mod = await load(route.file);
      if (mod.messageNamespaces) expect(typeof mod.loader, route.file).toBe("function");
    }
  });
});
