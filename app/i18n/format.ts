import type { Locale } from "./types.ts";

/**
 * The message syntax: a small subset of ICU MessageFormat, parsed here without a dependency.
 *
 *   {name}                       the variable as given (String(value)); an unknown one stays "{name}".
 *   {count, plural, =0 {…} one {…} other {…}}
 *                                a plural: `=N` branches match the exact number first, then the
 *                                category of `new Intl.PluralRules(locale)` (zero, one, two, few,
 *                                many, other); a missing category falls back to `other`, which is
 *                                required. In a branch, `#` is the number formatted for the locale
 *                                (Intl.NumberFormat: "1 234" in French), and branches may hold
 *                                variables and other plurals. Outside a plural, `#` is plain text.
 *                                French: 0 and 1 are both "one" ("0 résultat"), so write `=0 {aucun
 *                                résultat}` where "aucun" reads better.
 *   {name, elide, de}            French elision: the particle (de, le, la, que, ne, je, me, te, se,
 *                                jusque, lorsque, puisque) and the value, elided before a vowel or
 *                                a mute h: "d'Annie", "l'Organisme", "qu'Isabelle", but "de Bernard",
 *                                "de Hollande" (aspirated h, from a short list), "de Yannick" (y
 *                                before a vowel), "de 2025". A capital particle gives a capital:
 *                                `{name, elide, De}` → "D'Annie". The apostrophe is the straight
 *                                one ('), as everywhere in the catalog.
 *
 * Not ICU: apostrophes are ordinary characters (no ICU quoting: the catalog writes "l'accueil"),
 * there is no literal brace, no `select`, `offset:` or number/date skeletons. A template that does
 * not parse is filled the simple way ({name} only), so a page never breaks; the catalog test
 * parses every message, in both languages.
 */
export type MessageVars = Record<string, string | number>;

type Node =
  | { kind: "text"; text: string }
  | { kind: "pound" }
  | { kind: "var"; name: string; source: string }
  | { kind: "plural"; name: string; source: string; branches: Map<string, Node[]> }
  | { kind: "elide"; name: string; source: string; particle: string };

export class MessageSyntaxError extends Error {
  constructor(message: string, template: string, at: number) {
    super(`${message} at ${at} in ${JSON.stringify(template)}`);
    this.name = "MessageSyntaxError";
  }
}

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

/** The particles that elide, and their elided form. */
const ELIDED: Record<string, string> = {
  de: "d'",
  le: "l'",
  la: "l'",
  que: "qu'",
  ne: "n'",
  je: "j'",
  me: "m'",
  te: "t'",
  se: "s'",
  jusque: "jusqu'",
  lorsque: "lorsqu'",
  puisque: "puisqu'",
};

/**
 * Words (diacritics removed, lowercase) whose h is aspirated: no elision ("de Hollande", "le hockey").
 * A word starting with one of these is aspirated; every other h is mute ("d'Hélène", "l'hôpital").
 */
const ASPIRATED_H = [
  "hache", "haie", "haine", "hall", "halte", "hamac", "hameau", "hamster", "hanche", "hand", "hangar",
  "hant", "harcel", "hardi", "hareng", "haricot", "harpe", "hasard", "hate", "hausse", "haut", "havre",
  "hennir", "herisson", "hernie", "heros", "hetre", "heurt", "hibou", "hierarch", "hippie", "hisse",
  "hocher", "hockey", "hollande", "homard", "hongr", "honte", "hoquet", "hors", "hotte", "houblon",
  "houle", "housse", "hublot", "huche", "huee", "huit", "hurl", "hutte",
];

const stripMarks = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

const isVowel = (c: string) => c !== "" && "aeiouyœæ".includes(c);

/** Whether French elides a particle before this word ("Annie", "Hélène", "UQAM": yes; "Bernard", "Hockey", "Yannick", "2025": no). */
export function elidesBefore(value: string): boolean {
  const word = stripMarks(value.trimStart());
  const [first = "", second = ""] = word;
  if (first === "y") return second !== "" && !isVowel(second) && /\p{L}/u.test(second);
  if (first === "h") return isVowel(second) && !ASPIRATED_H.some((h) => word.startsWith(h));
  return isVowel(first);
}

/** "de" + "Annie" → "d'Annie"; "de" + "Bernard" → "de Bernard"; "De" keeps its capital. */
export function elide(particle: string, value: string): string {
  const elided = ELIDED[particle.toLowerCase()];
  if (!elided || !elidesBefore(value)) return `${particle} ${value}`;
  const capital = particle.charAt(0) !== particle.charAt(0).toLowerCase();
  return `${capital ? elided.charAt(0).toUpperCase() + elided.slice(1) : elided}${value}`;
}

class Parser {
  private at = 0;
  constructor(private readonly template: string) {}

  parse(): Node[] {
    const nodes = this.message(false, false);
    if (this.at < this.template.length) this.fail("unexpected }");
    return nodes;
  }

  private fail(message: string): never {
    throw new MessageSyntaxError(message, this.template, this.at);
  }

  /** Text, `#` (inside a plural) and arguments, up to an unmatched `}` or the end. */
  private message(inPlural: boolean, nested: boolean): Node[] {
    const nodes: Node[] = [];
    let text = "";
    const flush = () => {
      if (text) nodes.push({ kind: "text", text });
      text = "";
    };
    while (this.at < this.template.length) {
      const c = this.template.charAt(this.at);
      if (c === "}") {
        if (!nested) this.fail("unexpected }");
        break;
      }
      if (c === "{") {
        flush();
        nodes.push(this.argument());
      } else if (c === "#" && inPlural) {
        flush();
        nodes.push({ kind: "pound" });
        this.at++;
      } else {
        text += c;
        this.at++;
      }
    }
    flush();
    return nodes;
  }

  private spaces() {
    while (/\s/.test(this.template.charAt(this.at)) && this.at < this.template.length) this.at++;
  }

  private word(what: string): string {
    const match = /^[=\w]+/.exec(this.template.slice(this.at));
    if (!match) this.fail(`expected ${what}`);
    this.at += match[0].length;
    return match[0];
  }

  private expect(c: string) {
    if (this.template.charAt(this.at) !== c) this.fail(`expected ${c}`);
    this.at++;
  }

  private argument(): Node {
    const start = this.at;
    this.expect("{");
    this.spaces();
    const name = this.word("a variable name");
    if (!/^\w+$/.test(name)) this.fail("bad variable name");
    this.spaces();
    if (this.template.charAt(this.at) === "}") {
      this.at++;
      return { kind: "var", name, source: this.template.slice(start, this.at) };
    }
    this.expect(",");
    this.spaces();
    const type = this.word("plural or elide");
    this.spaces();
    this.expect(",");
    this.spaces();
    if (type === "plural") {
      const branches = new Map<string, Node[]>();
      while (this.template.charAt(this.at) !== "}") {
        const selector = this.word("a plural category or =N");
        if (!PLURAL_CATEGORIES.has(selector) && !/^=\d+$/.test(selector)) this.fail(`unknown plural selector ${selector}`);
        if (branches.has(selector)) this.fail(`repeated plural selector ${selector}`);
        this.spaces();
        this.expect("{");
        branches.set(selector, this.message(true, true));
        this.expect("}");
        this.spaces();
        if (this.at >= this.template.length) this.fail("unclosed plural");
      }
      if (!branches.has("other")) this.fail("a plural needs an `other` branch");
      this.at++;
      return { kind: "plural", name, branches, source: this.template.slice(start, this.at) };
    }
    if (type === "elide") {
      const particle = this.word("a particle");
      if (!ELIDED[particle.toLowerCase()]) this.fail(`unknown elision particle ${particle}`);
      this.spaces();
      this.expect("}");
      return { kind: "elide", name, particle, source: this.template.slice(start, this.at) };
    }
    return this.fail(`unknown argument type ${type}`);
  }
}

const parsed = new Map<string, Node[]>();

/** The template's syntax tree; throws MessageSyntaxError on a malformed template. */
export function parseMessage(template: string): Node[] {
  let nodes = parsed.get(template);
  if (!nodes) {
    nodes = new Parser(template).parse();
    parsed.set(template, nodes);
  }
  return nodes;
}

/** The plural and elide arguments of a template, for the catalog tests. */
export function messageArguments(template: string): { name: string; kind: "var" | "plural" | "elide"; selectors?: string[] }[] {
  const out: { name: string; kind: "var" | "plural" | "elide"; selectors?: string[] }[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.kind === "var" || n.kind === "elide") out.push({ name: n.name, kind: n.kind });
      if (n.kind === "plural") {
        out.push({ name: n.name, kind: "plural", selectors: [...n.branches.keys()] });
        for (const b of n.branches.values()) walk(b);
      }
    }
  };
  walk(parseMessage(template));
  return out;
}

/** The BCP 47 tag of a locale, as the app's other formatters use it (use-t.ts useFormatters). */
export const localeTag = (locale: Locale) => (locale === "fr" ? "fr-CA" : "en-CA");

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A calendar day ("2026-12-23") as people read it ("23 déc. 2026" / "Dec 23, 2026"), read at
 * UTC midnight in UTC so no time zone moves it to the day before; no day gives "".
 */
export function formatDay(locale: Locale, day: string | null | undefined): string {
  if (!day) return "";
  let f = dayFormats.get(locale);
  if (!f) dayFormats.set(locale, (f = new Intl.DateTimeFormat(localeTag(locale), { dateStyle: "medium", timeZone: "UTC" })));
  return f.format(new Date(`${day}T00:00:00Z`));
}

/**
 * A duration given in minutes, read in hours once it reaches one: "45 min", "2 h", "1 h 30"
 * (French), "1 h 30 min" (English). Entry forms keep asking in minutes.
 */
export function formatDuration(locale: Locale, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return `${whole}\u00a0min`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (rest === 0) return `${hours}\u00a0h`;
  const pad = String(rest).padStart(2, "0");
  return locale === "fr" ? `${hours}\u00a0h\u00a0${pad}` : `${hours}\u00a0h\u00a0${pad}\u00a0min`;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
function rulesFor(locale: Locale) {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(localeTag(locale))));
  return rules;
}
function numberFormatFor(locale: Locale) {
  let nf = numberFormats.get(locale);
  if (!nf) numberFormats.set(locale, (nf = new Intl.NumberFormat(localeTag(locale))));
  return nf;
}

function render(nodes: Node[], vars: MessageVars, locale: Locale, pound: string | null): string {
  let out = "";
  for (const n of nodes) {
    if (n.kind === "text") out += n.text;
    else if (n.kind === "pound") out += pound ?? "#";
    else if (!(n.name in vars)) out += n.source;
    else if (n.kind === "var") out += String(vars[n.name]);
    else if (n.kind === "elide") out += elide(n.particle, String(vars[n.name]));
    else {
      const raw = vars[n.name]!;
      const value = typeof raw === "number" ? raw : Number(raw);
      const isNumber = Number.isFinite(value) && !(typeof raw === "string" && raw.trim() === "");
      const branch =
        (isNumber && n.branches.get(`=${value}`)) ||
        (isNumber && n.branches.get(rulesFor(locale).select(value))) ||
        n.branches.get("other")!;
      out += render(branch, vars, locale, isNumber ? numberFormatFor(locale).format(value) : String(raw));
    }
  }
  return out;
}

/** The template filled with the variables, in the locale's plural rules and number format. */
export function format(template: string, vars: MessageVars | undefined, locale: Locale): string {
  if (!template.includes("{")) return template;
  let nodes: Node[];
  try {
    nodes = parseMessage(template);
  } catch {
    return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : template;
  }
  return render(nodes, vars ?? {}, locale, null);
}
