import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../../i18n/catalog.ts";
import { actionWords, hasActionWords } from "./action-words.ts";
import { AUDIT_KINDS } from "./action-kinds.ts";

const root = path.resolve(__dirname, "../../..");

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(file, out);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(file);
  }
  return out;
}

/**
 * Every action the code can write: the literals after `action:` (ternaries included), the
 * literals given to the modules' local `audit(tx, …)` helpers, and the template literals
 * (`training_registration.${status}`), kept as patterns.
 */
function writtenActions() {
  const literals = new Set<string>();
  const templates = new Set<string>();
  for (const file of [...sources(path.join(root, "app")), ...sources(path.join(root, "server"))]) {
    if (file.includes(`${path.sep}i18n${path.sep}`)) continue;
    const src = fs.readFileSync(file, "utf8");
    for (const m of src.matchAll(/\baction:\s*`([^`]+)`/g)) templates.add(m[1]!);
    for (const m of src.matchAll(/\baction:\s*([^,\n}]+)/g)) {
      for (const s of m[1]!.matchAll(/"([a-z_]+(?:\.[a-z_]+)+)"/g)) literals.add(s[1]!);
    }
    for (const m of src.matchAll(/\baudit\((?:tx|db), [^\n]*?"([a-z_]+(?:\.[a-z_]+)+)"/g)) literals.add(m[1]!);
  }
  return { literals: [...literals].sort(), templates: [...templates] };
}

const vocabulary = Object.keys(catalog.fr)
  .filter((k) => k.startsWith("audit.action."))
  .map((k) => k.slice("audit.action.".length));

describe("audit actions in words", () => {
  const { literals, templates } = writtenActions();

  it("finds the actions the code writes (the scan itself works)", () => {
    expect(literals.length).toBeGreaterThan(140);
    expect(literals).toContain("consultation.read");
    expect(literals).toContain("meeting.held"); // through meetings' audit() helper
    expect(templates.some((t) => t.startsWith("training_registration."))).toBe(true);
  });

  it("gives every written action French and English words", () => {
    expect(literals.filter((a) => !hasActionWords(a))).toEqual([]);
  });

  it("gives every action built from a template at least one phrase", () => {
    const unmatched = templates.filter((t) => {
      const pattern = new RegExp(`^${t.replace(/[.]/g, "\\.").replace(/\$\{[^}]*\}/g, "[a-z_]+")}$`);
      return !vocabulary.some((a) => pattern.test(a));
    });
    expect(unmatched).toEqual([]);
  });

  it("files every phrase under a kind, so the kind filter finds it", () => {
    const prefixes = Object.values(AUDIT_KINDS).flat();
    expect(vocabulary.filter((a) => !prefixes.some((p) => a.startsWith(p)))).toEqual([]);
  });

  it("says an action in words, and an unknown one by its code", () => {
    expect(actionWords("fr", "consultation.read")).toBe("Consultation lue");
    expect(actionWords("en", "consultation.read")).toBe("Consultation read");
    expect(actionWords("fr", "old.thing_done")).toBe("old.thing_done");
  });
});
