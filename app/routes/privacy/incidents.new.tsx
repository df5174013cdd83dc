import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/incidents.new";
import { ErrorSummary } from "../../components/form.tsx";
import { IncidentFields } from "../../components/privacy/incident-fields.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { registerNames } from "../../modules/privacy/list-incidents.server.ts";
import { privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { incidentSchema } from "../../modules/privacy/privacy-schema.ts";
import { createIncident } from "../../modules/privacy/save-incident.server.ts";

/** The officer records a confidentiality incident in their register (status "reported"). */
export const policy = needs("privacy.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.incidents.new");

export async function loader(args: Route.LoaderArgs) {
  const { access } = await privacyGuard(args, policy);
  const registers = await registerNames(args.context.db, access);
  return { registers };
}

export async function action(args: Route.ActionArgs) {
  const { user, access } = await privacyGuard(args, policy);
  const input = await parseForm(args.request, incidentSchema);
  const outcome = input.ok
    ? await createOnce(
        args.context.db,
        submissionOf(input.values, "privacy.incidents.new", user.accountId),
        (tx) => createIncident(tx, actorOf(user, args.context), access, input.data),
        (id) => `/privacy/incidents/${id}?saved=created`,
      )
    : invalidFields(input.errors, "form.errors");
  return respond(outcome, (location) => redirect(location), { body: { values: input.values } });
}

export default function NewIncident({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const registers = loaderData.registers.map((r) => ({ id: r.id, name: locale === "en" ? r.nameEn : r.nameFr }));
  return (
    <>
      <p>
        <Link to="/privacy/incidents">{t("privacy.incidents.back")}</Link>
      </p>
      <h1>{t("privacy.incidents.new")}</h1>
      <Form method="post" className="stack">
        <SubmissionKey />
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <IncidentFields values={actionData?.values ?? {}} errors={actionData?.errors} registers={registers} />
        <div className="actions">
          <button type="submit">{t("privacy.incidents.new")}</button>
        </div>
      </Form>
    </>
  );
}
