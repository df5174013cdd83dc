import { describe, expect, it } from "vitest";
import { catalog } from "./catalog.ts";
import { errorPageMessages } from "./error-page.ts";
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
  "overdue", "objectives", "actions", "inProgress", "registered",
]);
/**
 * Words that may follow a plain count: units, which do not take a plural, and words that are not
 * the counted noun ("{done} sur {total}", English participles such as "{done} of {total} planned").
 */
const AFTER_A_COUNT = new Set(["min", "s", "ms", "Ko", "KB", "sur", "au", "of", "on", "in", "unread", "registered", "planned", "measured", "done"]);

/** Variables that never start with a vowel: numbers and dates ("de 2025", "le 11 mars"). */
const NEVER_ELIDED = new Set([...COUNTS, "date", "since", "until", "start", "end", "when", "year", "number", "version", "id", "page", "pages", "percent"]);

/** The error page's own words (error-page.ts) follow the same typography as the catalog. */
const errorPage = (lang: "fr" | "en"): [string, string][] =>
  Object.entries(errorPageMessages[lang]).flatMap(([k, v]): [string, string][] =>
    typeof v === "string" ? [[`errorPage.${k}`, v]] : Object.entries(v).map(([f, text]): [string, string] => [`errorPage.${k}.${f}`, text]),
  );

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const show = (s: string) => s.replace(/\u00a0/g, "⍽").replace(/\u202f/g, "⎵");

/**
 * French punctuation (OQLF): a no-break space (U+00A0) before ":" and "»" and after "«"; a narrow
 * no-break space (U+202F) before "?", "!" and ";". Never a plain space, never none. Not a
 * punctuation mark: a colon followed by something else than a space (https://, 9:00, HH:MM), and
 * ? ! ; followed by a letter or digit (a query string).
 */
function frenchPunctuationErrors(text: string): string[] {
  const errors: string[] = [];
  const around = (i: number) => `…${show(text.slice(Math.max(0, i - 12), i + 3))}…`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const before = text.charAt(i - 1);
    const beforeThat = text.charAt(i - 2);
    const after = text.charAt(i + 1);
    const needs = c === ":" || c === "»" ? NBSP : "?!;".includes(c) ? NNBSP : null;
    if (c === ":" && after !== "" && !/\s/.test(after)) continue;
    if ("?!;".includes(c) && /[\p{L}\p{N}]/u.test(after)) continue;
    if (needs && (before !== needs || beforeThat === "" || /\s/.test(beforeThat))) {
      errors.push(`"${c}" needs one ${needs === NBSP ? "U+00A0 (⍽)" : "U+202F (⎵)"} before it: ${around(i)}`);
    }
    if (c === "«" && (after !== NBSP || /\s/.test(text.charAt(i + 2)))) errors.push(`"«" needs one U+00A0 (⍽) after it: ${around(i)}`);
  }
  return errors;
}

const pounds = (text: string) => (text.match(/#/g) ?? []).length;
/** The template without its {…} arguments: a # left there is plain text ("Event #{id}", "« ### »"). */
function outsideArguments(template: string): string {
  let out = template;
  for (let before = ""; before !== out; ) [before, out] = [out, out.replace(/\{[^{}]*\}/g, "")];
  return out;
}

describe("the message catalog", () => {
  it("has the same keys in French and English", () => {
    expect(Object.keys(en).filter((k) => !(k in fr))).toEqual([]);
    expect(Object.keys(fr).filter((k) => !(k in en))).toEqual([]);
  });

  it("defines each key in one namespace file only (a second one would silently win in the merge)", () => {
    const files = import.meta.glob<{ fr: Record<string, string>; en: Record<string, string> }>("./messages/*.ts", { eager: true });
    expect(Object.keys(files).length).toBeGreaterThan(10);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, mod] of Object.entries(files)) {
      expect(Object.keys(mod.en).sort(), file).toEqual(Object.keys(mod.fr).sort());
      for (const key of Object.keys(mod.fr)) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(Object.keys(fr).length);
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

  it.each(["fr", "en"] as const)("renders every %s message with all its variables: no brace or # left, whatever the count", (lang) => {
    const leftovers: string[] = [];
    for (const [key, template] of each(lang)) {
      const args = messageArguments(template);
      for (const n of [0, 1, 2, 1.5, 21, 1_000_000]) {
        const vars = Object.fromEntries(args.map((a) => [a.name, COUNTS.has(a.name) ? n : "Annie"]));
        const text = format(template, vars, lang);
        if (/[{}]/.test(text) || pounds(text) !== pounds(outsideArguments(template))) leftovers.push(`${key} (${n}): ${text}`);
      }
    }
    expect(leftovers).toEqual([]);
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

  it("writes French punctuation with U+00A0 before : and », after «, and U+202F before ? ! ;", () => {
    const errors = [...each("fr"), ...errorPage("fr")].flatMap(([key, text]) => frenchPunctuationErrors(text).map((e) => `${key}: ${e}`));
    expect(errors).toEqual([]);
  });

  it("writes English punctuation with no space before : ? ! ;", () => {
    const spaced = [...each("en"), ...errorPage("en")].filter(([, text]) => /\s[:?!;]/.test(text) || /[\u00a0\u202f]/.test(text));
    expect(spaced.map(([key, text]) => `${key}: ${show(text)}`)).toEqual([]);
  });

  it("tells French punctuation right from wrong", () => {
    expect(frenchPunctuationErrors(`Note${NBSP}: voir https://filet.ca/a?b=1 à 9:00 (HH:MM)${NNBSP}; «${NBSP}oui${NBSP}»${NNBSP}!`)).toEqual([]);
    expect(frenchPunctuationErrors("Note : oui")).toHaveLength(1);
    expect(frenchPunctuationErrors("Note: oui")).toHaveLength(1);
    expect(frenchPunctuationErrors(`Vraiment${NBSP}?`)).toHaveLength(1);
    expect(frenchPunctuationErrors("Merci!")).toHaveLength(1);
    expect(frenchPunctuationErrors("« oui »")).toHaveLength(2);
    expect(frenchPunctuationErrors(`Fin${NBSP}:`)).toEqual([]);
    expect(frenchPunctuationErrors(`${NBSP}:`)).toHaveLength(1);
  });
});
