import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { actorOf, optionalUser } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { signOut } from "../../modules/identity/sign-out.server.ts";
import { clearedSessionCookieHeaders } from "../../modules/identity/route-helpers.server.ts";
import { readSessionToken } from "../../modules/identity/session.server.ts";

export const policy = publicRoute;

/** Only POST signs out: a link or an image pointing here must not end a session. */
export function loader() {
  return redirect("/");
}

export async function action(args: Route.ActionArgs) {
  const token = readSessionToken(args.request, args.context.config.isProduction);
  const user = await optionalUser(args);
  if (token) await signOut(args.context.db, actorOf(user, args.context), token);
  return redirect("/login?notice=signedOut", { headers: clearedSessionCookieHeaders(args.context) });
}
