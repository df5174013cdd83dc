import { Link } from "react-router";
import type { Route } from "./+types/tables";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { listPartnerships } from "../../modules/governance/list-partnerships.server.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

export const policy = needs("partnership.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.tables.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  const tables = await listPartnerships(args.context.db);
  return { tables, currentTableId: user?.partnershipId ?? null };
}

export default function Tables({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("admin.tables.title")}</h1>
      <p className="actions">
        <Link className="button" to="/admin/tables/new">
          {t("admin.tables.new")}
        </Link>
      </p>
      {loaderData.tables.length === 0 ? (
        <p>{t("admin.tables.empty")}</p>
      ) : (
        <TableScroll label={t("admin.tables.caption")}>
          <table>
            <caption>{t("admin.tables.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.partnership.name")}</th>
                <th scope="col">{t("admin.partnership.slug")}</th>
                <th scope="col">{t("admin.partnership.region")}</th>
                <th scope="col">{t("admin.partnership.foundedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.tables.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/admin/tables/${p.id}`}>{localName(locale, p)}</Link>
                    {p.id === loaderData.currentTableId ? <span className="badge"> {t("admin.tables.current")}</span> : null}
                  </th>
                  <td>
                    <code>{p.slug}</code>
                  </td>
                  <td>{p.region}</td>
                  <td>{p.foundedOn ? date(`${p.foundedOn}T12:00:00Z`) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
