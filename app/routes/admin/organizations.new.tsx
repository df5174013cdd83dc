import { redirect } from "react-router";
import type { Route } from "./+types/organizations.new";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { OrganizationForm } from "../../components/admin-organization-form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { organizationSchema } from "../../modules/governance/organization-schema.ts";
import { createOrganization } from "../../modules/governance/save-organization.server.ts";

export const policy = needs("organization.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.organizations.new");

export async function loader(args: Route.LoaderArgs) {
  await requireTableUser(args, policy);
  return null;
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const input = await parseForm(args.request, organizationSchema, { arrays: ["languages"] });
  if (!input.ok) return input.reply;
  // The submission key (SubmissionKey in the form): submitting twice cannot create two organizations.
  const submission = submissionOf(input.values, "admin.organizations.new", user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const organization = await createOrganization(tx, actorOf(user, args.context), { ...input.data, partnershipId, formId: crypto.randomUUID() });
    return organization ? created(`/admin/organizations/${organization.id}?saved=1`) : refused(null);
  });
  if (!outcome.created) notFound();
  return redirect(outcome.location);
}

export default function NewOrganization({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/organizations", label: t("admin.organizations.title") }]} />
      <h1>{t("admin.organizations.new")}</h1>
      <OrganizationForm
        values={actionData?.values ?? { languages: ["fr"] }}
        errors={actionData?.errors}
        formError={actionData?.formError}
        submitLabel={t("admin.organizations.create")}
      />
    </>
  );
}
