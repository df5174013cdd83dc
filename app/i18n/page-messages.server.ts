import type { AppLoadContext } from "react-router";
import { optionalUser } from "../modules/authz/guard.server.ts";
import type { CurrentUser } from "../modules/identity/current-user.server.ts";
import { requestUrl } from "../modules/forms/request-url.ts";
import { pickMessages, type Messages } from "./catalog.ts";
import { resolveLocale } from "./locale.server.ts";
import { routeNamespaces } from "./route-namespaces.generated.server.ts";
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
