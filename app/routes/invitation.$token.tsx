import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/invitation.$token";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { publicRoute } from "../modules/authz/policy.ts";
import { acceptInvitation, findInvitation } from "../modules/identity/accept-invitation.server.ts";
import { fieldErrors, newPasswordForm, readForm } from "../modules/identity/route-helpers.server.ts";
import { FormAlert, InvalidLinkPage, NewPasswordFields } from "../modules/identity/ui/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => pageTitle(matches, loaderData?.state === "form" ? "identity.invitation.title" : "identity.link.invalidTitle");

export const policy = publicRoute;

/** Unknown, used or expired: one clear page, 410 Gone. */
const gone = () => data({ state: "invalid" as const, errors: null }, { status: 410 });

export async function loader({ params, context }: Route.LoaderArgs) {
  const invitation = await findInvitation(context.db, params.token);
  if (!invitation) return gone();
  return data({ state: "form" as const, ...invitation, errors: null });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const parsed = newPasswordForm.safeParse(await readForm(request));
  if (!parsed.success) {
    const invitation = await findInvitation(context.db, params.token);
    if (!invitation) return gone();
    return data({ state: "form" as const, ...invitation, errors: fieldErrors(parsed.error) }, { status: 400 });
  }
  const result = await acceptInvitation(context, { token: params.token, password: parsed.data.password });
  if (result.ok) return redirect("/login?notice=invitationAccepted");
  if (result.error === "invalid_token") return gone();
  const invitation = await findInvitation(context.db, params.token);
  if (!invitation) return gone();
  return data({ state: "form" as const, ...invitation, errors: { password: [result.error] } }, { status: 400 });
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
