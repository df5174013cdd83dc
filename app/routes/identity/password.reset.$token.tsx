import { data, Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/password.reset.$token";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { findResetAccount, resetPassword } from "../../modules/identity/password-reset.server.ts";
import { clearedSessionCookieHeaders, newPasswordForm, shownErrors, usernameField } from "../../modules/identity/route-helpers.server.ts";
import { FormAlert, InvalidLinkPage, NewPasswordFields } from "../../components/identity/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => pageTitle(matches, loaderData?.state === "form" ? "identity.reset.title" : "identity.link.invalidTitle");

export const policy = publicRoute;

const gone = () => data({ state: "invalid" as const, errors: null }, { status: 410 });

const schema = z.object({ username: usernameField }).and(newPasswordForm);

export async function loader({ params, context }: Route.LoaderArgs) {
  const target = await findResetAccount(context.db, params.token);
  if (!target) return gone();
  return data({ state: "form" as const, email: target.email, errors: null });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const input = await parseForm(request, schema);
  const target = await findResetAccount(context.db, params.token);
  if (!target) return gone();
  const refuse = (errors: Record<string, string[]>) => data({ state: "form" as const, email: target.email, errors }, { status: 400 });
  if (!input.ok) return refuse(shownErrors(input.errors));
  // The page carries the account's address: a body it did not draw is refused.
  if (input.data.username !== target.email) return refuse({ password: ["form.invalid"] });
  const result = await resetPassword(context, { token: params.token, password: input.data.password });
  // Every session ended, this browser's too: the person signs in again, second factor included.
  if (result.ok) return redirect("/login?notice=passwordReset", { headers: clearedSessionCookieHeaders(context) });
  if (result.error === "invalid_token") return gone();
  return refuse({ password: [result.error] });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const view = actionData ?? loaderData;
  if (view.state === "invalid") return <InvalidLinkPage help={{ to: "/password/forgot", label: "identity.reset.invalidHelp" }} />;
  return (
    <>
      <h1>{t("identity.reset.title")}</h1>
      <p>{t("identity.reset.intro")}</p>
      {view.errors ? <FormAlert message="form.errors" /> : null}
      <Form method="post" className="stack" noValidate>
        {/* For password managers: the new password is saved under the right account. */}
        <input type="text" name="username" autoComplete="username" value={view.email} readOnly hidden />
        <NewPasswordFields errors={view.errors} />
        <p className="actions">
          <button type="submit">{t("identity.reset.submit")}</button>
        </p>
      </Form>
    </>
  );
}
