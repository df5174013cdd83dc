import { data, redirect } from "react-router";
import type { Route } from "./+types/admin.organizations.new";
import { AdminBreadcrumb, adminTitle } from "../components/admin-common.tsx";
import { OrganizationForm } from "../components/admin-organization-form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { requireTableUser } from "../modules/governance/admin-access.server.ts";
import { fieldErrors, formValues, isUuid } from "../modules/forms/fields.ts";
import { organizationSchema } from "../modules/governance/organization-schema.ts";
import { createOrganization } from "../modules/governance/save-organization.server.ts";

export const policy = needs("organization.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.organizations.new");

export async function loader(args: Route.LoaderArgs) {
  await requireTableUser(args, policy);
  // The form's id becomes the record's id: submitting twice cannot create two organizations.
  return { formId: crypto.randomUUID() };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const values = formValues(await args.request.formData(), ["languages"]);
  if (!isUuid(values.formId)) notFound();
  const parsed = organizationSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const created = await createOrganization(args.context.db, actorOf(user, args.context), {
    ...parsed.data,
    partnershipId,
    formId: values.formId.toLowerCase(),
  });
  if (!created) notFound();
  return redirect(`/admin/organizations/${created.id}?saved=1`);
}

export default function NewOrganization({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/organizations", label: t("admin.organizations.title") }]} />
      <h1>{t("admin.organizations.new")}</h1>
      <OrganizationForm
        values={actionData?.values ?? { languages: ["fr"] }}
        errors={actionData?.errors}
        formId={typeof actionData?.values.formId === "string" ? actionData.values.formId : loaderData.formId}
        submitLabel={t("admin.organizations.create")}
      />
    </>
  );
}
