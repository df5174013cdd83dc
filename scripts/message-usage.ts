import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { catalog } from "../app/i18n/catalog.ts";

/**
 * Which message keys a route can render, read from its source: every string literal that is a
 * catalog key, and every template literal that builds one (`role.${r}` counts as "role.*"), in
 * the route file and in the app files it imports, followed transitively. A `.server.ts` file is
 * read when the route imports it directly (the error codes an action returns are keys), and so are
 * the files it imports, one level only: beyond, they run on the server and render nothing. A server
 * file marked `@messages-rendered-on-server` translates on the server and sends text: it is skipped.
 */
/** The mark of a server file whose words are rendered on the server (see messageKeysUsedBy). */
export const SERVER_RENDERED_MARK = "@messages-rendered-on-server";
/**
 * `@messages-sent-by-page <group>`: the mark of a component file drawn only for some readers (a
 * meeting's management forms): its words are not in the pages' map but in the group, and the page's
 * loader sends the group (`groupMessages`) when it draws the part. A page that reaches a marked file
 * names its group (page-messages.test.ts checks it).
 */
export const PAGE_SENT_MARK = /@messages-sent-by-page\s+([\w.-]+)/;

const appDir = fileURLToPath(new URL("../app/", import.meta.url));
const keys = new Set(Object.keys(catalog.fr));
const importPattern = /(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".") && !spec.startsWith("~/")) return null;
  const base = spec.startsWith("~/") ? path.join(appDir, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const keyLiteral = /["'`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)["'`]/g;
const keyTemplate = /`([a-zA-Z][\w-]*(?:\.[\w-]+)*)\.\$\{/g;

export function messageKeysUsedBy(routeFile: string, groups?: Set<string>): Set<string> {
  const start = path.join(appDir, routeFile);
  const used = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, direct: boolean, leaf: boolean) => {
    if (seen.has(file) || !file.startsWith(appDir)) return;
    seen.add(file);
    if (file.includes(`${path.sep}i18n${path.sep}messages${path.sep}`) || file.endsWith(`${path.sep}i18n${path.sep}catalog.ts`)) return;
    if (file.endsWith(".css") || file.endsWith(".json") || file.endsWith(".generated.server.ts")) return;
    const text = fs.readFileSync(file, "utf8");
    // A part whose words its page sends itself, when it draws it (PAGE_SENT_MARK): its group, not its keys.
    const group = file !== start ? PAGE_SENT_MARK.exec(text)?.[1] : undefined;
    if (group) {
      groups?.add(group);
      return;
    }
    // A server file that translates its own output (marked so) hands the page text, not keys.
    if (file.endsWith(".server.ts") && text.includes(SERVER_RENDERED_MARK)) return;
    for (const m of text.matchAll(keyLiteral)) if (keys.has(m[1]!)) used.add(m[1]!);
    for (const m of text.matchAll(keyTemplate)) {
      const prefix = m[1]!;
      if ([...keys].some((k) => k.startsWith(`${prefix}.`))) used.add(`${prefix}.*`);
    }
    // What a server file imports is read (its error codes may live there) but not followed further:
    // its tables and vocabularies render nothing.
    if (file.endsWith(".server.ts") && !direct) return;
    if (leaf) return;
    for (const m of text.matchAll(importPattern)) {
      const target = resolveImport(file, (m[1] ?? m[2])!);
      if (target) visit(target, file === start, file.endsWith(".server.ts"));
    }
  };
  visit(start, true, false);
  return used;
}

/** Whether a used key (or "prefix.*") falls inside one of the namespaces. */
export function coveredBy(key: string, namespaces: readonly string[]): boolean {
  const bare = key.endsWith(".*") ? key.slice(0, -2) : key;
  return namespaces.some((ns) => bare === ns || bare.startsWith(`${ns}.`));
}

interface RouteEntry {
  file: string;
  path?: string;
  index?: boolean;
  children?: RouteEntry[];
}

/**
 * What a page needs beyond the chrome: each key its code (and its layout's) can render, and for a
 * key template (`role.${r}`) the template's prefix. Whole keys, not areas: a page that shows one
 * message of "meetings.decisions" is not sent the other twelve.
 */
export function namespacesFor(files: readonly string[], chrome: readonly string[]): string[] {
  const out = new Set<string>();
  for (const file of files) {
    for (const key of messageKeysUsedBy(file)) {
      if (coveredBy(key, chrome)) continue;
      out.add(key.endsWith(".*") ? key.slice(0, -2) : key);
    }
  }
  // "a.b" makes "a.b.c" redundant.
  return [...out].filter((ns) => ![...out].some((other) => other !== ns && ns.startsWith(`${other}.`))).sort();
}

/** Route pattern ("/training/sessions/:sessionId") → namespaces, for every page of the route config. */
export function routeNamespaceMap(routes: readonly RouteEntry[], chrome: readonly string[], hasPage: (file: string) => boolean): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  const walk = (entries: readonly RouteEntry[], layout: RouteEntry | null) => {
    for (const e of entries) {
      if (e.children) {
        walk(e.children, e);
        continue;
      }
      if (!hasPage(e.file) || e.path === "*") continue;
      map[e.index ? "/" : `/${e.path ?? ""}`] = namespacesFor(layout ? [e.file, layout.file] : [e.file], chrome);
    }
  };
  walk(routes, null);
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => a.localeCompare(b)));
}

/** Each group of PAGE_SENT_MARK → the namespaces of its marked files (and what they import). */
export function messageGroupMap(chrome: readonly string[]): Record<string, string[]> {
  const files: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const group = PAGE_SENT_MARK.exec(fs.readFileSync(full, "utf8"))?.[1];
        if (group) (files[group] ??= []).push(path.relative(appDir, full));
      }
    }
  };
  walk(path.join(appDir, "components"));
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)).map(([group, list]) => [group, namespacesFor(list.sort(), chrome)]));
}

export const GENERATED_FILE = "app/i18n/route-namespaces.generated.server.ts";

export function renderGeneratedFile(map: Record<string, string[]>, groups: Record<string, string[]> = {}): string {
  const lines = Object.entries(map).map(([pattern, ns]) => `  ${JSON.stringify(pattern)}: ${JSON.stringify(ns)},`);
  const groupLines = Object.entries(groups).map(([group, ns]) => `  ${JSON.stringify(group)}: ${JSON.stringify(ns)},`);
  return `// Generated by \`npm run i18n:routes\` (scripts/route-namespaces.ts) from the keys each page's
// code can render; tests/integration/page-messages.test.ts fails when it is out of date.
// Route pattern → the message namespaces its section layout sends, beside the root's chrome.
export const routeNamespaces: Readonly<Record<string, readonly string[]>> = {
${lines.join("\n")}
};
// Group (\`@messages-sent-by-page <group>\` in a component file) → the namespaces a page's loader
// sends with groupMessages() when it draws that part.
export const messageGroups: Readonly<Record<string, readonly string[]>> = {
${groupLines.join("\n")}
};
`;
}
