import { redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/locale";
import { localeCookie } from "../i18n/locale.server.ts";
import { optionalUser } from "../modules/authz/guard.server.ts";
import { publicRoute } from "../modules/authz/policy.ts";
import { setAccountLocale } from "../modules/identity/set-account-locale.server.ts";
import { safeRedirectPath } from "../modules/http/safe-redirect.ts";
import { parseForm } from "../modules/forms/read-form.server.ts";

export const policy = publicRoute;

const schema = z.object({
  locale: z.enum(["fr", "en"]),
  // Where to go back: anything odd in it means "home" (safeRedirectPath), not an error.
  redirectTo: z.string().nullish().transform((v) => (v ?? "").slice(0, 2000)),
});

/** Language switch: remembered in a cookie, and on the account when signed in. Garbage: 400, nothing written. */
export async function action(args: Route.ActionArgs) {
  const input = await parseForm(args.request, schema);
  if (!input.ok) throw new Response("Bad request", { status: 400 });
  const user = await optionalUser(args);
  if (user) await setAccountLocale(args.context, user, input.data.locale);
  return redirect(safeRedirectPath(input.data.redirectTo), {
    headers: { "Set-Cookie": localeCookie(input.data.locale, args.context.config.isProduction) },
  });
}

export function loader() {
  return redirect("/");
}
