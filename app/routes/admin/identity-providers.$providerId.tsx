import { redirect } from "react-router";
import type { Route } from "./+types/identity-providers.$providerId";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { IdentityProviderForm } from "../../components/sso/identity-provider-form.tsx";
import { localName } from "../../i18n/names.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { invalidReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { listOrganizations } from "../../modules/governance/list-organizations.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { getIdentityProvider, updateIdentityProvider } from "../../modules/sso/manage-identity-providers.server.ts";
import { editProviderVersionedSchema } from "../../modules/sso/provider-schema.ts";
import { formatRoleMappings } from "../../modules/sso/role-mappings-format.ts";
import { callbackUrl } from "../../modules/sso/sso-sign-in.server.ts";
import { POST_LOGOUT_PATH } from "../../modules/sso/sso-logout.server.ts";

export const policy = needs("identity_provider.manage");

export const meta: Route.MetaFunction = ({ matches, data }) =>
  adminTitle(matches, "sso.provider.pageTitle", { name: data ? { nameFr: data.provider.organizationNameFr, nameEn: data.provider.organizationNameEn } : null });

export const shouldRevalidate = revalidateAfterConflict;

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId } = await requireTableUser(args, policy);
  const providerId = args.params.providerId;
  if (!isUuid(providerId)) notFound();
  const provider = await getIdentityProvider(args.context.db, { partnershipId, providerId: providerId.toLowerCase() });
  if (!provider) notFound();
  const organizations = await listOrganizations(args.context.db, { partnershipId });
  return {
    provider,
    organizations: organizations.map((o) => ({ id: o.id, nameFr: o.nameFr, nameEn: o.nameEn })),
    redirectUri: callbackUrl(args.context.config.publicUrl),
    postLogoutUri: `${args.context.config.publicUrl}${POST_LOGOUT_PATH}`,
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const providerId = args.params.providerId;
  if (!isUuid(providerId)) notFound();
  const input = await parseForm(args.request, editProviderVersionedSchema);
  const shown = (values: Record<string, string | string[] | undefined>) => ({ ...values, clientSecret: undefined });
  if (!input.ok) return invalidReply(input.errors, shown(input.values));
  const outcome = await updateIdentityProvider(args.context.db, args.context.config, actorOf(user, args.context), {
    ...input.data,
    partnershipId,
    providerId: providerId.toLowerCase(),
  });
  return respond(outcome, () => redirect(`/admin/identity-providers/${providerId}?saved=1`), { body: { values: shown(input.values) }, conflict: { values: undefined } });
}

export default function IdentityProviderPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { provider, organizations, redirectUri, postLogoutUri } = loaderData;
  const reply = actionData as { values?: Record<string, string>; errors?: Record<string, string[]>; formError?: string } | undefined;
  const initial = {
    organizationId: provider.organizationId,
    issuer: provider.issuer,
    clientId: provider.clientId,
    emailDomains: provider.emailDomains.join(", "),
    roleClaim: provider.roleClaim,
    roleMappings: formatRoleMappings(provider.roleMappings),
    defaultRole: provider.defaultRole ?? "",
    autoCreate: provider.autoCreate ? "on" : "",
    ssoOnly: provider.ssoOnly ? "on" : "",
    enabled: provider.enabled ? "on" : "",
  };
  const name = localName(locale, { nameFr: provider.organizationNameFr, nameEn: provider.organizationNameEn });
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/identity-providers", label: t("sso.providers.title") }]} />
      <h1>{t("sso.provider.heading", { organization: name })}</h1>
      <SavedNotice />
      <section aria-labelledby="registration-heading" className="card">
        <h2 id="registration-heading">{t("sso.provider.registration")}</h2>
        <p>{t("sso.provider.registrationIntro")}</p>
        <dl>
          <dt>{t("sso.provider.redirectUri")}</dt>
          <dd>
            <code>{redirectUri}</code>
          </dd>
          <dt>{t("sso.provider.postLogoutUri")}</dt>
          <dd>
            <code>{postLogoutUri}</code>
          </dd>
        </dl>
      </section>
      <IdentityProviderForm
        key={provider.version}
        organizations={organizations}
        values={reply?.values ?? initial}
        errors={reply?.errors}
        formError={reply?.formError}
        version={provider.version}
        submitLabel={t("form.save")}
      />
    </>
  );
}
