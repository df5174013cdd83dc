import { redirect } from "react-router";
import type { Route } from "./+types/identity-providers.new";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { IdentityProviderForm } from "../../components/sso/identity-provider-form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { invalidReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { listOrganizations } from "../../modules/governance/list-organizations.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { createIdentityProvider } from "../../modules/sso/manage-identity-providers.server.ts";
import { newProviderSchema } from "../../modules/sso/provider-schema.ts";

export const policy = needs("identity_provider.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "sso.providers.new");

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId } = await requireTableUser(args, policy);
  const organizations = await listOrganizations(args.context.db, { partnershipId });
  return { organizations: organizations.map((o) => ({ id: o.id, nameFr: o.nameFr, nameEn: o.nameEn })) };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const input = await parseForm(args.request, newProviderSchema);
  // The secret is never sent back to the page.
  const shown = (values: Record<string, string | string[] | undefined>) => ({ ...values, clientSecret: undefined });
  if (!input.ok) return invalidReply(input.errors, shown(input.values));
  const outcome = await createOnce(
    args.context.db,
    submissionOf(input.values, "admin.identity-providers.new", user.accountId),
    (tx) => createIdentityProvider(tx, args.context.config, actorOf(user, args.context), { ...input.data, partnershipId }),
    (created) => `/admin/identity-providers/${created.id}?saved=1`,
  );
  return respond(outcome, (location) => redirect(location), { body: { values: shown(input.values) } });
}

export default function NewIdentityProvider({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const reply = actionData as { values?: Record<string, string>; errors?: Record<string, string[]>; formError?: string } | undefined;
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/identity-providers", label: t("sso.providers.title") }]} />
      <h1>{t("sso.providers.new")}</h1>
      <IdentityProviderForm
        organizations={loaderData.organizations}
        values={reply?.values ?? { enabled: "on", roleClaim: "groups" }}
        errors={reply?.errors}
        formError={reply?.formError}
        submitLabel={t("sso.providers.create")}
      />
    </>
  );
}
