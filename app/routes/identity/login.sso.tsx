import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login.sso";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { afterSignInPath, emailField, shownErrors, shownValue } from "../../modules/identity/route-helpers.server.ts";
import { serializeSsoCookie } from "../../modules/sso/sso-cookie.server.ts";
import { startSsoSignIn } from "../../modules/sso/sso-sign-in.server.ts";
import { providerForEmail } from "../../modules/sso/sso-accounts.server.ts";
import { Field, type FieldErrors } from "../../components/form.tsx";
import { FormAlert } from "../../components/identity/identity-ui.tsx";
import { ProviderHandoff } from "../../components/sso/provider-handoff.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "sso.emailFirst.title");

/**
 * "Email first": the person gives their work address and is sent to their organization's
 * provider, found by the address's domain. The answer depends on the domain only (a provider
 * signs in that domain or none does), so it says nothing about whether an account exists.
 */
export const policy = publicRoute;

export function loader(args: Route.LoaderArgs) {
  return { redirectTo: afterSignInPath(requestUrl(args.request).searchParams.get("redirectTo")) };
}

const schema = z.object({
  email: emailField,
  // A hidden field: anything odd in it just means "home" (afterSignInPath), not an error.
  redirectTo: z.string().nullish().transform((v) => (v ?? "").slice(0, 2000)),
});

export async function action(args: Route.ActionArgs) {
  await guard(args, policy);
  const input = await parseForm(args.request, schema);
  const email = shownValue(input.values, "email");
  if (!input.ok) return data({ errors: shownErrors(input.errors), formError: null, email }, { status: 400 });
  const providerId = await providerForEmail(args.context.db, input.data.email);
  if (!providerId) return data({ errors: null, formError: "sso.emailFirst.none", email }, { status: 400 });
  const started = await startSsoSignIn(args.context, { providerId, purpose: "login", redirectTo: afterSignInPath(input.data.redirectTo) });
  // The provider unreachable is not the person's fault, and no answer of ours is a 5xx: back to
  // the sign-in page with the same notice as the provider's own button gives.
  if (started.kind === "refused") return redirect(`/login?sso=${encodeURIComponent(started.reason)}`);
  return data({ handoff: started.url }, { headers: { "Set-Cookie": serializeSsoCookie(started.stateId, args.context.config.isProduction) } });
}

export default function EmailFirst({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  if (actionData && "handoff" in actionData) return <ProviderHandoff to={actionData.handoff} kind="signIn" />;
  const errors = actionData?.errors as FieldErrors | null | undefined;
  return (
    <>
      <h1>{t("sso.emailFirst.title")}</h1>
      <p>{t("sso.emailFirst.intro")}</p>
      {errors ? <FormAlert message="form.errors" /> : <FormAlert message={actionData?.formError} />}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field name="email" type="email" label={t("sso.emailFirst.email")} autoComplete="username" required defaultValue={actionData?.email} errors={errors} />
        <p className="actions">
          <button type="submit">{t("sso.emailFirst.submit")}</button>
        </p>
      </Form>
      <p>
        <Link to="/login">{t("sso.callback.back")}</Link>
      </p>
    </>
  );
}
