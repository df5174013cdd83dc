import { data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login.sso.$providerId";
import { publicRoute } from "../../modules/authz/policy.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { afterSignInPath } from "../../modules/identity/route-helpers.server.ts";
import { serializeSsoCookie } from "../../modules/sso/sso-cookie.server.ts";
import { startSsoSignIn } from "../../modules/sso/sso-sign-in.server.ts";

/** "Sign in with <organisation>": a POST starts the authorization code flow at the provider. */
export const policy = publicRoute;

/** Only POST starts a sign-in: a link or an image pointing here changes nothing. */
export function loader() {
  return redirect("/login");
}

const schema = z.object({ redirectTo: z.string().nullish().transform((v) => (v ?? "").slice(0, 2000)) });

export async function action(args: Route.ActionArgs) {
  await guard(args, policy);
  const input = await parseForm(args.request, schema);
  if (!input.ok) return input.reply;
  const providerId = args.params.providerId;
  if (!isUuid(providerId)) throw data({ message: "not_found" }, { status: 404 });
  const started = await startSsoSignIn(args.context, { providerId: providerId.toLowerCase(), purpose: "login", redirectTo: afterSignInPath(input.data.redirectTo) });
  if (started.kind === "refused") return redirect(`/login?sso=${encodeURIComponent(started.reason)}`);
  return redirect(started.url, { headers: { "Set-Cookie": serializeSsoCookie(started.stateId, args.context.config.isProduction) } });
}
