import { Link } from "react-router";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { languageName } from "../i18n/names.ts";
import { StatusBadge } from "./admin-common.tsx";
import type { AccountStatus } from "./admin-vocabulary.tsx";
import { TableScroll } from "./table-scroll.tsx";

interface Profile {
  mission: string;
  mandate: string;
  culture: string;
  services: string;
  territory: string;
  languages: string[];
  website: string;
  phone: string;
  emailDomains: string[];
  joinedOn: string | null;
  leftOn: string | null;
}

/** The partner profile as read by those who may not edit it ("know each other's culture and mandates"). */
export function OrganizationProfile({ organization }: { organization: Profile }) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  const rows: [string, string][] = [
    [t("admin.organization.mission"), organization.mission],
    [t("admin.organization.mandate"), organization.mandate],
    [t("admin.organization.culture"), organization.culture],
    [t("admin.organization.services"), organization.services],
    [t("admin.organization.territory"), organization.territory],
    [t("admin.languages.legend"), organization.languages.map((c) => languageName(locale, c)).join(", ")],
    [t("admin.organization.phone"), organization.phone],
    [t("admin.organization.emailDomains"), organization.emailDomains.map((d) => `@${d}`).join(", ")],
    [t("admin.organization.joinedOn"), organization.joinedOn ? date(`${organization.joinedOn}T12:00:00Z`) : ""],
    [t("admin.organization.leftOn"), organization.leftOn ? date(`${organization.leftOn}T12:00:00Z`) : ""],
  ];
  return (
    <dl>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="pre-line">{value || "—"}</dd>
        </div>
      ))}
      <div>
        <dt>{t("admin.organization.website")}</dt>
        <dd>{organization.website ? <a href={organization.website} rel="noopener noreferrer">{organization.website}</a> : "—"}</dd>
      </div>
    </dl>
  );
}

export function OrganizationSites({
  sites,
  organizationId,
}: {
  sites: { id: string; name: string; kind: string; municipality: string }[];
  organizationId: string;
}) {
  const { t } = useT();
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t("admin.sites.title")}</h2>
      <p className="actions">
        <Link className="button secondary" to={`/admin/organizations/${organizationId}/sites/new`}>
          {t("admin.sites.new")}
        </Link>
      </p>
      {sites.length === 0 ? (
        <p>{t("admin.sites.empty")}</p>
      ) : (
        <TableScroll label={t("admin.sites.caption")}>
          <table>
            <caption>{t("admin.sites.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.site.name")}</th>
                <th scope="col">{t("admin.site.kind")}</th>
                <th scope="col">{t("admin.site.municipality")}</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/admin/sites/${s.id}`}>{s.name}</Link>
                  </th>
                  <td>{s.kind || "—"}</td>
                  <td>{s.municipality || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export function OrganizationPeople({
  people,
}: {
  people: { id: string; givenName: string; familyName: string; title: string; accountStatus: AccountStatus | null }[];
}) {
  const { t } = useT();
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t("admin.people.title")}</h2>
      {people.length === 0 ? (
        <p>{t("admin.people.empty")}</p>
      ) : (
        <TableScroll label={t("admin.organization.peopleCaption")}>
          <table>
            <caption>{t("admin.organization.peopleCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.person.name")}</th>
                <th scope="col">{t("admin.person.title")}</th>
                <th scope="col">{t("admin.person.account")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/admin/people/${p.id}`}>
                      {p.givenName} {p.familyName}
                    </Link>
                  </th>
                  <td>{p.title || "—"}</td>
                  <td>
                    <StatusBadge status={p.accountStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
