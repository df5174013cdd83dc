import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/incidents.from.$sourceType.$sourceId";
import { ErrorSummary } from "../../components/form.tsx";
import { IncidentFields } from "../../components/privacy/incident-fields.tsx";
import { RedactParts } from "../../components/privacy/redact-parts.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { registerNames } from "../../modules/privacy/list-incidents.server.ts";
import { privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { sourceIncidentSchema } from "../../modules/privacy/privacy-schema.ts";
import { loadSource, openIncidentFromSource, redactableSources, type RedactableSource } from "../../modules/privacy/redact-source.server.ts";

/**
 * Opens a confidentiality incident from a consultation or a network post (issue 15 §1) and
 * redacts the offending text: for the officer whose register covers the source; anyone else, and
 * another Table's source, 404.
 */
export const policy = needs("privacy.redact");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.fromSource.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const guarded = await privacyGuard(args, policy);
  const { sourceType, sourceId } = args.params;
  if (!(redactableSources as readonly string[]).includes(sourceType) || !isUuid(sourceId)) notFound();
  const source = await loadSource(args.context.db, guarded.access, sourceType as RedactableSource, sourceId.toLowerCase());
  if (!source) notFound();
  return { ...guarded, source };
}

export async function loader(args: Route.LoaderArgs) {
  const { access, source } = await scoped(args);
  return { source, registers: await registerNames(args.context.db, access) };
}

export async function action(args: Route.ActionArgs) {
  const { user, access, source } = await scoped(args);
  const input = await parseForm(args.request, sourceIncidentSchema, { arrays: ["redact"] });
  const outcome = input.ok
    ? await createOnce(
        args.context.db,
        submissionOf(input.values, `privacy.incidents.from.${source.id}`, user.accountId),
        (tx) => {
          const { redact, ...incident } = input.data;
          return openIncidentFromSource(tx, actorOf(user, args.context), access, source, incident, redact);
        },
        (id) => `/privacy/incidents/${id}?saved=created`,
      )
    : invalidFields(input.errors, "form.errors");
  return respond(outcome, (location) => redirect(location), { body: { values: input.values } });
}

export default function IncidentFromSource({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { source } = loaderData;
  const registers = loaderData.registers.map((r) => ({ id: r.id, name: locale === "en" ? r.nameEn : r.nameFr }));
  return (
    <>
      <p>
        <Link to="/privacy/incidents">{t("privacy.incidents.back")}</Link>
      </p>
      <h1>{t("privacy.fromSource.title")}</h1>
      <p>{t(source.type === "consultation" ? "privacy.fromSource.consultation" : "privacy.fromSource.post")}</p>
      <Form method="post" className="stack">
        <SubmissionKey />
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <RedactParts parts={source.parts} />
        <IncidentFields values={actionData?.values ?? {}} errors={actionData?.errors} registers={registers} />
        <div className="actions">
          <button type="submit">{t("privacy.fromSource.submit")}</button>
        </div>
      </Form>
    </>
  );
}
