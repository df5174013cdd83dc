import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/incidents.$incidentId.edit";
import { ErrorSummary } from "../../components/form.tsx";
import { IncidentFields } from "../../components/privacy/incident-fields.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { incidentEditSchema } from "../../modules/privacy/privacy-schema.ts";
import { loadIncident, updateIncident } from "../../modules/privacy/save-incident.server.ts";

/** The officer edits the register's items of an incident (its register and status stay). */
export const policy = needs("privacy.manage");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "privacy.incidents.edit", undefined, d?.incident.title);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const guarded = await privacyGuard(args, policy);
  const id = args.params.incidentId;
  if (!isUuid(id)) notFound();
  const incident = await loadIncident(args.context.db, guarded.access, id.toLowerCase());
  if (!incident) notFound();
  return { ...guarded, incident };
}

export async function loader(args: Route.LoaderArgs) {
  const { incident } = await scoped(args);
  return { incident };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, access, incident } = await scoped(args);
  const input = await parseForm(args.request, incidentEditSchema);
  if (!input.ok) return respond(invalidFields(input.errors, "form.errors"), () => null, { body: { values: input.values } });
  const { version, ...fields } = input.data;
  const outcome = map(await updateIncident(args.context.db, actorOf(user, args.context), access, incident.id, version, { ...fields, register: "" }), () => `/privacy/incidents/${incident.id}?saved=updated`);
  return respond(outcome, (location) => redirect(location), { body: { values: input.values }, conflict: { values: undefined } });
}

export default function EditIncident({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { incident } = loaderData;
  return (
    <>
      <p>
        <Link to={`/privacy/incidents/${incident.id}`}>{incident.title}</Link>
      </p>
      <h1>{t("privacy.incidents.edit")}</h1>
      {/* Keyed by version: after a 409 the fields show the current incident. */}
      <Form method="post" className="stack" key={incident.version}>
        <input type="hidden" name="version" value={incident.version} />
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <IncidentFields values={actionData?.values ?? incident} errors={actionData?.errors} />
        <div className="actions">
          <button type="submit">{t("privacy.save")}</button>
        </div>
      </Form>
    </>
  );
}
