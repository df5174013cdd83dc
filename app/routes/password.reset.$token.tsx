import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/password.reset.$token";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { publicRoute } from "../modules/authz/policy.ts";
import { isResetTokenUsable, resetPassword } from "../modules/identity/password-reset.server.ts";
import { clearedSessionCookieHeaders, fieldErrors, newPasswordForm, readForm } from "../modules/identity/route-helpers.server.ts";
import { FormAlert, InvalidLinkPage, NewPasswordFields } from "../modules/identity/ui/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => pageTitle(matches, loaderData?.state === "form" ? "identity.reset.title" : "identity.link.invalidTitle");

export const policy = publicRoute;

const gone = () => data({ state: "invalid" as const, errors: null }, { status: 410 });

export async function loader({ params, context }: Route.LoaderArgs) {
  if (!(await isResetTokenUsable(context.db, params.token))) return gone();
  return data({ state: "form" as const, errors: null });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const parsed = newPasswordForm.safeParse(await readForm(request));
  if (!parsed.success) {
    if (!(await isResetTokenUsable(context.db, params.token))) return gone();
    return data({ state: "form" as const, errors: fieldErrors(parsed.error) }, { status: 400 });
  }
  const result = await resetPassword(context, { token: params.token, password: parsed.data.password });
  // Every session ended, this browser's too: the person signs in again, second factor included.
  if (result.ok) return redirect("/login?notice=passwordReset", { headers: clearedSessionCookieHeaders(context) });
  if (result.error === "invalid_token") return gone();
  return data({ state: "form" as const, errors: { password: [result.error] } }, { status: 400 });
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
        <NewPasswordFields errors={view.errors} />
        <p className="actions">
          <button type="submit">{t("identity.reset.submit")}</button>
        </p>
      </Form>
    </>
  );
}
