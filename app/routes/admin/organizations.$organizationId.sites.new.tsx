import { data, redirect } from "react-router";
import type { Route } from "./+types/organizations.$organizationId.sites.new";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { SiteForm } from "../../components/admin-site-form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { getOrganizationRef } from "../../modules/governance/get-site.server.ts";
import { createSite } from "../../modules/governance/save-site.server.ts";
import { siteSchema } from "../../modules/governance/site-schema.ts";

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
  const input = await parseForm(args.request, siteSchema);
  if (!input.ok) return input.reply;
  const submission = submissionOf(input.values, "admin.organizations.$organizationId.sites.new", user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const result = await createSite(tx, actorOf(user, args.context), { ...input.data, partnershipId, organizationId: organization.id });
    return result.ok ? created(`/admin/sites/${result.id}?saved=1`) : refused(result.error);
  });
  if (outcome.created) return redirect(outcome.location);
  if (outcome.refused === "not_found") notFound();
  return data({ errors: { name: ["admin.site.nameTaken"] }, values: input.values, formError: "form.errors" }, { status: 400 });
}

export default function NewSite({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { organization } = loaderData;
  return (
    <>
      <AdminBreadcrumb trail={[{ to: `/admin/organizations/${organization.id}`, label: localName(locale, organization) }]} />
      <h1>{t("admin.sites.newIn", { organization: localName(locale, organization) })}</h1>
      <SiteForm values={actionData?.values} errors={actionData?.errors} formError={actionData?.formError} submitLabel={t("admin.sites.create")} />
    </>
  );
}
