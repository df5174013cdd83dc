import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { catalog } from "../../app/i18n/catalog.ts";

/**
 * Which message keys a route can render, read from its source: every string literal that is a
 * catalog key, and every template literal that builds one (`role.${r}` counts as "role.*"), in
 * the route file and in the app files it imports, followed transitively. A `.server.ts` file is
 * read when the route imports it directly (the error codes an action returns are keys), but its
 * own imports are not followed: they run on the server and render nothing.
 */
const appDir = fileURLToPath(new URL("../../app/", import.meta.url));
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

export function messageKeysUsedBy(routeFile: string): Set<string> {
  const start = path.join(appDir, routeFile);
  const used = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, direct: boolean) => {
    if (seen.has(file) || !file.startsWith(appDir)) return;
    seen.add(file);
    if (file.includes(`${path.sep}i18n${path.sep}messages${path.sep}`) || file.endsWith(`${path.sep}i18n${path.sep}catalog.ts`)) return;
    if (file.endsWith(".css") || file.endsWith(".json")) return;
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(keyLiteral)) if (keys.has(m[1]!)) used.add(m[1]!);
    for (const m of text.matchAll(keyTemplate)) {
      const prefix = m[1]!;
      if ([...keys].some((k) => k.startsWith(`${prefix}.`))) used.add(`${prefix}.*`);
    }
    if (file.endsWith(".server.ts") && !direct) return;
    for (const m of text.matchAll(importPattern)) {
      const target = resolveImport(file, (m[1] ?? m[2])!);
      if (target) visit(target, file === start);
    }
  };
  visit(start, true);
  return used;
}

/** Whether a used key (or "prefix.*") falls inside one of the namespaces. */
export function coveredBy(key: string, namespaces: readonly string[]): boolean {
  const bare = key.endsWith(".*") ? key.slice(0, -2) : key;
  return namespaces.some((ns) => bare === ns || bare.startsWith(`${ns}.`));
}
