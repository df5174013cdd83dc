import type { AppLoadContext } from "react-router";
import { optionalUser } from "../modules/authz/guard.server.ts";
import type { CurrentUser } from "../modules/identity/current-user.server.ts";
import { pickMessages, type Messages, type Namespace } from "./catalog.ts";
import { resolveLocale } from "./locale.server.ts";
import type { Locale } from "./types.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
}

/**
 * What a section layout (or a top-level page) sends beside the root's chrome: the messages of
 * its namespaces in the reader's language, and the reader, for the section's navigation.
 * The session lookup is shared with the root and the page (one per page load).
 */
export async function pageMessages(
  args: Args,
  namespaces: readonly Namespace[],
): Promise<{ locale: Locale; messages: Partial<Messages>; user: CurrentUser | null }> {
  const user = await optionalUser(args);
  const locale = resolveLocale(args.request, user?.locale);
  return { locale, messages: pickMessages(locale, namespaces), user };
}
