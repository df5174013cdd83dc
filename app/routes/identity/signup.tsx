import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/signup";
import { Field, SelectField, type FieldErrors } from "../../components/form.tsx";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { emailField, passwordField, shownErrors, shownValue } from "../../modules/identity/route-helpers.server.ts";
import { registerSignUpAttempt, signUp, type SignupOrganization } from "../../modules/identity/sign-up.server.ts";
import { FormAlert } from "../../components/identity/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "identity.signup.title");

export const policy = publicRoute;

const name = z
  .string()
  .nullish()
  .transform((v) => (v ?? "").trim())
  .pipe(z.string().min(1, "form.required").max(100, "form.invalid"));
const schema = z.object({
  givenName: name,
  familyName: name,
  email: emailField,
  // Shown only when several organizations use the address's domain: "" or one of their ids.
  organizationId: z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim().toLowerCase())
    .refine((v) => v === "" || isUuid(v), "identity.signup.chooseOrganization"),
  password: passwordField,
});

/** After a sign-up the page is /signup?sent=1 (POST, then redirect: a reload sends nothing again). */
export async function loader(args: Route.LoaderArgs) {
  if (await guard(args, policy)) throw redirect("/");
  return { sent: requestUrl(args.request).searchParams.get("sent") === "1" };
}

type Values = { givenName: string; familyName: string; email: string; organizationId: string };
type SignupView = {
  state: "form";
  values: Values;
  errors: FieldErrors | null;
  formVars: { minutes: number } | null;
  formError?: string | null;
  organizations: SignupOrganization[];
};

function form(values: Values, errors: FieldErrors | null, organizations: SignupOrganization[] = [], formVars: { minutes: number } | null = null, formError: string | null = null) {
  return { state: "form" as const, values, errors, organizations, formVars, formError };
}

export async function action(args: Route.ActionArgs) {
  const input = await parseForm(args.request, schema);
  const values: Values = {
    givenName: shownValue(input.values, "givenName", 100),
    familyName: shownValue(input.values, "familyName", 100),
    email: shownValue(input.values, "email"),
    organizationId: shownValue(input.values, "organizationId", 64),
  };
  if (!input.ok) return data(form(values, shownErrors(input.errors)), { status: 400 });
  const submission = submissionOf(input.values, "signup", null);
  if (!submission) return data(form(values, null, [], null, "form.expired"), { status: 400 });
  const { password, ...fields } = input.data;
  // Counted first and on its own: a sign-up that fails below stays counted.
  const verdict = await registerSignUpAttempt(args.context, {
    email: fields.email,
    submissionKey: submission.key,
    fields: [fields.givenName, fields.familyName, fields.organizationId],
  });
  if (!verdict.allowed) return data(form(values, null, [], { minutes: verdict.retryAfterMinutes }), { status: 429 });
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const result = await signUp(
      { ...args.context, db: tx },
      { ...fields, password, organizationId: fields.organizationId || null, locale: resolveLocale(args.request), publicUrl: args.context.config.publicUrl },
    );
    return result.kind === "check_email" ? created("/signup?sent=1") : refused(result);
  });
  if (outcome.created) {
    args.context.notifyJobs();
    return redirect(outcome.location);
  }
  const result = outcome.refused;
  switch (result.kind) {
    case "no_organization":
      return data(form(values, { email: ["identity.signup.noOrganization"] }), { status: 400 });
    case "choose_organization":
      return data(
        form(values, { organizationId: ["identity.signup.chooseOrganization"], password: ["identity.signup.reenterPassword"] }, result.organizations),
        { status: 400 },
      );
    case "password":
      return data(form(values, { password: [result.error] }), { status: 400 });
  }
}

export default function Signup({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  if (loaderData.sent && !actionData) {
    return (
      <>
        <h1>{t("identity.signup.sentTitle")}</h1>
        <p>{t("identity.signup.sent")}</p>
        <p>{t("identity.signup.afterConfirm")}</p>
      </>
    );
  }
  const view = (actionData ?? form({ givenName: "", familyName: "", email: "", organizationId: "" }, null)) as SignupView;
  const { values, errors, organizations } = view;
  return (
    <>
      <h1>{t("identity.signup.title")}</h1>
      <p>{t("identity.signup.intro")}</p>
      {errors ? <FormAlert message="form.errors" /> : <FormAlert message={view.formError} />}
      {view.formVars ? <FormAlert message="identity.throttled" vars={view.formVars} /> : null}
      <Form method="post" className="stack" noValidate>
        <SubmissionKey />
        <Field name="givenName" label={t("identity.signup.givenName")} autoComplete="given-name" required defaultValue={values.givenName} errors={errors} />
        <Field name="familyName" label={t("identity.signup.familyName")} autoComplete="family-name" required defaultValue={values.familyName} errors={errors} />
        <Field
          name="email"
          type="email"
          label={t("identity.signup.email")}
          hint={t("identity.signup.emailHint")}
          autoComplete="email"
          required
          defaultValue={values.email}
          errors={errors}
        />
        {organizations.length ? (
          <SelectField
            name="organizationId"
            label={t("identity.signup.organization")}
            required
            defaultValue={values.organizationId}
            errors={errors}
            options={organizations.map((o) => ({
              value: o.id,
              label: `${locale === "en" ? o.nameEn : o.nameFr}${o.acronym ? ` (${o.acronym})` : ""}`,
            }))}
          />
        ) : null}
        <Field
          name="password"
          type="password"
          label={t("identity.login.password")}
          hint={t("identity.password.hint")}
          autoComplete="new-password"
          required
          errors={errors}
        />
        <p className="actions">
          <button type="submit">{t("identity.signup.submit")}</button>
        </p>
      </Form>
      <p>
        <Link to="/login">{t("identity.signup.haveAccount")}</Link>
      </p>
    </>
  );
}
