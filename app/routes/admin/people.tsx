import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/people";
import { AdminBreadcrumb, adminTitle, StatusBadge } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { Pager, withParams } from "../../components/pagination.tsx";
import { roleList } from "../../components/admin-vocabulary.tsx";
import { useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { organizationScope, requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { listOrganizations } from "../../modules/governance/list-organizations.server.ts";
import { listPeople } from "../../modules/people/list-people.server.ts";
import { isRole } from "../../modules/people/role-scope.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

export const policy = needs("person.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.people.title");

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationIds = organizationScope(user, "person.manage", partnershipId);
  const params = requestUrl(args.request).searchParams;
  const organizationId = params.get("organization");
  const role = params.get("role");
  const result = await listPeople(args.context.db, {
    partnershipId,
    organizationIds,
    q: params.get("q")?.slice(0, 100) ?? "",
    organizationId: isUuid(organizationId) ? organizationId : null,
    role: isRole(role) ? role : null,
    page: Number(params.get("page")) || 1,
  });
  const organizations = await listOrganizations(args.context.db, { partnershipId, organizationIds });
  return { ...result, organizations: organizations.map((o) => ({ id: o.id, nameFr: o.nameFr, nameEn: o.nameEn })) };
}

export default function People({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const [search] = useSearchParams();
  const { people, total, page, pages, organizations } = loaderData;
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("admin.people.title")}</h1>
      <p className="actions">
        <Link className="button" to="/admin/people/new">
          {t("admin.people.new")}
        </Link>
      </p>
      <Form method="get" className="stack" role="search" aria-label={t("admin.people.search")}>
        <div className="field">
          <label htmlFor="people-q">{t("admin.people.searchLabel")}</label>
          <input type="search" id="people-q" name="q" defaultValue={search.get("q") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="people-organization">{t("admin.person.organization")}</label>
          <select id="people-organization" name="organization" defaultValue={search.get("organization") ?? ""}>
            <option value="">{t("admin.people.allOrganizations")}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {localName(locale, o)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-role">{t("admin.roles.role")}</label>
          <select id="people-role" name="role" defaultValue={search.get("role") ?? ""}>
            <option value="">{t("admin.people.allRoles")}</option>
            {roleList.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit">{t("common.search")}</button>
        </div>
      </Form>
      <p role="status">{t("common.results", { count: total })}</p>
      {people.length ? (
        <TableScroll label={t("admin.people.caption", { page, pages })}>
          <table>
            <caption>{t("admin.people.caption", { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.person.name")}</th>
                <th scope="col">{t("admin.person.organization")}</th>
                <th scope="col">{t("admin.roles.title")}</th>
                <th scope="col">{t("admin.person.account")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/admin/people/${p.id}`}>
                      {p.familyName}, {p.givenName}
                    </Link>
                    {p.email ? <div className="muted">{p.email}</div> : null}
                  </th>
                  <td>{p.organizationId ? p.organizationAcronym || localName(locale, { nameFr: p.organizationNameFr, nameEn: p.organizationNameEn }) : "—"}</td>
                  <td>{p.roles.length ? p.roles.map((r) => t(`role.${r}`)).join(", ") : "—"}</td>
                  <td>
                    <StatusBadge status={p.accountStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("admin.people.none")}</p>
      )}
      <Pager
        previous={page > 1 ? withParams(search, { page: page - 1 }) : null}
        next={page < pages ? withParams(search, { page: page + 1 }) : null}
        label={t("common.page", { page, pages })}
      />
    </>
  );
}
