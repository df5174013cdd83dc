/**
 * Issue 10, budget 5: page weight, deterministic figures (the same build and data give the same
 * bytes, give or take a nonce and a date). For each page, signed in:
 * - HTML: bytes of the document as served, uncompressed (budget ≤ 40 KB, 1 KB = 1,024 bytes);
 *   its gzip -9 size is printed too, for information;
 * - JavaScript: the modules the page loads — `<script type="module" src>`, `<link
 *   rel="modulepreload" href>`, the static imports of inline module scripts, and then the static
 *   imports of those modules, transitively (a browser fetches them before running anything;
 *   dynamic `import()`s are left out, they load later if ever) — each fetched from the server
 *   and gzipped with zlib level 9, summed (budget ≤ 100 KB).
 */
import zlib from "node:zlib";
import { budget, kb } from "./lib.ts";

export const HTML_BUDGET_BYTES = 40 * 1024;
export const JS_BUDGET_BYTES = 100 * 1024;

export interface PageWeight {
  path: string;
  label: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** Modules named by the HTML itself. */
  htmlModules: number;
  /** Every module loaded (HTML's and their static imports). */
  modules: { href: string; bytes: number; gzipBytes: number }[];
  jsBytes: number;
  jsGzipBytes: number;
  budgeted: boolean;
}

const gzip9 = (b: Buffer) => zlib.gzipSync(b, { level: 9 }).length;

/** Module URLs named by the HTML: script src, modulepreload links, inline module imports. */
export function modulesInHtml(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? "";
    if (!/\btype=["']?module\b/i.test(attrs)) continue;
    const src = /\bsrc=["']([^"']+)["']/i.exec(attrs)?.[1];
    if (src) found.push(src);
    else found.push(...staticImports(m[2] ?? ""));
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel=["']?modulepreload\b/i.test(tag)) continue;
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) found.push(href);
  }
  return found;
}

/** `import … from "x"`, `import "x"`, `export … from "x"`; not `import("x")`. */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/\b(?:from|import)\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

async function fetchBytes(url: string, cookie: string): Promise<Buffer> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return body;
}

export async function measurePage(base: string, cookie: string, path: string, label: string, budgeted: boolean): Promise<PageWeight> {
  const html = await fetchBytes(`${base}${path}`, cookie);
  const pageUrl = `${base}${path}`;
  const direct = [...new Set(modulesInHtml(html.toString("utf8")).map((h) => new URL(h, pageUrl).href))];
  const seen = new Map<string, Buffer>();
  const queue = [...direct];
  while (queue.length) {
    const href = queue.shift()!;
    if (seen.has(href)) continue;
    if (new URL(href).origin !== new URL(base).origin) throw new Error(`${path} loads a module from elsewhere: ${href}`);
    const code = await fetchBytes(href, cookie);
    seen.set(href, code);
    for (const spec of staticImports(code.toString("utf8"))) {
      if (spec.startsWith(".") || spec.startsWith("/")) queue.push(new URL(spec, href).href);
    }
  }
  const modules = [...seen].map(([href, code]) => ({ href: new URL(href).pathname, bytes: code.length, gzipBytes: gzip9(code) }));
  return {
    path,
    label,
    htmlBytes: html.length,
    htmlGzipBytes: gzip9(html),
    htmlModules: direct.length,
    modules,
    jsBytes: modules.reduce((s, m) => s + m.bytes, 0),
    jsGzipBytes: modules.reduce((s, m) => s + m.gzipBytes, 0),
    budgeted,
  };
}

export async function runPageWeight(base: string, cookie: string, meetingId: string): Promise<PageWeight[]> {
  const pages: [string, string, boolean][] = [
    ["/", "/ (signed in)", true],
    ["/directory", "/directory", true],
    [`/meetings/${meetingId}`, "/meetings/<id>", true],
    ["/login", "/login (anonymous, for information)", false],
  ];
  const weights: PageWeight[] = [];
  for (const [path, label, budgeted] of pages) {
    const w = await measurePage(base, path === "/login" ? "" : cookie, path, label, budgeted);
    weights.push(w);
    console.log(
      `  ${label.padEnd(38)} HTML ${kb(w.htmlBytes).padStart(9)} (${w.htmlBytes} B; gzip ${kb(w.htmlGzipBytes)})  ` +
        `JS ${w.modules.length} modules (${w.htmlModules} named in the HTML), ${kb(w.jsBytes)} raw, ${kb(w.jsGzipBytes)} gzip -9`,
    );
  }
  console.log("");
  for (const w of weights.filter((x) => x.budgeted)) {
    budget({ what: `${w.label} HTML`, value: w.htmlBytes, limit: HTML_BUDGET_BYTES, atMost: true, format: kb, formatLimit: (n) => `${n / 1024} KB`, note: `${w.htmlBytes} bytes` });
    budget({ what: `${w.label} JavaScript (gzip -9)`, value: w.jsGzipBytes, limit: JS_BUDGET_BYTES, atMost: true, format: kb, formatLimit: (n) => `${n / 1024} KB`, note: `${w.modules.length} modules, ${w.jsGzipBytes} bytes` });
  }
  return weights;
}
