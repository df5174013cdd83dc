import { data, redirect } from "react-router";
import type { Route } from "./+types/admin.organizations.$organizationId.sites.new";
import { AdminBreadcrumb, adminTitle, localName } from "../components/admin-common.tsx";
import { SiteForm } from "../components/admin-site-form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { requireTableUser } from "../modules/governance/admin-access.server.ts";
import { fieldErrors, formValues, isUuid } from "../modules/forms/fields.ts";
import { getOrganizationRef } from "../modules/governance/get-site.server.ts";
import { createSite } from "../modules/governance/save-site.server.ts";
import { siteSchema } from "../modules/governance/site-schema.ts";

export const policy = needs("site.manage");

export const meta: Route.MetaFunction = ({ matches, data }) => adminTitle(matches, "admin.sites.new", { name: data?.organization });

async function load(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationId = args.params.organizationId;
  if (!isUuid(organizationId)) notFound();
  await authorize(args, user, "site.manage", { partnershipId, organizationId });
  const organization = await getOrganizationRef(args.context.db, { partnershipId, organizationId });
  if (!organization) notFound();
  return { user, partnershipId, organization };
}

export async function loader(args: Route.LoaderArgs) {
  const { organization } = await load(args);
  return { organization };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, organization } = await load(args);
  const values = formValues(await args.request.formData());
  const parsed = siteSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createSite(args.context.db, actorOf(user, args.context), {
    ...parsed.data,
    partnershipId,
    organizationId: organization.id,
  });
  if (!result.ok && result.error === "not_found") notFound();
  if (!result.ok) return data({ errors: { name: ["admin.site.nameTaken"] }, values }, { status: 400 });
  return redirect(`/admin/sites/${result.id}?saved=1`);
}

export default function NewSite({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { organization } = loaderData;
  return (
    <>
      <AdminBreadcrumb trail={[{ to: `/admin/organizations/${organization.id}`, label: localName(locale, organization) }]} />
      <h1>{t("admin.sites.newIn", { organization: localName(locale, organization) })}</h1>
      <SiteForm values={actionData?.values} errors={actionData?.errors} submitLabel={t("admin.sites.create")} />
    </>
  );
}
