import { matchPath, type AppLoadContext } from "react-router";
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
const segmentScore = (segment: string) => (segment.startsWith(":") ? 3 : 10);
const patterns = Object.keys(routeNamespaces)
  .map((pattern) => ({ pattern, score: pattern.split("/").filter(Boolean).reduce((s, seg) => s + segmentScore(seg), 0) }))
  .sort((a, b) => b.score - a.score);

/** The namespaces the page at this path renders (route-namespaces.generated.server.ts). */
export function namespacesOfPath(pathname: string): readonly string[] {
  for (const { pattern } of patterns) if (matchPath({ path: pattern, end: true }, pathname)) return routeNamespaces[pattern]!;
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
