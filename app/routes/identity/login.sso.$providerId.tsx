import { data, Link, redirect } from "react-router";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { z } from "zod";
import type { Route } from "./+types/login.sso.$providerId";
import { publicRoute } from "../../modules/authz/policy.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { afterSignInPath } from "../../modules/identity/route-helpers.server.ts";
import { safeRedirectPath } from "../../modules/http/safe-redirect.ts";
import { serializeSsoCookie } from "../../modules/sso/sso-cookie.server.ts";
import { startSsoSignIn } from "../../modules/sso/sso-sign-in.server.ts";
import { listSignInButtons } from "../../modules/sso/sso-accounts.server.ts";
import { ProviderHandoff } from "../../components/sso/provider-handoff.tsx";

/** "Sign in with <organisation>": a POST starts the authorization code flow at the provider. */
export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "sso.callback.title");

export const policy = publicRoute;

/** Only POST starts a sign-in: a link or an image pointing here changes nothing (an unknown provider is a 404). */
export async function loader(args: Route.LoaderArgs) {
  const providerId = args.params.providerId;
  if (!isUuid(providerId)) throw data({ message: "not_found" }, { status: 404 });
  const buttons = await listSignInButtons(args.context.db);
  if (!buttons.some((b) => b.providerId === providerId.toLowerCase())) throw data({ message: "not_found" }, { status: 404 });
  // Not a redirect: after the POST, this page renders the hand-over to the provider.
  return null;
}

// The page always sends where to go afterwards ("/" at least): an empty body is not its form.
// A same-site path in plain URL characters, as the page draws it; anything else is not its form.
const PATH = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
const schema = z.object({
  redirectTo: z
    .string({ message: "form.required" })
    .max(2000, "form.tooLong")
    .refine((v) => PATH.test(v) && safeRedirectPath(v, "") === v, "form.invalid"),
});

export async function action(args: Route.ActionArgs) {
  await guard(args, policy);
  const input = await parseForm(args.request, schema);
  if (!input.ok) return input.reply;
  const providerId = args.params.providerId;
  if (!isUuid(providerId)) throw data({ message: "not_found" }, { status: 404 });
  const started = await startSsoSignIn(args.context, { providerId: providerId.toLowerCase(), purpose: "login", redirectTo: afterSignInPath(input.data.redirectTo) });
  if (started.kind === "refused") return redirect(`/login?sso=${encodeURIComponent(started.reason)}`);
  return data({ handoff: started.url }, { headers: { "Set-Cookie": serializeSsoCookie(started.stateId, args.context.config.isProduction) } });
}

export default function StartSsoSignIn({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  if (actionData && "handoff" in actionData) return <ProviderHandoff to={actionData.handoff} kind="signIn" />;
  // Reached by a link: signing in starts from the sign-in page's button.
  return (
    <>
      <h1>{t("sso.callback.title")}</h1>
      <p>
        <Link to="/login">{t("sso.callback.back")}</Link>
      </p>
    </>
  );
}
