import { commonFirstNames } from "./first-names.ts";

export type FindingKind =
  | "email"
  | "phone"
  | "health_insurance_number"
  | "date_of_birth"
  | "street_address"
  | "postal_code"
  | "social_handle"
  | "person_name";

export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

type Detector = (text: string) => Finding[];

function matchAll(text: string, re: RegExp, kind: FindingKind, group = 0): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(re)) {
    const value = m[group];
    if (!value) continue;
    const start = (m.index ?? 0) + (group === 0 ? 0 : m[0].indexOf(value));
    out.push({ kind, start, end: start + value.length, text: value });
  }
  return out;
}

const strip = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const email: Detector = (t) => [
  ...matchAll(t, /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.[\p{L}]{2,}/giu, "email"),
  // Written to dodge filters: "lili_2010 @ hotmail.com", "lili (at) hotmail (dot) com".
  ...matchAll(
    t,
    /[\p{L}\d._%+-]+\s*(?:\s@\s|\s?@\s|\s@|\(at\)|\[at\]|\{at\})\s*[\p{L}\d-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\(point\))\s*[\p{L}\d-]+)*\s*(?:\.|\(dot\)|\[dot\]|\(point\))\s*(?:com|ca|net|org|fr|qc\.ca|me|io)(?![\p{L}\d])/giu,
    "email",
  ),
];

/** North-American numbers: 418 555-1234, (418) 555-1234, 418.555.1234, 4185551234, +1 418…, 1-800-…, poste 12. */
const phone: Detector = (t) =>
  matchAll(
    t,
    /(?<![\d\w])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?:\s*(?:poste|ext\.?|x)\s*\d{1,5})?(?!\d)/giu,
    "phone",
  );

/** Québec health-insurance number (NAM/RAMQ): 4 letters + 8 digits, spaces allowed. */
const healthInsurance: Detector = (t) =>
  matchAll(t, /(?<![\p{L}\d])[A-Z]{4}[\s-]?\d{4}[\s-]?\d{4}(?![\p{L}\d])/giu, "health_insurance_number");

const postalCode: Detector = (t) =>
  matchAll(t, /(?<![\p{L}\d])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\p{L}\d])/giu, "postal_code");

const streetTypes =
  "rue|avenue|av\\.?|boulevard|boul\\.?|bd|chemin|ch\\.|rang|route|rte|place|côte|cote|montée|montee|impasse|allée|allee|terrasse|croissant|promenade|street|st\\.?|road|rd\\.?|drive|dr\\.?|lane|ln\\.?|way|court|ct\\.?|crescent|cres\\.?|blvd\\.?|ave\\.?|highway|hwy";

/**
 * Words that follow a street type in ordinary prose ("3 rues et 2 avenues", "2 routes to
 * school"): with the case-insensitive regex, the capital letter cannot tell them apart.
 */
const notStreetNames =
  "et|ou|à|au|aux|en|qui|que|pour|avec|dans|sur|par|près|pres|entre|and|or|to|the|in|on|with|for|of|is|was|near|between";

// English order ("55 Maple Street") needs a capitalized name, so the regex stays case-sensitive.
const capitalizedStreetTypes = streetTypes
  .split("|")
  .map((w) => `${w}|${w.charAt(0).toUpperCase()}${w.slice(1)}`)
  .join("|");

/** "1234, rue Saint-Jean", "12 boul. Charest Ouest", "55 Maple Street", "app. 4". */
const streetAddress: Detector = (t) => [
  ...matchAll(
    t,
    new RegExp(
      `(?<![\\p{L}\\d])\\d{1,6}(?:-\\d{1,5})?[A-Za-z]?,?\\s+(?:${streetTypes})\\s+(?!(?:${notStreetNames})(?![\\p{L}\\d'’]))(?:(?:de|du|des|de la|d'|l')\\s*)?[\\p{Lu}\\d][\\p{L}\\d'’.-]*(?:[\\s-]+[\\p{Lu}][\\p{L}'’.-]*){0,3}`,
      "giu",
    ),
    "street_address",
  ),
  ...matchAll(
    t,
    new RegExp(
      `(?<![\\p{L}\\d])\\d{1,6}\\s+(?:(?:[\\p{Lu}][\\p{L}'’-]*|\\d{1,3}(?:e|er|re|ème|eme|st|nd|rd|th))\\s+){1,3}(?:${capitalizedStreetTypes})(?![\\p{L}])`,
      "gu",
    ),
    "street_address",
  ),
];

const months =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|jan\\.?|janv\\.?|févr?\\.?|fevr?\\.?|avr\\.?|juil\\.?|sept?\\.?|oct\\.?|nov\\.?|déc\\.?|dec\\.?|january|february|march|april|may|june|july|august|september|october|november|december|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?";
const dateForms = [
  "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}",
  "\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}",
  `(?:1er|\\d{1,2})\\s+(?:${months})\\s+\\d{4}`,
  `(?:${months})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`,
];
const anyDate = new RegExp(`(?<![\\p{L}\\d])(?:${dateForms.join("|")})(?![\\p{L}\\d])`, "giu");
const birthCue =
  /(?:né|née|nés|nées|naissance|ddn|born|birth|birthday|dob|d\.o\.b\.|anniversaire)\b[^.!?\n]{0,25}$/iu;

/**
 * Any full date preceded by a birth cue; and any full date whose year makes it a plausible
 * birth date of a minor (the last 6 to 25 years) even without a cue.
 */
const dateOfBirth: Detector = (t) => {
  const now = new Date().getFullYear();
  return matchAll(t, anyDate, "date_of_birth").filter((f) => {
    const before = t.slice(Math.max(0, f.start - 40), f.start);
    if (birthCue.test(before)) return true;
    const years = f.text.match(/\d{4}/g) ?? [];
    return years.some((y) => Number(y) >= now - 25 && Number(y) <= now - 6);
  });
};

const socialHandle: Detector = (t) => [
  ...matchAll(t, /(?<![\p{L}\d._%+-])@[A-Za-z0-9_.]{2,30}(?![\p{L}\d@])/gu, "social_handle").filter(
    (f) => !/^@\d+$/.test(f.text),
  ),
  ...matchAll(
    t,
    /(?:https?:\/\/)?(?:www\.)?(?:instagram\.com|facebook\.com|fb\.com|tiktok\.com|snapchat\.com|twitter\.com|x\.com|onlyfans\.com|discord\.gg|t\.me)\/[^\s,;)]+/giu,
    "social_handle",
  ),
  ...namedHandles(t),
];

/** Ordinary words that may follow "Instagram:" in a sentence: never taken for a handle. */
const notHandles = new Set(
  "elle elles il ils on je tu nous vous lui leur une des les pas très tres aussi souvent she he they it we you the her his their very also often".split(" "),
);

/**
 * A handle named after its platform: "snap: lili.qc", "son snap c'est lili_2009", "insta is
 * @lili". After "est"/"is" the word must look like a handle (a digit, "_" or an inner dot), so
 * "Snapchat est une application" or "TikTok est privé" are left alone.
 */
function namedHandles(t: string): Finding[] {
  const out: Finding[] = [];
  const re = /\b(?:snap(?:chat)?|insta(?:gram)?|tiktok|ig|discord|telegram|kik|fb|facebook)\s*(:|=|\(|c'est|c’est|est|is)\s*(@?[A-Za-z0-9][A-Za-z0-9_.-]{2,29})/giu;
  for (const m of t.matchAll(re)) {
    const handle = (m[2] ?? "").replace(/[.-]+$/, "");
    if (handle.replace(/^@/, "").length < 3) continue;
    const handleLike = handle.startsWith("@") || /[\d_]/.test(handle) || /[A-Za-z0-9]\.[A-Za-z0-9]/.test(handle);
    const labelled = m[1] === ":" || m[1] === "=" || m[1] === "(";
    if (!handleLike && (!labelled || notHandles.has(handle.toLowerCase()))) continue;
    const start = (m.index ?? 0) + m[0].length - (m[2] ?? "").length;
    out.push({ kind: "social_handle", start, end: start + handle.length, text: handle });
  }
  return out;
}

const nameWord = "[\\p{Lu}][\\p{Ll}'’]+(?:-[\\p{Lu}][\\p{Ll}'’]+)?";
const fullName = `${nameWord}(?:\\s+${nameWord}){0,2}`;
const nameCues = [
  "nommée?s?",
  "appelée?s?",
  "s'appelle",
  "s’appelle",
  "prénom(?:\\s+est)?",
  "nom(?:\\s+est)?",
  "named",
  "called",
  "name\\s+is",
  "goes\\s+by",
  "M\\.",
  "Mme",
  "Mlle",
  "Mr\\.?",
  "Mrs\\.?",
  "Ms\\.?",
  "Miss",
  "(?:sa|son|ma|mon|his|her|their)\\s+(?:mère|père|frère|soeur|sœur|chum|blonde|copain|copine|ami|amie|cousin|cousine|oncle|tante|mother|father|brother|sister|boyfriend|girlfriend|friend|cousin|uncle|aunt|mom|dad)",
];

/** Capitalized words after a naming cue, and known first names written with a capital. */
const personName: Detector = (t) => {
  const cued = matchAll(
    t,
    new RegExp(`(?:${nameCues.join("|")})\\s*[:,]?\\s+(${fullName})`, "gu"),
    "person_name",
    1,
  );
  const known: Finding[] = [];
  for (const m of t.matchAll(new RegExp(`(?<![\\p{L}\\d])${fullName}`, "gu"))) {
    const words = m[0].split(/\s+/);
    if (!commonFirstNames.has(strip(words[0] ?? ""))) continue;
    const start = m.index ?? 0;
    // "Fil d'Ariane" (a breadcrumb trail) is an idiom, not a person.
    if (/fil d['’]$/i.test(t.slice(Math.max(0, start - 6), start))) continue;
    known.push({ kind: "person_name", start, end: start + m[0].length, text: m[0] });
  }
  return [...cued, ...known];
};

export const detectors: Detector[] = [
  email,
  healthInsurance,
  phone,
  postalCode,
  streetAddress,
  dateOfBirth,
  socialHandle,
  personName,
];
