import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/password.forgot";
import { Field, type FieldErrors } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { requestPasswordReset } from "../../modules/identity/password-reset.server.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { emailField, shownErrors, shownValue } from "../../modules/identity/route-helpers.server.ts";
import { FormAlert } from "../../components/identity/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "identity.forgot.title");

export const policy = publicRoute;

const schema = z.object({ email: emailField });

export function loader() {
  return { sent: false };
}

export async function action({ request, context }: Route.ActionArgs) {
  const input = await parseForm(request, schema);
  const email = shownValue(input.values, "email");
  if (!input.ok) return data({ sent: false, errors: shownErrors(input.errors), formVars: null, email }, { status: 400 });
  const result = await requestPasswordReset(context, { email: input.data.email, publicUrl: context.config.publicUrl });
  if (result.kind === "throttled") {
    return data({ sent: false, errors: null, formVars: { minutes: result.retryAfterMinutes }, email }, { status: 429 });
  }
  context.notifyJobs();
  return { sent: true, errors: null, formVars: null, email: "" };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  const errors = actionData?.errors as FieldErrors | null | undefined;
  return (
    <>
      <h1>{t("identity.forgot.title")}</h1>
      {actionData?.sent ? (
        <>
          <FormAlert message="identity.forgot.sent" tone="success" />
          <p>
            <Link to="/login">{t("identity.forgot.backToLogin")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("identity.forgot.intro")}</p>
          {errors ? <FormAlert message="form.errors" /> : null}
          {actionData?.formVars ? <FormAlert message="identity.throttled" vars={actionData.formVars} /> : null}
          <Form method="post" className="stack" noValidate>
            <Field name="email" type="email" label={t("identity.login.email")} autoComplete="email" required defaultValue={actionData?.email} errors={errors} />
            <p className="actions">
              <button type="submit">{t("identity.forgot.submit")}</button>
              <Link to="/login">{t("identity.forgot.backToLogin")}</Link>
            </p>
          </Form>
        </>
      )}
    </>
  );
}
