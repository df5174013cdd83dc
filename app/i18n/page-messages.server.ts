import type { AppLoadContext } from "react-router";
import { optionalUser } from "../modules/authz/guard.server.ts";
import type { CurrentUser } from "../modules/identity/current-user.server.ts";
import { requestUrl } from "../modules/forms/request-url.ts";
import { catalog, pickMessages, type MessageKey, type Messages } from "./catalog.ts";
import { resolveLocale } from "./locale.server.ts";
import { messageGroups, routeNamespaces } from "./route-namespaces.generated.server.ts";
import type { Locale } from "./types.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
}

// Most specific pattern first, as the router ranks them: "/meetings/new" before "/meetings/:meetingId".
// Each pattern is compiled once: every page load asks, and matchPath compiled a RegExp for each
// of the 170 patterns it tried (4 % of the CPU of a signed-in home page, profiled 2026-12-07).
const segmentScore = (segment: string) => (segment.startsWith(":") ? 3 : 10);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patterns = Object.keys(routeNamespaces)
  .map((pattern) => {
    const segments = pattern.split("/").filter(Boolean);
    // As matchPath({ end: true }): case-insensitive, a parameter is one non-empty segment, trailing slashes allowed.
    const matcher = new RegExp(`^/${segments.map((s) => (s.startsWith(":") ? "[^/]+" : escapeRegExp(s))).join("/")}/*$`, "i");
    return { pattern, matcher, score: segments.reduce((sum, seg) => sum + segmentScore(seg), 0) };
  })
  .sort((a, b) => b.score - a.score);

/** The namespaces the page at this path renders (route-namespaces.generated.server.ts). */
export function namespacesOfPath(pathname: string): readonly string[] {
  for (const { pattern, matcher } of patterns) if (matcher.test(pathname)) return routeNamespaces[pattern]!;
  return [];
}

/**
 * What a section layout (or a top-level page) sends beside the root's chrome: the messages the
 * page being shown renders, in the reader's language, and the reader, for the section's
 * navigation. The session lookup is shared with the root and the page (one per page load).
 */
export async function pageMessages(args: Args): Promise<{ locale: Locale; messages: Partial<Messages>; user: CurrentUser | null }> {
  const user = await optionalUser(args);
  const locale = resolveLocale(args.request, user?.locale);
  return { locale, messages: pickMessages(locale, namespacesOfPath(requestUrl(args.request).pathname)), user };
}

/**
 * One message of a family, chosen at run time (the saved notice a URL names, `?saved=updated`):
 * the page sends that message alone, with its key, instead of the whole family. The family is
 * named only here, at run time, so the generated map does not send it with every view of the
 * page. An unknown name gives no key (the page shows no notice).
 */
export function oneMessageOf(locale: Locale, family: string, name: string | null): { key: MessageKey | null; messages: Partial<Messages> } {
  const key = name && /^[\w-]+$/.test(name) ? `${family}.${name}` : null;
  const text = key ? (catalog[locale] as Record<string, string>)[key] : undefined;
  return text === undefined ? { key: null, messages: {} } : { key: key as MessageKey, messages: { [key as string]: text } as Partial<Messages> };
}

/**
 * The words of a part a page draws only for some readers (a component file marked
 * `@messages-sent-by-page <group>`, route-namespaces.generated.server.ts): the page's loader sends
 * them when it draws that part, so the other readers are not sent them.
 */
export function groupMessages(locale: Locale, group: keyof typeof messageGroups): Partial<Messages> {
  return pickMessages(locale, messageGroups[group] ?? []);
}
