import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/mfa.setup";
import { Field, type FieldErrors } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { actorOf, guard } from "../../modules/authz/guard.server.ts";
import { authenticated } from "../../modules/authz/policy.ts";
import type { CurrentUser } from "../../modules/identity/current-user.server.ts";
import { confirmEnrollment, reopenEnrollment, startEnrollment, type Enrollment } from "../../modules/identity/mfa.server.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { FormAlert, RecoveryCodes } from "../../components/identity/identity-ui.tsx";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "identity.mfa.setup.title");

export const policy = authenticated;

const text = (max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max));
// The sealed enrollment is ours (iv.tag.data, base64url); the code is checked by confirmEnrollment.
const schema = z.object({ sealed: text(2000).pipe(z.string().regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)), code: text(20) });

type SetupView =
  | { state: "enabled" }
  | { state: "done"; recoveryCodes: string[] }
  | (ReturnType<typeof enrollView> & { error?: string });

function enrollView(enrollment: Enrollment, user: CurrentUser, demoMode: boolean) {
  return {
    state: "enroll" as const,
    secret: enrollment.secret,
    uri: enrollment.uri,
    qrDataUrl: enrollment.qrDataUrl,
    sealed: enrollment.sealed,
    required: user.mfaRequired && !demoMode,
  };
}

export async function loader(args: Route.LoaderArgs) {
  const user = (await guard(args, policy))!;
  if (user.mfaEnabled) return { state: "enabled" as const };
  // Nothing is written yet: the new secret travels sealed in the form until it is confirmed.
  return enrollView(startEnrollment(args.context.config, { accountId: user.accountId, email: user.email }), user, args.context.demoMode);
}

export async function action(args: Route.ActionArgs) {
  const user = (await guard(args, policy))!;
  if (user.mfaEnabled) return { state: "enabled" as const };
  // Anything malformed (NUL, repeated fields, not our sealed value) answers like an expired page.
  const input = await parseForm(args.request, schema);
  const sealed = input.ok ? input.data.sealed : "";
  const result = await confirmEnrollment(args.context, actorOf(user, args.context), {
    accountId: user.accountId,
    email: user.email,
    sealed,
    code: input.ok ? input.data.code : "",
    sessionIdHash: user.sessionIdHash,
  });
  if (result.ok) return { state: "done" as const, recoveryCodes: result.recoveryCodes };
  if (result.error === "identity.mfa.setup.alreadyEnabled") return { state: "enabled" as const };
  const enrollment =
    reopenEnrollment(args.context.config, { accountId: user.accountId, email: user.email, sealed }) ??
    startEnrollment(args.context.config, { accountId: user.accountId, email: user.email });
  return data(
    { ...enrollView(enrollment, user, args.context.demoMode), error: result.error },
    { status: 400 },
  );
}

export default function MfaSetup({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const view = (actionData ?? loaderData) as SetupView;
  if (view.state === "done") {
    return (
      <>
        <h1>{t("identity.mfa.setup.title")}</h1>
        <FormAlert message="identity.mfa.setup.done" tone="success" />
        <RecoveryCodes codes={view.recoveryCodes} />
        <p className="actions">
          <Link className="button" to="/">
            {t("identity.mfa.recovery.continue")}
          </Link>
        </p>
      </>
    );
  }
  if (view.state === "enabled") {
    return (
      <>
        <h1>{t("identity.mfa.setup.title")}</h1>
        <p>{t("identity.mfa.setup.alreadyEnabled")}</p>
        <p>
          <Link to="/profile">{t("identity.mfa.setup.manage")}</Link>
        </p>
      </>
    );
  }
  const error = view.error ?? null;
  const errors: FieldErrors | null = error === "identity.mfa.invalidCode" ? { code: [error] } : null;
  return (
    <>
      <h1>{t("identity.mfa.setup.title")}</h1>
      {view.required ? <FormAlert message="identity.mfa.setup.required" tone="warning" /> : null}
      {error ? <FormAlert message={error === "identity.mfa.invalidCode" ? "form.errors" : error} /> : null}
      <p>{t("identity.mfa.setup.intro")}</p>
      <ol className="stack">
        <li>
          <p>{t("identity.mfa.setup.step1")}</p>
          <img src={view.qrDataUrl} alt={t("identity.mfa.setup.qrAlt")} width={220} height={220} className="qr-code" />
          <p>
            {t("identity.mfa.setup.manual")} <code id="mfa-secret" className="mfa-secret">{view.secret}</code>
          </p>
        </li>
        <li>
          <p>{t("identity.mfa.setup.step2")}</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="sealed" value={view.sealed} />
            <Field
              name="code"
              label={t("identity.mfa.setup.code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              errors={errors}
            />
            <p className="actions">
              <button type="submit">{t("identity.mfa.setup.submit")}</button>
            </p>
          </Form>
        </li>
      </ol>
    </>
  );
}
