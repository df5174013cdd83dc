import { redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/organizations.$organizationId";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { languageValues } from "../../components/admin-fields.tsx";
import { OrganizationForm } from "../../components/admin-organization-form.tsx";
import { OrganizationPeople, OrganizationProfile, OrganizationSites } from "../../components/admin-organization-profile.tsx";
import { useT } from "../../i18n/use-t.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { isUuid, versionField } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { getOrganization } from "../../modules/governance/get-organization.server.ts";
import { getOrganizationRef } from "../../modules/governance/get-site.server.ts";
import { organizationSchema } from "../../modules/governance/organization-schema.ts";
import { updateOrganization } from "../../modules/governance/save-organization.server.ts";
import { refreshDirectorySearchText } from "../../modules/directory/search-text.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/**
 * Readable by whoever manages the organization's sites (its pivot coordinator included);
 * the profile is edited under "organization.manage", checked again on the record.
 */
export const policy = needs("site.manage");

export const meta: Route.MetaFunction = ({ matches, data }) => adminTitle(matches, "admin.organization.pageTitle", { name: data?.organization });

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationId = args.params.organizationId;
  if (!isUuid(organizationId)) notFound();
  await authorize(args, user, "site.manage", { partnershipId, organizationId });
  const detail = await getOrganization(args.context.db, { partnershipId, organizationId });
  if (!detail) notFound();
  return { ...detail, canEdit: can(user.roles, "organization.manage", { partnershipId, organizationId }) };
}

// The version comes with the profile; checked against the row in the same UPDATE.
const editSchema = organizationSchema.and(z.object({ version: versionField }));

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationId = args.params.organizationId;
  if (!isUuid(organizationId)) notFound();
  await authorize(args, user, "organization.manage", { partnershipId, organizationId });
  if (!(await getOrganizationRef(args.context.db, { partnershipId, organizationId }))) notFound();
  const input = await parseForm(args.request, editSchema, { arrays: ["languages"] });
  if (!input.ok) return input.reply;
  const result = await updateOrganization(args.context.db, actorOf(user, args.context), {
    ...input.data,
    partnershipId,
    organizationId: organizationId.toLowerCase(),
  }, refreshDirectorySearchText);
  return respond(result, () => redirect(`/admin/organizations/${organizationId}?saved=1`), { conflict: { values: undefined } });
}

export default function OrganizationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { organization: org, sites, people, canEdit } = loaderData;
  const initial = {
    type: org.type,
    nameFr: org.nameFr,
    nameEn: org.nameEn,
    acronym: org.acronym,
    mission: org.mission,
    mandate: org.mandate,
    culture: org.culture,
    services: org.services,
    territory: org.territory,
    website: org.website,
    phone: org.phone,
    ...languageValues(org.languages),
    emailDomains: org.emailDomains.join(", "),
    joinedOn: org.joinedOn ?? "",
    leftOn: org.leftOn ?? "",
  };
  return (
    <>
      <AdminBreadcrumb trail={canEdit ? [{ to: "/admin/organizations", label: t("admin.organizations.title") }] : []} />
      <h1>
        {localName(locale, org)}
        {org.acronym ? <span className="muted"> ({org.acronym})</span> : null}
      </h1>
      <p>
        <span className="badge">{t(`orgType.${org.type}`)}</span>
      </p>
      <SavedNotice />
      {canEdit ? (
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t("admin.organization.editProfile")}</h2>
          <OrganizationForm
            key={org.version}
            values={actionData?.values ?? initial}
            errors={actionData?.errors}
            formError={actionData?.formError}
            version={org.version}
            submitLabel={t("form.save")}
          />
        </section>
      ) : (
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t("admin.organization.profile")}</h2>
          <OrganizationProfile organization={org} />
        </section>
      )}
      <OrganizationSites sites={sites} organizationId={org.id} />
      <OrganizationPeople people={people} />
    </>
  );
}
