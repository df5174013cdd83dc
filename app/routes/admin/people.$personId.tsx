import type { Route } from "./+types/people.$personId";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { languageValues } from "../../components/admin-fields.tsx";
import { PersonForm, personOptions } from "../../components/admin-person-form.tsx";
import { AccountPanel } from "../../components/admin-account-panel.tsx";
import { PersonNotice, RolesPanel } from "../../components/admin-person-panels.tsx";
import { useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { organizationScope, requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { handlePersonAction, loadPersonPage } from "../../modules/people/person-page.server.ts";
import { refreshDirectorySearchText } from "../../modules/directory/search-text.server.ts";
import { delegateTermEffects } from "../../modules/partners/role-terms.server.ts";

/** A person's directory entry, roles and account, within the reader's organizations. */
export const policy = needs("person.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.person.pageTitle");

async function scope(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  if (!isUuid(args.params.personId)) notFound();
  const organizationIds = organizationScope(user, "person.manage", partnershipId);
  return { user, partnershipId, organizationIds, personId: args.params.personId.toLowerCase() };
}

export async function loader(args: Route.LoaderArgs) {
  return loadPersonPage({ context: args.context, ...(await scope(args)) });
}

// The details form carries the person's version: after a 409 the page shows the current entry.
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  // A renamed person: the directory's search text follows in the same transaction; a delegate's role: their term.
  return handlePersonAction({ request: args.request, context: args.context, ...(await scope(args)), reindex: refreshDirectorySearchText, roleEffects: delegateTermEffects });
}

export default function PersonPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { detail, options, grantable, revocable, canManageAccount } = loaderData;
  const p = detail.person;
  const choices = personOptions(locale, options);
  const initial = {
    givenName: p.givenName,
    familyName: p.familyName,
    title: p.title,
    email: p.email,
    phone: p.phone,
    organizationId: p.organizationId ?? "",
    siteId: p.siteId ?? "",
    ...languageValues(p.languages),
  };
  const panel = actionData?.panel;
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/people", label: t("admin.people.title") }]} />
      <h1>
        {p.givenName} {p.familyName}
      </h1>
      <PersonNotice />
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("admin.person.profile")}</h2>
        <PersonForm
          key={p.version}
          values={panel === "profile" && actionData?.values ? actionData.values : initial}
          errors={panel === "profile" ? actionData?.errors : null}
          formError={panel === "profile" ? actionData?.formError : null}
          version={p.version}
          organizations={choices.organizations}
          sites={choices.sites}
          organizationRequired={options.organizationRequired}
          submitLabel={t("form.save")}
        />
      </section>
      <RolesPanel
        roles={detail.roles}
        grantable={grantable}
        revocable={revocable}
        organizations={choices.organizations}
        formError={panel === "roles" ? actionData?.formError : null}
      />
      <AccountPanel
        account={detail.account}
        hasEmail={!!p.email}
        canManage={canManageAccount}
        formError={panel === "account" ? actionData?.formError : null}
      />
    </>
  );
}
