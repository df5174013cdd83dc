import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/$organizationId.edit";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { idParam, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { findPartnerOrganization } from "../../modules/partners/partner-organization.server.ts";
import { profileFormSchema } from "../../modules/partners/partners-schema.ts";
import { savePartnerProfile } from "../../modules/partners/save-profile.server.ts";
import { useOrgName } from "../../components/partners/partners-ui.tsx";
import { respond } from "../../modules/outcome/respond.server.ts";

/** Edit a partner profile: the Table coordinator, or the organization's own delegate / pivot coordinator. */
export const policy = needs("partner.profile.edit");

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(matches, "partners.profile.edit", undefined, data?.organization.nameFr);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const organizationId = idParam(args, "organizationId");
  const organization = await findPartnerOrganization(args.context.db, partnershipId, organizationId);
  if (!organization) notFound();
  // Another organization's profile answers exactly like a missing one (audited denial).
  await authorize(args, user, "partner.profile.edit", { partnershipId, organizationId });
  return { user, partnershipId, organization };
}

export async function loader(args: Route.LoaderArgs) {
  const { organization } = await scoped(args);
  return { organization };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, organization } = await scoped(args);
  const input = await parseForm(args.request, profileFormSchema);
  if (!input.ok) return input.reply;
  const { version, ...profile } = input.data;
  const result = await savePartnerProfile(args.context.db, actorOf(user, args.context), { partnershipId, organizationId: organization.id }, version, profile);
  // After a conflict the current text is shown again (the loader reruns), not the stale one typed.
  return respond(result, () => redirect(`/partners/${organization.id}?saved=1`), { conflict: { values: undefined } });
}

export default function EditPartnerProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const orgName = useOrgName();
  const o = loaderData.organization;
  const v = actionData && "values" in actionData ? actionData.values : undefined;
  const value = (k: "mission" | "mandate" | "culture" | "services" | "territory") => (v ? String(v[k] ?? "") : o[k]);
  return (
    <>
      <p>
        <Link to={`/partners/${o.id}`}>{orgName(o)}</Link>
      </p>
      <h1>{t("partners.edit.title", { name: orgName(o) })}</h1>
      <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
      {/* Keyed by version: after a 409 the fields show the current text, not the stale one. */}
      <Form method="post" noValidate key={o.version}>
        <input type="hidden" name="version" value={o.version} />
        <Field name="mission" label={t("partners.profile.mission")} multiline defaultValue={value("mission")} errors={actionData?.errors} />
        <Field name="mandate" label={t("partners.profile.mandate")} multiline defaultValue={value("mandate")} errors={actionData?.errors} />
        <Field name="culture" label={t("partners.profile.culture")} multiline defaultValue={value("culture")} errors={actionData?.errors} />
        <Field name="services" label={t("partners.profile.services")} multiline defaultValue={value("services")} errors={actionData?.errors} />
        <Field name="territory" label={t("partners.profile.territory")} hint={t("partners.edit.territoryHint")} defaultValue={value("territory")} errors={actionData?.errors} />
        <button type="submit">{t("partners.edit.save")}</button>
      </Form>
    </>
  );
}
