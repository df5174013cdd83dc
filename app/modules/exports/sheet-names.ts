const MAX = 31;

/**
 * Worksheet names Excel accepts: at most 31 characters, none of [ ] : * ? / \, no apostrophe at
 * either end, not "History", and unique without regard to case (Excel refuses the file otherwise).
 */
export function sheetNames(titles: string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title, index) => {
    const base = clean(title) || String(index + 1);
    let name = cut(base, MAX);
    for (let n = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === "history"; n += 1) {
      const suffix = ` (${n})`;
      name = `${cut(base, MAX - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function clean(title: string): string {
  const visible = Array.from(title, (c) => ((c.codePointAt(0) ?? 0) < 32 || "[]:*?/\\".includes(c) ? " " : c)).join("");
  return visible.replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
}

function cut(text: string, max: number): string {
  return Array.from(text).slice(0, max).join("").replace(/^'+|'+$/g, "").trim();
}
