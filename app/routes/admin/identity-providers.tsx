import { Link } from "react-router";
import type { Route } from "./+types/identity-providers";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import { localName } from "../../i18n/names.ts";
import { useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { listIdentityProviders } from "../../modules/sso/manage-identity-providers.server.ts";

export const policy = needs("identity_provider.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "sso.providers.title");

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId } = await requireTableUser(args, policy);
  const providers = await listIdentityProviders(args.context.db, { partnershipId });
  return { providers: providers.map((p) => ({ id: p.id, nameFr: p.organizationNameFr, nameEn: p.organizationNameEn, issuer: p.issuer, enabled: p.enabled, ssoOnly: p.ssoOnly, autoCreate: p.autoCreate })) };
}

export default function IdentityProviders({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { providers } = loaderData;
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("sso.providers.title")}</h1>
      <SavedNotice />
      <p>{t("sso.providers.intro")}</p>
      <p className="actions">
        <Link className="button" to="/admin/identity-providers/new">
          {t("sso.providers.new")}
        </Link>
      </p>
      {providers.length === 0 ? (
        <p>{t("sso.providers.empty")}</p>
      ) : (
        <TableScroll label={t("sso.providers.caption", { count: providers.length })}>
          <table>
            <caption>{t("sso.providers.caption", { count: providers.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("sso.provider.organization")}</th>
                <th scope="col">{t("sso.provider.issuer")}</th>
                <th scope="col">{t("sso.providers.status")}</th>
              </tr>
            </thead>
            <tbody>
              {providers.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/admin/identity-providers/${p.id}`}>{localName(locale, p)}</Link>
                  </th>
                  <td>
                    <code>{p.issuer}</code>
                  </td>
                  <td>
                    <span className="badge">{p.enabled ? t("sso.providers.enabled") : t("sso.providers.disabled")}</span>
                    {p.ssoOnly ? <span className="badge"> {t("sso.providers.ssoOnly")}</span> : null}
                    {p.autoCreate ? <span className="badge"> {t("sso.providers.autoCreate")}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
