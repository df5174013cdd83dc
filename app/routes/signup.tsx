import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/signup";
import { Field, SelectField, type FieldErrors } from "../components/form.tsx";
import { resolveLocale } from "../i18n/locale.server.ts";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { guard } from "../modules/authz/guard.server.ts";
import { publicRoute } from "../modules/authz/policy.ts";
import { fieldErrors, readForm } from "../modules/identity/route-helpers.server.ts";
import { signUp, type SignupOrganization } from "../modules/identity/sign-up.server.ts";
import { FormAlert } from "../modules/identity/ui/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "identity.signup.title");

export const policy = publicRoute;

const name = z.string().trim().min(1, "form.required").max(100, "form.invalid");
const schema = z.object({
  givenName: name,
  familyName: name,
  email: z.string().trim().toLowerCase().pipe(z.email("identity.form.emailInvalid")),
  organizationId: z.string().max(64).optional(),
  password: z.string().min(1, "form.required").max(1024, "identity.password.tooLong"),
});

export async function loader(args: Route.LoaderArgs) {
  if (await guard(args, policy)) throw redirect("/");
  return null;
}

type Values = { givenName: string; familyName: string; email: string; organizationId: string };
type SignupView =
  | { state: "sent"; email: string }
  | { state: "form"; values: Values; errors: FieldErrors | null; formVars: { minutes: number } | null; organizations: SignupOrganization[] };

function form(values: Values, errors: FieldErrors | null, organizations: SignupOrganization[] = [], formVars: { minutes: number } | null = null) {
  return { state: "form" as const, values, errors, organizations, formVars };
}

export async function action(args: Route.ActionArgs) {
  const raw = await readForm(args.request);
  const values: Values = {
    givenName: (raw.givenName ?? "").slice(0, 100),
    familyName: (raw.familyName ?? "").slice(0, 100),
    email: (raw.email ?? "").slice(0, 320),
    organizationId: (raw.organizationId ?? "").slice(0, 64),
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return data(form(values, fieldErrors(parsed.error)), { status: 400 });
  const result = await signUp(args.context, {
    ...parsed.data,
    locale: resolveLocale(args.request),
    publicUrl: args.context.config.publicUrl,
  });
  switch (result.kind) {
    case "check_email":
      args.context.notifyJobs();
      return data({ state: "sent" as const, email: parsed.data.email });
    case "no_organization":
      return data(form(values, { email: ["identity.signup.noOrganization"] }), { status: 400 });
    case "choose_organization":
      return data(
        form(values, { organizationId: ["identity.signup.chooseOrganization"], password: ["identity.signup.reenterPassword"] }, result.organizations),
        { status: 400 },
      );
    case "password":
      return data(form(values, { password: [result.error] }), { status: 400 });
    case "throttled":
      return data(form(values, null, [], { minutes: result.retryAfterMinutes }), { status: 429 });
  }
}

export default function Signup({ actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const view = (actionData ?? form({ givenName: "", familyName: "", email: "", organizationId: "" }, null)) as SignupView;
  if (view.state === "sent") {
    return (
      <>
        <h1>{t("identity.signup.sentTitle")}</h1>
        <p>{t("identity.signup.sent", { email: view.email })}</p>
        <p>{t("identity.signup.afterConfirm")}</p>
      </>
    );
  }
  const { values, errors, organizations } = view;
  return (
    <>
      <h1>{t("identity.signup.title")}</h1>
      <p>{t("identity.signup.intro")}</p>
      {errors ? <FormAlert message="form.errors" /> : null}
      {view.formVars ? <FormAlert message="identity.throttled" vars={view.formVars} /> : null}
      <Form method="post" className="stack" noValidate>
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
