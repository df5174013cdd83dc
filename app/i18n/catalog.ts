import * as common from "./messages/common.ts";
import * as identity from "./messages/identity.ts";
import * as admin from "./messages/admin.ts";
import * as directory from "./messages/directory.ts";
import * as pathway from "./messages/pathway.ts";
import * as consultations from "./messages/consultations.ts";
import * as activities from "./messages/activities.ts";
import * as guide from "./messages/guide.ts";
import * as training from "./messages/training.ts";
import * as trainingParticipants from "./messages/training-participants.ts";
import * as partners from "./messages/partners.ts";
import * as trainingEvaluation from "./messages/training-evaluation.ts";
import * as meetings from "./messages/meetings.ts";
import * as tableWork from "./messages/table-work.ts";
import * as tableHub from "./messages/table-hub.ts";
import * as about from "./messages/about.ts";
import * as guard from "./messages/guard.ts";
import * as audit from "./messages/audit.ts";
import * as evaluation from "./messages/evaluation.ts";
import * as indicatorDefinitionsMore from "./messages/indicator-definitions-more.ts";
import * as evaluationReports from "./messages/evaluation-reports.ts";
import * as privacy from "./messages/privacy.ts";
import * as sso from "./messages/sso.ts";
import * as forum from "./messages/forum.ts";
import * as statistics from "./messages/statistics.ts";
import * as proposals from "./messages/proposals.ts";
import * as news from "./messages/news.ts";
import * as surveys from "./messages/surveys.ts";
import { format, type MessageVars } from "./format.ts";
import type { Locale } from "./types.ts";

export { format, type MessageVars } from "./format.ts";

// One namespace file per area; each exports `fr` (the source) and `en` (typed against it).
export const catalog = {
  fr: { ...trainingEvaluation.fr, ...common.fr, ...identity.fr, ...admin.fr, ...directory.fr, ...pathway.fr, ...consultations.fr, ...activities.fr, ...guide.fr, ...training.fr, ...trainingParticipants.fr, ...partners.fr, ...meetings.fr, ...tableWork.fr, ...tableHub.fr, ...about.fr, ...guard.fr, ...audit.fr, ...evaluation.fr, ...indicatorDefinitionsMore.fr, ...evaluationReports.fr, ...privacy.fr, ...sso.fr, ...forum.fr, ...statistics.fr, ...proposals.fr, ...news.fr, ...surveys.fr },
  en: { ...trainingEvaluation.en, ...common.en, ...identity.en, ...admin.en, ...directory.en, ...pathway.en, ...consultations.en, ...activities.en, ...guide.en, ...training.en, ...trainingParticipants.en, ...partners.en, ...meetings.en, ...tableWork.en, ...tableHub.en, ...about.en, ...guard.en, ...audit.en, ...evaluation.en, ...indicatorDefinitionsMore.en, ...evaluationReports.en, ...privacy.en, ...sso.en, ...forum.en, ...statistics.en, ...proposals.en, ...news.en, ...surveys.en },
} as const;

export type MessageKey = keyof (typeof catalog)["fr"];
export type Messages = Record<MessageKey, string>;

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}

/**
 * A namespace is a key prefix: "meetings" holds every "meetings.…" key, "admin.form" only
 * those under it. A page's loaders send the namespaces it renders, nothing more.
 */
export type Namespace = string;

/**
 * What every page renders: the header (and its unread badge), the language switch, the demo
 * banner, the error page, the footer — and the form errors that arrive as data in an action's
 * reply (a key there is not in any page's source, so the page's scan cannot find it). The form
 * kit's own words (save, cancel, delete confirmation) and `common` are sent by the pages that
 * render them (their scan finds them).
 */
export const FORM_ERROR_KEYS = [
  "form.errors",
  "form.required",
  "form.invalid",
  "form.conflict",
  "form.badCharacters",
  "form.oneValue",
  "form.invalidNumber",
  "form.expired",
  "form.tooLong",
  "form.invalidDate",
  "form.languageCodes",
  "form.languagesRequired",
] as const;
export const CHROME_NAMESPACES: readonly Namespace[] = ["app", "nav", "lang", "demo", "error", "tableHub.nav", "tableWork.nav.unread", "footer", ...FORM_ERROR_KEYS];

const inNamespace = (key: string, namespaces: readonly Namespace[]) =>
  namespaces.some((ns) => key === ns || (key.startsWith(ns) && key.charAt(ns.length) === "."));

const picked = new Map<string, Partial<Messages>>();

/** The messages of some namespaces only (cached: the catalog never changes in a process). */
export function pickMessages(locale: Locale, namespaces: readonly Namespace[]): Partial<Messages> {
  const cacheKey = `${locale}|${namespaces.join(",")}`;
  let out = picked.get(cacheKey);
  if (!out) {
    out = Object.fromEntries(Object.entries(catalog[locale]).filter(([key]) => inNamespace(key, namespaces))) as Partial<Messages>;
    picked.set(cacheKey, out);
  }
  return out;
}

/** A translator for server code (emails, PDFs): plurals and numbers follow the locale. */
export function translator(locale: Locale) {
  const messages = messagesFor(locale);
  return (key: MessageKey, vars?: MessageVars) => format(messages[key], vars, locale);
}
