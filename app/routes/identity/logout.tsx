import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { actorOf, optionalUser } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { signOut } from "../../modules/identity/sign-out.server.ts";
import { clearedSessionCookieHeaders } from "../../modules/identity/route-helpers.server.ts";
import { readSessionToken } from "../../modules/identity/session.server.ts";
import { providerLogoutUrl } from "../../modules/sso/sso-logout.server.ts";

export const policy = publicRoute;

/** Only POST signs out: a link or an image pointing here must not end a session. */
export function loader() {
  return redirect("/");
}

export async function action(args: Route.ActionArgs) {
  const token = readSessionToken(args.request, args.context.config.isProduction);
  const user = await optionalUser(args);
  // A session opened through a provider also ends there (RP-initiated logout), after Filet's.
  const atProvider = token ? await providerLogoutUrl(args.context, token) : null;
  if (token) await signOut(args.context.db, actorOf(user, args.context), token);
  return redirect(atProvider ?? "/login?notice=signedOut", { headers: clearedSessionCookieHeaders(args.context) });
}
