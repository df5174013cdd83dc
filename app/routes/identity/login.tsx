import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { Field, type FieldErrors } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import {
  afterSignInPath,
  deviceEntriesOf,
  emailField,
  passwordField,
  shownErrors,
  shownValue,
  signInCookieHeaders,
  userAgentOf,
} from "../../modules/identity/route-helpers.server.ts";
import { readSessionToken } from "../../modules/identity/session.server.ts";
import { signIn } from "../../modules/identity/sign-in.server.ts";
import { FormAlert } from "../../components/identity/identity-ui.tsx";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { localName } from "../../i18n/names.ts";
import { listSignInButtons, passwordClosedForAccount, ssoOnlyForEmail } from "../../modules/sso/sso-accounts.server.ts";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "identity.login.title");

export const policy = publicRoute;

const notices = {
  invitationAccepted: "identity.login.notice.invitationAccepted",
  passwordReset: "identity.login.notice.passwordReset",
  signedOut: "identity.login.notice.signedOut",
} as const;

/** Why a single sign-on did not start (from /login/sso/:providerId). */
const ssoNotices = { "sso.unavailable": "sso.unavailable" } as const;

const schema = z.object({
  email: emailField,
  password: passwordField,
  // A hidden field: anything odd in it just means "home" (afterSignInPath), not an error.
  redirectTo: z.string().nullish().transform((v) => (v ?? "").slice(0, 2000)),
});

export async function loader(args: Route.LoaderArgs) {
  const url = requestUrl(args.request);
  const redirectTo = afterSignInPath(url.searchParams.get("redirectTo"));
  const user = await guard(args, policy);
  // Signed in already (and past the second factor): nothing to do here.
  if (user && (!user.mfaEnabled || user.mfaPassed)) throw redirect(redirectTo);
  const notice = url.searchParams.get("notice");
  const sso = url.searchParams.get("sso");
  const providers = await listSignInButtons(args.context.db);
  return {
    redirectTo,
    notice: notice && notice in notices ? notices[notice as keyof typeof notices] : null,
    ssoError: sso && Object.hasOwn(ssoNotices, sso) ? ssoNotices[sso as keyof typeof ssoNotices] : null,
    providers,
  };
}

export async function action(args: Route.ActionArgs) {
  const input = await parseForm(args.request, schema);
  const email = shownValue(input.values, "email");
  if (!input.ok) return data({ errors: shownErrors(input.errors), formError: null, formVars: null, email }, { status: 400 });
  const result = await signIn(args.context, {
    email: input.data.email,
    password: input.data.password,
    userAgent: userAgentOf(args.request),
    previousSessionToken: readSessionToken(args.request, args.context.config.isProduction),
    deviceEntries: deviceEntriesOf(args.context, args.request),
    passwordClosed: (who) => passwordClosedForAccount(args.context.db, who),
  });
  // SSO-only: one answer for every password tried at such an address (right, wrong, or no
  // account at all), so the page tells nothing about the account; the platform admin still gets in.
  if (result.kind === "password_closed" || (result.kind === "invalid" && (await ssoOnlyForEmail(args.context.db, input.data.email)))) {
    return data({ errors: null, formError: "sso.login.ssoOnly", formVars: null, email }, { status: 403 });
  }
  switch (result.kind) {
    case "signed_in": {
      const target = afterSignInPath(input.data.redirectTo);
      const next =
        result.next === "mfa"
          ? `/login/mfa${target === "/" ? "" : `?redirectTo=${encodeURIComponent(target)}`}`
          : result.next === "mfa_setup"
            ? "/mfa/setup"
            : target;
      return redirect(next, { headers: signInCookieHeaders(args.context, result.token, result.deviceEntries) });
    }
    case "throttled":
      return data({ errors: null, formError: "identity.throttled", formVars: { minutes: result.retryAfterMinutes }, email }, { status: 429 });
    case "pending_approval":
      return data({ errors: null, formError: "identity.login.pendingApproval", formVars: null, email }, { status: 403 });
    case "pending_email":
      return data({ errors: null, formError: "identity.login.pendingEmail", formVars: null, email }, { status: 403 });
    default:
      return data({ errors: null, formError: "identity.login.invalid", formVars: null, email }, { status: 400 });
  }
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const errors = actionData?.errors as FieldErrors | null | undefined;
  return (
    <>
      <h1>{t("identity.login.title")}</h1>
      {loaderData.notice && !actionData ? <FormAlert message={loaderData.notice} tone="success" /> : null}
      <p>{t("identity.login.intro")}</p>
      {errors ? <FormAlert message="form.errors" /> : <FormAlert message={actionData?.formError} vars={actionData?.formVars ?? undefined} />}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field name="email" type="email" label={t("identity.login.email")} autoComplete="username" required defaultValue={actionData?.email} errors={errors} />
        <Field name="password" type="password" label={t("identity.login.password")} autoComplete="current-password" required errors={errors} />
        <p className="actions">
          <button type="submit">{t("identity.login.submit")}</button>
          <Link to="/password/forgot">{t("identity.login.forgot")}</Link>
        </p>
      </Form>
      <p>
        <Link to="/signup">{t("identity.login.signup")}</Link>
      </p>
      {loaderData.providers.length ? (
        <section aria-labelledby="sso-heading">
          <h2 id="sso-heading">{t("sso.login.heading")}</h2>
          {loaderData.ssoError && !actionData ? <FormAlert message={loaderData.ssoError} /> : null}
          <p>
            <Link to={loaderData.redirectTo === "/" ? "/login/sso" : `/login/sso?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`}>{t("sso.emailFirst.link")}</Link>
          </p>
          <div className="stack">
            {loaderData.providers.map((p) => (
              <Form key={p.providerId} method="post" action={`/login/sso/${p.providerId}`}>
                  <input type="hidden" name="redirectTo" value={encodeURI(loaderData.redirectTo)} />
                  <button type="submit" className="secondary">
                    {t("sso.login.button", { organization: localName(locale, p) })}
                  </button>
              </Form>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
