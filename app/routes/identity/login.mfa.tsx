import { data, Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login.mfa";
import { Field, type FieldErrors } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { actorOf, optionalUser } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { passMfaChallenge } from "../../modules/identity/mfa.server.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { afterSignInPath, sessionCookieHeaders, shownErrors, userAgentOf } from "../../modules/identity/route-helpers.server.ts";
import { FormAlert } from "../../components/identity/identity-ui.tsx";
import { requestUrl } from "../../modules/forms/request-url.ts";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "identity.mfa.challenge.title");

// Public: requireUser would send a person without the second factor back here in a loop.
export const policy = publicRoute;

const RECOVERY_CODE = /^[abcdefghjkmnpqrstuvwxyz23456789]{10}$/;

/** A 6-digit code from the app, or a recovery code ("abcde-fghjk", any case, spaces allowed). */
const codeField = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim())
  .pipe(z.string().min(1, "form.required").max(64, "identity.mfa.invalidCode"))
  .refine((v) => {
    const compact = v.replace(/\s/g, "");
    return /^\d{6}$/.test(compact) || RECOVERY_CODE.test(compact.toLowerCase().replace(/-/g, ""));
  }, "identity.mfa.invalidCode");

const schema = z.object({
  code: codeField,
  redirectTo: z.string().nullish().transform((v) => (v ?? "").slice(0, 2000)),
});

/** Only a session opened with the password, whose account has MFA and has not passed it yet. */
async function pendingUser(args: Route.LoaderArgs | Route.ActionArgs, redirectTo: string) {
  const user = await optionalUser(args);
  if (!user) throw redirect("/login");
  if (!user.mfaEnabled || user.mfaPassed) throw redirect(redirectTo);
  return user;
}

export async function loader(args: Route.LoaderArgs) {
  const redirectTo = afterSignInPath(requestUrl(args.request).searchParams.get("redirectTo"));
  await pendingUser(args, redirectTo);
  return { redirectTo };
}

export async function action(args: Route.ActionArgs) {
  // The body first: whatever arrives, a malformed one is refused before anything else happens.
  // A code that cannot be one is not a guess: it costs no attempt.
  const input = await parseForm(args.request, schema);
  if (!input.ok) return data({ errors: shownErrors(input.errors), formError: null, formVars: null }, { status: 400 });
  const redirectTo = afterSignInPath(input.data.redirectTo);
  const user = await pendingUser(args, redirectTo);
  const result = await passMfaChallenge(args.context, actorOf(user, args.context), {
    accountId: user.accountId,
    sessionIdHash: user.sessionIdHash,
    code: input.data.code,
    userAgent: userAgentOf(args.request),
  });
  if (result.kind === "passed") return redirect(redirectTo, { headers: sessionCookieHeaders(args.context, result.token) });
  if (result.kind === "throttled") {
    return data({ errors: null, formError: "identity.throttled", formVars: { minutes: result.retryAfterMinutes } }, { status: 429 });
  }
  return data({ errors: { code: ["identity.mfa.invalidCode"] }, formError: null, formVars: null }, { status: 400 });
}

export default function MfaChallenge({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors as FieldErrors | null | undefined;
  return (
    <>
      <h1>{t("identity.mfa.challenge.title")}</h1>
      <p>{t("identity.mfa.challenge.intro")}</p>
      {errors ? <FormAlert message="form.errors" /> : <FormAlert message={actionData?.formError} vars={actionData?.formVars ?? undefined} />}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field
          name="code"
          label={t("identity.mfa.challenge.code")}
          hint={t("identity.mfa.challenge.codeHint")}
          autoComplete="one-time-code"
          required
          errors={errors}
        />
        <p className="actions">
          <button type="submit">{t("identity.mfa.challenge.submit")}</button>
        </p>
      </Form>
      <Form method="post" action="/logout">
        <button type="submit" className="secondary">
          {t("identity.mfa.challenge.cancel")}
        </button>
      </Form>
    </>
  );
}
