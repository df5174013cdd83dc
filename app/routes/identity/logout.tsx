import { data, Form, redirect } from "react-router";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import type { Route } from "./+types/logout";
import { actorOf, optionalUser } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { signOut } from "../../modules/identity/sign-out.server.ts";
import { clearedSessionCookieHeaders } from "../../modules/identity/route-helpers.server.ts";
import { readSessionToken } from "../../modules/identity/session.server.ts";
import { providerLogoutUrl } from "../../modules/sso/sso-logout.server.ts";
import { ProviderHandoff } from "../../components/sso/provider-handoff.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "nav.logout");

export const policy = publicRoute;

/**
 * Only POST signs out: a link or an image pointing here must not end a session; it shows the
 * sign-out button instead. (Not a redirect: after the POST this page renders the hand-over to
 * the organization's provider.)
 */
export function loader() {
  return null;
}

export async function action(args: Route.ActionArgs) {
  const token = readSessionToken(args.request, args.context.config.isProduction);
  const user = await optionalUser(args);
  // A session opened through a provider also ends there (RP-initiated logout), after Filet's.
  const atProvider = token ? await providerLogoutUrl(args.context, token) : null;
  if (token) await signOut(args.context.db, actorOf(user, args.context), token);
  if (atProvider) return data({ handoff: atProvider }, { headers: clearedSessionCookieHeaders(args.context) });
  return redirect("/login?notice=signedOut", { headers: clearedSessionCookieHeaders(args.context) });
}

export default function SignOut({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  if (actionData) return <ProviderHandoff to={actionData.handoff} kind="signOut" />;
  return (
    <>
      <h1>{t("nav.logout")}</h1>
      <Form method="post" action="/logout">
        <button type="submit">{t("nav.logout")}</button>
      </Form>
    </>
  );
}
