import { data, Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/invitation.$token";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { acceptInvitation, findInvitation } from "../../modules/identity/accept-invitation.server.ts";
import { newPasswordForm, shownErrors, usernameField } from "../../modules/identity/route-helpers.server.ts";
import { FormAlert, InvalidLinkPage, NewPasswordFields } from "../../components/identity/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => pageTitle(matches, loaderData?.state === "form" ? "identity.invitation.title" : "identity.link.invalidTitle");

export const policy = publicRoute;

/** Unknown, used or expired: one clear page, 410 Gone. */
const gone = () => data({ state: "invalid" as const, errors: null }, { status: 410 });

const schema = z.object({ username: usernameField }).and(newPasswordForm);

export async function loader({ params, context }: Route.LoaderArgs) {
  const invitation = await findInvitation(context.db, params.token);
  if (!invitation) return gone();
  return data({ state: "form" as const, ...invitation, errors: null });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const input = await parseForm(request, schema);
  const invitation = await findInvitation(context.db, params.token);
  if (!invitation) return gone();
  const refuse = (errors: Record<string, string[]>) => data({ state: "form" as const, ...invitation, errors }, { status: 400 });
  if (!input.ok) return refuse(shownErrors(input.errors));
  // The page carries the address the link was sent to: a body it did not draw is refused.
  if (input.data.username !== invitation.email) return refuse({ password: ["form.invalid"] });
  const result = await acceptInvitation(context, { token: params.token, password: input.data.password });
  if (result.ok) return redirect("/login?notice=invitationAccepted");
  if (result.error === "invalid_token") return gone();
  return refuse({ password: [result.error] });
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const view = actionData ?? loaderData;
  if (view.state === "invalid") return <InvalidLinkPage help={{ text: "identity.invitation.invalidHelp" }} />;
  return (
    <>
      <h1>{t("identity.invitation.title")}</h1>
      <p>{t("identity.invitation.intro", { name: view.givenName, email: view.email })}</p>
      {view.errors ? <FormAlert message="form.errors" /> : null}
      <Form method="post" className="stack" noValidate>
        <input type="text" name="username" autoComplete="username" value={view.email} readOnly hidden />
        <NewPasswordFields errors={view.errors} />
        <p className="actions">
          <button type="submit">{t("identity.invitation.submit")}</button>
        </p>
      </Form>
    </>
  );
}
