import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { CHROME_NAMESPACES, pickMessages } from "../../app/i18n/catalog.ts";
import { namespacesOfPath } from "../../app/i18n/page-messages.server.ts";
import { routeNamespaces } from "../../app/i18n/route-namespaces.generated.server.ts";
import { GENERATED_FILE, coveredBy, messageGroupMap, messageKeysUsedBy, renderGeneratedFile, routeNamespaceMap } from "../../scripts/message-usage.ts";

/**
 * Each page sends only the messages it renders, and never fewer: for EVERY page of
 * app/routes.ts, each key its code (or its section layout's) can render lies in the chrome the
 * root sends or in the namespaces its layout sends for it (route-namespaces.generated.server.ts,
 * generated from the same reading of the source: `npm run i18n:routes`). A new key on a page
 * without regenerating fails here, before a person sees a raw key.
 */
interface RouteEntry {
  file: string;
  path?: string;
  index?: boolean;
  children?: RouteEntry[];
}
const root = fileURLToPath(new URL("../../", import.meta.url));
const hasPage = (file: string) => /export default function/.test(fs.readFileSync(path.join(root, "app", file), "utf8"));

function pages(entries: readonly RouteEntry[], layout: RouteEntry | null = null): { route: RouteEntry; layout: RouteEntry | null }[] {
  return entries.flatMap((e) => (e.children ? pages(e.children, e) : [{ route: e, layout }]));
}
const all = pages(routes as unknown as RouteEntry[]).filter((p) => p.route.path !== "*" && hasPage(p.route.file));

describe("messages sent by each page", () => {
  it("has an up-to-date namespace map (run `npm run i18n:routes` after adding a message)", () => {
    const expected = renderGeneratedFile(routeNamespaceMap(routes as never, CHROME_NAMESPACES, hasPage), messageGroupMap(CHROME_NAMESPACES));
    expect(fs.readFileSync(path.join(root, GENERATED_FILE), "utf8")).toBe(expected);
  });

  it("puts every page of a section folder under that section's layout", () => {
    for (const { route, layout } of all) {
      const folder = path.dirname(route.file);
      if (folder === "routes" || folder === "routes/api") continue;
      expect(layout?.file, route.file).toBe(`${folder}/_layout.tsx`);
    }
  });

  it.each(all.map((p) => [p.route.file, p] as const))("%s: every key it renders is sent", (_file, { route, layout }) => {
    const pathname = route.index ? "/" : `/${(route.path ?? "").replace(/:(\w+)/g, "x-$1")}`;
    const declared = [...CHROME_NAMESPACES, ...namespacesOfPath(pathname)];
    const used = new Set([...messageKeysUsedBy(route.file), ...(layout ? messageKeysUsedBy(layout.file) : [])]);
    const missing = [...used].filter((key) => !coveredBy(key, declared)).sort();
    expect(missing, `${route.file} (${pathname}) renders keys no loader of the page sends`).toEqual([]);
  });

  // A part marked `@messages-sent-by-page <group>` is left out of the map: the page that draws it
  // must send its group itself, so its loader names the group (groupMessages(locale, "<group>")).
  it.each(all.map((p) => [p.route.file, p] as const))("%s: names each group of words it draws", (_file, { route }) => {
    const groups = new Set<string>();
    messageKeysUsedBy(route.file, groups);
    const text = fs.readFileSync(path.join(root, "app", route.file), "utf8");
    const unsent = [...groups].filter((g) => !text.includes(`groupMessages(`) || !text.includes(JSON.stringify(g)));
    expect(unsent, `${route.file} draws a part whose words it must send with groupMessages`).toEqual([]);
    for (const g of groups) expect(messageGroupMap(CHROME_NAMESPACES)[g], g).toBeDefined();
  });

  it("finds the page of a path as the router does (static segments first)", () => {
    expect(namespacesOfPath("/meetings/new")).toEqual(routeNamespaces["/meetings/new"]);
    expect(namespacesOfPath("/meetings/3f1c")).toEqual(routeNamespaces["/meetings/:meetingId"]);
    expect(namespacesOfPath("/no/such/page")).toEqual([]);
  });

  it("sends the root's chrome without any section's messages", () => {
    const chrome = Object.keys(pickMessages("fr", CHROME_NAMESPACES));
    expect(chrome.some((k) => k.startsWith("directory.") || k.startsWith("meetings.") || k.startsWith("admin."))).toBe(false);
    expect(JSON.stringify(pickMessages("fr", CHROME_NAMESPACES)).length).toBeLessThan(12_000);
  });
});
