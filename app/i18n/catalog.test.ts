import { describe, expect, it } from "vitest";
import { catalog } from "./catalog.ts";
import { format, messageArguments, parseMessage } from "./format.ts";

/**
 * The catalog as a whole: both languages carry the same keys and the same variables, every
 * message parses (format.ts documents the syntax), and no message fakes a plural.
 */
const fr = catalog.fr as Record<string, string>;
const en = catalog.en as Record<string, string>;
const each = (lang: "fr" | "en") => Object.entries(lang === "fr" ? fr : en);

/** Variables that hold a count of something (a number that a noun can follow). */
const COUNTS = new Set([
  "count", "n", "min", "minutes", "hours", "days", "months", "seconds", "total", "checked", "read", "changes", "cap",
  "taken", "capacity", "size", "needed", "sessions", "done", "met", "measured", "signed", "due", "late", "open",
  "overdue", "objectives", "actions", "inProgress",
]);
/**
 * Words that may follow a plain count: units, which do not take a plural, and words that are not
 * the counted noun ("{done} sur {total}", English participles such as "{done} of {total} planned").
 */
const AFTER_A_COUNT = new Set(["min", "s", "ms", "Ko", "KB", "sur", "au", "of", "on", "in", "unread", "registered", "planned", "measured", "done"]);

/** Variables that never start with a vowel: numbers and dates ("de 2025", "le 11 mars"). */
const NEVER_ELIDED = new Set([...COUNTS, "date", "since", "until", "start", "end", "when", "year", "number", "version", "id", "page", "pages", "percent"]);

describe("the message catalog", () => {
  it("has the same keys in French and English", () => {
    expect(Object.keys(en).filter((k) => !(k in fr))).toEqual([]);
    expect(Object.keys(fr).filter((k) => !(k in en))).toEqual([]);
  });

  it.each(["fr", "en"] as const)("parses every %s message, plural and elide forms included", (lang) => {
    const broken: string[] = [];
    for (const [key, template] of each(lang)) {
      try {
        parseMessage(template);
      } catch (error) {
        broken.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("uses the same variables in both languages", () => {
    const names = (t: string) => [...new Set(messageArguments(t).map((a) => a.name))].sort();
    const differ = Object.keys(fr).filter((k) => names(fr[k]!).join() !== names(en[k]!).join());
    expect(differ.map((k) => `${k}: fr ${names(fr[k]!).join()} / en ${names(en[k]!).join()}`)).toEqual([]);
  });

  it("uses plurals only on count variables, and elision only in French", () => {
    const wrong: string[] = [];
    for (const lang of ["fr", "en"] as const) {
      for (const [key, template] of each(lang)) {
        for (const a of messageArguments(template)) {
          if (a.kind === "plural" && !COUNTS.has(a.name)) wrong.push(`${lang} ${key}: {${a.name}, plural} (add it to COUNTS if it is a count)`);
          if (a.kind === "elide" && lang === "en") wrong.push(`en ${key}: {${a.name}, elide} is French only`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(["fr", "en"] as const)("fakes no plural with (s), (e), (es), (x) in %s", (lang) => {
    const faked = each(lang).filter(([, v]) => /\p{L}\((?:s|e|es|x|S|E)\)/u.test(v) || /·e\(s\)/.test(v));
    expect(faked.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it.each(["fr", "en"] as const)("puts no counted noun after a plain count variable in %s: it takes a plural form", (lang) => {
    const faked: string[] = [];
    for (const [key, template] of each(lang)) {
      // Only the top level and branch texts: a count inside `{…, plural, …}` is written with #.
      for (const m of template.matchAll(/\{(\w+)\} (\p{L}+)/gu)) {
        if (COUNTS.has(m[1]!) && !AFTER_A_COUNT.has(m[2]!)) faked.push(`${key}: {${m[1]}} ${m[2]}`);
      }
    }
    expect(faked).toEqual([]);
  });

  it("elides de, le, la, que, ne, je… before a French variable that can start with a vowel", () => {
    const bare = each("fr").flatMap(([key, template]) =>
      [...template.matchAll(/(?<![\p{L}'])(de|le|la|que|ne|je|me|te|se|jusque|lorsque|puisque) \{(\w+)\}/giu)]
        .filter((m) => !NEVER_ELIDED.has(m[2]!))
        .map((m) => `${key}: "${m[0]}" → "{${m[2]}, elide, ${m[1]}}"`),
    );
    expect(bare).toEqual([]);
    expect(format(fr["training.participants.cancelFor"]!, { name: "Annie Roy" }, "fr")).toBe("Annuler l'inscription d'Annie Roy");
    expect(format(fr["training.participants.cancelFor"]!, { name: "Bernard Roy" }, "fr")).toBe("Annuler l'inscription de Bernard Roy");
  });
});
