// Module pairs and import cycles: `node scripts/module-pairs.mjs`.
// A pair is two app/modules/<module> folders that import each other (any file of one imports a
// file of the other); db <-> X pairs are the combined schema (db/schema.ts re-exports every
// module's tables) and are listed apart. A cycle is a loop of file imports in app/ and server/.
// Exits 1 on a file cycle; pairs are reported, not refused.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const modules = join(root, "app/modules");
const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "node_modules" || name === "+types") continue;
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function importsOf(file) {
  const found = [];
  for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith(".")) found.push(resolve(dirname(file), spec));
  }
  return found;
}

// Module pairs.
const moduleOf = (path) => relative(modules, path).split("/")[0].replace(/\.tsx?$/, "");
const edges = new Map();
for (const file of sources(modules)) {
  for (const target of importsOf(file)) {
    if (!target.startsWith(modules + "/")) continue;
    const a = moduleOf(file);
    const b = moduleOf(target);
    if (a !== b) edges.set(`${a}>${b}`, (edges.get(`${a}>${b}`) ?? 0) + 1);
  }
}
const pairs = [];
for (const [key, n] of edges) {
  const [a, b] = key.split(">");
  if (a < b && edges.has(`${b}>${a}`)) pairs.push({ a, b, n, m: edges.get(`${b}>${a}`) });
}
pairs.sort((x, y) => y.n + y.m - (x.n + x.m));
const schema = pairs.filter((p) => p.a === "db" || p.b === "db");
const others = pairs.filter((p) => p.a !== "db" && p.b !== "db");
for (const p of others) console.log(`${p.a} <-> ${p.b}: ${p.n} + ${p.m} imports`);
console.log(`module pairs: ${others.length} (and ${schema.length} with db, through the combined schema)`);

// File cycles.
const graph = new Map();
for (const file of [...sources(join(root, "app")), ...sources(join(root, "server"))]) {
  graph.set(file, importsOf(file).filter((t) => existsSync(t) && statSync(t).isFile()));
}
const state = new Map();
const stack = [];
let cycles = 0;
function visit(file) {
  state.set(file, "open");
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (!graph.has(next)) continue;
    if (state.get(next) === "open") {
      cycles++;
      console.log("cycle:", stack.slice(stack.indexOf(next)).map((f) => relative(root, f)).join(" -> "));
    } else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, "done");
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);
console.log(`file import cycles: ${cycles}`);
process.exit(cycles ? 1 : 0);
