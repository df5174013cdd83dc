import { Form, Link } from "react-router";
import type { Route } from "./+types/organizations";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { organizationTypeList } from "../../components/admin-vocabulary.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { listOrganizations } from "../../modules/governance/list-organizations.server.ts";
import { isOrganizationType } from "../../modules/governance/organization-types.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

export const policy = needs("organization.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.organizations.title");

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId } = await requireTableUser(args, policy);
  const type = requestUrl(args.request).searchParams.get("type");
  const organizations = await listOrganizations(args.context.db, {
    partnershipId,
    type: isOrganizationType(type) ? type : null,
  });
  return { organizations, type: isOrganizationType(type) ? type : "" };
}

export default function Organizations({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  const { organizations, type } = loaderData;
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("admin.organizations.title")}</h1>
      <SavedNotice />
      <p className="actions">
        <Link className="button" to="/admin/organizations/new">
          {t("admin.organizations.new")}
        </Link>
      </p>
      <Form method="get" className="actions" role="search" aria-label={t("admin.organizations.filter")}>
        <label htmlFor="filter-type">{t("admin.organization.type")}</label>
        <select id="filter-type" name="type" defaultValue={type}>
          <option value="">{t("admin.organizations.allTypes")}</option>
          {organizationTypeList.map((v) => (
            <option key={v} value={v}>
              {t(`orgType.${v}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          {t("common.filter")}
        </button>
      </Form>
      {organizations.length === 0 ? (
        <p>{t("admin.organizations.empty")}</p>
      ) : (
        <TableScroll label={t("admin.organizations.caption", { count: organizations.length })}>
          <table>
            <caption>{t("admin.organizations.caption", { count: organizations.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.organization.name")}</th>
                <th scope="col">{t("admin.organization.acronym")}</th>
                <th scope="col">{t("admin.organization.type")}</th>
                <th scope="col">{t("admin.organization.joinedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={`/admin/organizations/${o.id}`}>{localName(locale, o)}</Link>
                    {o.leftOn ? <span className="badge"> {t("admin.organization.former")}</span> : null}
                  </th>
                  <td>{o.acronym || "—"}</td>
                  <td>{t(`orgType.${o.type}`)}</td>
                  <td>{o.joinedOn ? date(`${o.joinedOn}T12:00:00Z`) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
