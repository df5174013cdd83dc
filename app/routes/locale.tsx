import { redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/locale";
import { localeCookie } from "../i18n/locale.server.ts";
import { optionalUser } from "../modules/authz/guard.server.ts";
import { publicRoute } from "../modules/authz/policy.ts";
import { setAccountLocale } from "../modules/identity/set-account-locale.server.ts";
import { safeRedirectPath } from "../modules/http/safe-redirect.ts";

export const policy = publicRoute;

const schema = z.object({ locale: z.enum(["fr", "en"]), redirectTo: z.string().optional() });

/** Language switch: remembered in a cookie, and on the account when signed in. */
export async function action(args: Route.ActionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const user = await optionalUser(args);
  if (user) await setAccountLocale(args.context, user, parsed.data.locale);
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": localeCookie(parsed.data.locale, args.context.config.isProduction) },
  });
}

export function loader() {
  return redirect("/");
}
