import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/login.sso.callback";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { optionalUser } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { afterSignInPath, userAgentOf } from "../../modules/identity/route-helpers.server.ts";
import { readSessionToken, serializeSessionCookie } from "../../modules/identity/session.server.ts";
import { clearSsoCookie, readSsoCookie } from "../../modules/sso/sso-cookie.server.ts";
import { completeSsoSignIn } from "../../modules/sso/sso-sign-in.server.ts";
import { FormAlert } from "../../components/identity/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "sso.callback.title");

// Public: the provider sends the browser back here, signed in or not.
export const policy = publicRoute;

const KNOWN = /^[A-Za-z0-9._~-]*$/;

/**
 * The provider's answer. Only code, state, iss (or error) are read, each once and bounded; the
 * rest of the checks (state, PKCE, nonce, signature) are openid-client's, against the flow kept
 * in the database. Whatever arrives, the answer is a redirect or a 4xx page.
 */
export async function loader(args: Route.LoaderArgs) {
  const url = requestUrl(args.request);
  const secure = args.context.config.isProduction;
  const headers = new Headers({ "Set-Cookie": clearSsoCookie(secure) });
  const params = new URLSearchParams();
  for (const name of ["code", "state", "iss", "error", "error_description", "session_state"]) {
    const values = url.searchParams.getAll(name);
    if (values.length > 1) return data({ reason: "sso.failed" as const }, { status: 400, headers });
    const value = values[0];
    if (value === undefined) continue;
    if (value.length > 4000 || (name !== "iss" && name !== "error_description" && !KNOWN.test(value))) return data({ reason: "sso.failed" as const }, { status: 400, headers });
    if (name === "error_description") continue;
    params.set(name, value);
  }
  if (!params.has("code") && !params.has("error")) return data({ reason: "sso.expired" as const }, { status: 400, headers });
  const user = await optionalUser(args);
  const result = await completeSsoSignIn(args.context, {
    stateId: readSsoCookie(args.request, secure),
    search: `?${params.toString()}`,
    signedIn: user ? { accountId: user.accountId } : null,
    userAgent: userAgentOf(args.request),
    previousSessionToken: readSessionToken(args.request, secure),
  });
  switch (result.kind) {
    case "signed_in": {
      headers.append("Set-Cookie", serializeSessionCookie(result.token, secure));
      const target = afterSignInPath(result.redirectTo);
      const next =
        result.next === "mfa" ? `/login/mfa${target === "/" ? "" : `?redirectTo=${encodeURIComponent(target)}`}` : result.next === "mfa_setup" ? "/mfa/setup" : target;
      return redirect(next, { headers });
    }
    case "linked":
      return redirect("/profile/sso?linked=1", { headers });
    case "pending_approval":
      return data({ reason: "sso.pendingApproval" as const }, { status: 403, headers });
    default:
      return data({ reason: result.reason }, { status: 400, headers });
  }
}

export default function SsoCallback({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <h1>{t("sso.callback.title")}</h1>
      <FormAlert message={loaderData.reason} tone={loaderData.reason === "sso.pendingApproval" ? "success" : undefined} />
      <p>
        <Link to="/login">{t("sso.callback.back")}</Link>
      </p>
    </>
  );
}
