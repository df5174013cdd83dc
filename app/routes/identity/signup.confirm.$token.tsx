import { data, Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/signup.confirm.$token";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { confirmSignup, isConfirmationTokenUsable } from "../../modules/identity/sign-up.server.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { InvalidLinkPage } from "../../components/identity/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => pageTitle(matches, loaderData?.state === "form" ? "identity.confirm.title" : "identity.link.invalidTitle");

export const policy = publicRoute;

const gone = () => data({ state: "invalid" as const }, { status: 410 });

/** GET only shows a button: mail scanners that open links must not confirm anything. */
export async function loader({ params, context }: Route.LoaderArgs) {
  if (!(await isConfirmationTokenUsable(context.db, params.token))) return gone();
  return data({ state: "form" as const });
}

/** The confirm button's form: one hidden field, so a body it did not draw confirms nothing. */
const schema = z.object({ intent: z.literal("confirm") });

export async function action({ request, params, context }: Route.ActionArgs) {
  const input = await parseForm(request, schema);
  if (!input.ok) throw data({ message: "bad_request" }, { status: 400 });
  const result = await confirmSignup(context, { token: params.token, publicUrl: context.config.publicUrl });
  if (!result.ok) return gone();
  context.notifyJobs();
  return data({ state: "confirmed" as const });
}

export default function ConfirmSignup({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const view = actionData ?? loaderData;
  if (view.state === "invalid") return <InvalidLinkPage help={{ to: "/signup", label: "identity.confirm.invalidHelp" }} />;
  if (view.state === "confirmed") {
    return (
      <>
        <h1>{t("identity.confirm.doneTitle")}</h1>
        <p>{t("identity.confirm.done")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("identity.confirm.title")}</h1>
      <p>{t("identity.confirm.intro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="confirm" />
        <button type="submit">{t("identity.confirm.submit")}</button>
      </Form>
    </>
  );
}
