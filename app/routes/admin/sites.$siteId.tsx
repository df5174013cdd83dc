import { redirect } from "react-router";
import type { Route } from "./+types/sites.$siteId";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SiteForm } from "../../components/admin-site-form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { isUuid, versionField } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { getSite } from "../../modules/governance/get-site.server.ts";
import { updateSite } from "../../modules/governance/save-site.server.ts";
import { siteSchema } from "../../modules/governance/site-schema.ts";
import { refreshDirectorySearchText } from "../../modules/directory/search-text.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

export const policy = needs("site.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.site.pageTitle");

/** The site, authorized against its own organization (a pivot coordinator manages only theirs). */
async function load(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const siteId = args.params.siteId;
  if (!isUuid(siteId)) notFound();
  const site = await getSite(args.context.db, { partnershipId, siteId });
  if (!site) notFound();
  await authorize(args, user, "site.manage", { partnershipId: site.partnershipId, organizationId: site.organizationId });
  return { user, partnershipId, site };
}

export async function loader(args: Route.LoaderArgs) {
  const { site } = await load(args);
  return { site };
}

const editSchema = siteSchema.extend({ version: versionField });

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, site } = await load(args);
  const input = await parseForm(args.request, editSchema);
  if (!input.ok) return input.reply;
  const result = await updateSite(args.context.db, actorOf(user, args.context), { ...input.data, partnershipId, siteId: site.id }, refreshDirectorySearchText);
  // A name another site of the organization has: 400 on the name field.
  return respond(result, () => redirect(`/admin/sites/${site.id}?saved=1`), { body: { values: input.values }, conflict: { values: undefined } });
}

export default function SitePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { site } = loaderData;
  const organization = { nameFr: site.organizationNameFr, nameEn: site.organizationNameEn };
  return (
    <>
      <AdminBreadcrumb trail={[{ to: `/admin/organizations/${site.organizationId}`, label: localName(locale, organization) }]} />
      <h1>{site.name}</h1>
      <SavedNotice />
      <SiteForm
        key={site.version}
        values={actionData?.values ?? site}
        errors={actionData?.errors}
        formError={actionData?.formError}
        version={site.version}
        submitLabel={t("form.save")}
      />
    </>
  );
}
