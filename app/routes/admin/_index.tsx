import { Form, Link } from "react-router";
import type { Route } from "./+types/_index";
import { adminTitle } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { useT } from "../../i18n/use-t.ts";
import { authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { authenticated } from "../../modules/authz/policy.ts";
import { adminSections, type AdminSection } from "../../modules/governance/admin-sections.ts";
import { listOrganizations } from "../../modules/governance/list-organizations.server.ts";
import { listPartnerships } from "../../modules/governance/list-partnerships.server.ts";

// Anyone signed in may ask; the loader answers 404 (audited) to those with no section.
export const policy = authenticated;

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.home.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const { sections, ownOrganizationIds } = adminSections(user.roles, user.partnershipId);
  if (sections.length === 0 && ownOrganizationIds.length === 0) await authorize(args, user, "person.manage");
  const db = args.context.db;
  const tables = sections.includes("tables") ? await listPartnerships(db) : [];
  const ownOrganizations =
    ownOrganizationIds.length && user.partnershipId
      ? await listOrganizations(db, { partnershipId: user.partnershipId, organizationIds: ownOrganizationIds })
      : [];
  return {
    sections,
    tables: tables.map((p) => ({ id: p.id, nameFr: p.nameFr, nameEn: p.nameEn })),
    currentTableId: user.partnershipId,
    ownOrganizations: ownOrganizations.map((o) => ({ id: o.id, nameFr: o.nameFr, nameEn: o.nameEn })),
  };
}

const links: Record<AdminSection, string> = {
  tables: "/admin/tables",
  settings: "/admin/settings",
  organizations: "/admin/organizations",
  people: "/admin/people",
  approvals: "/admin/approvals",
  audit: "/admin/audit",
  outbox: "/admin/outbox",
  identityProviders: "/admin/identity-providers",
};

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { sections, tables, currentTableId, ownOrganizations } = loaderData;
  const current = tables.find((p) => p.id === currentTableId);
  return (
    <>
      <h1>{t("admin.home.title")}</h1>
      {sections.includes("tables") ? (
        <section aria-labelledby="current-table">
          <h2 id="current-table">{t("admin.home.currentTable")}</h2>
          {tables.length === 0 ? (
            <p className="alert warning">
              {t("admin.home.noTable")} <Link to="/admin/tables/new">{t("admin.tables.new")}</Link>
            </p>
          ) : (
            <Form method="post" action="/admin/table" className="actions">
              <input type="hidden" name="redirectTo" value="/admin" />
              <label htmlFor="switch-table">{t("admin.home.switchLabel")}</label>
              <select id="switch-table" name="partnershipId" defaultValue={current?.id ?? ""}>
                {tables.map((p) => (
                  <option key={p.id} value={p.id}>
                    {localName(locale, p)}
                  </option>
                ))}
              </select>
              <button type="submit" className="secondary">
                {t("admin.home.switch")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
      <h2>{t("admin.home.sections")}</h2>
      <ul className="cards">
        {sections.map((s) => (
          <li key={s} className="card">
            <h3>
              <Link to={links[s]}>{t(`admin.section.${s}`)}</Link>
            </h3>
            <p>{t(`admin.section.${s}.description`)}</p>
          </li>
        ))}
        {ownOrganizations.map((o) => (
          <li key={o.id} className="card">
            <h3>
              <Link to={`/admin/organizations/${o.id}`}>{localName(locale, o)}</Link>
            </h3>
            <p>{t("admin.section.ownOrganization.description")}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
