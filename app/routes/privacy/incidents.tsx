import { Link } from "react-router";
import type { Route } from "./+types/incidents";
import { PeopleCount } from "../../components/privacy/incident-fields.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { listIncidents, registerNames } from "../../modules/privacy/list-incidents.server.ts";
import { privacyGuard } from "../../modules/privacy/privacy-access.server.ts";

/** The officer's register of confidentiality incidents, and the copy for the Commission. */
export const policy = needs("privacy.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.incidents.title");

export async function loader(args: Route.LoaderArgs) {
  const { access } = await privacyGuard(args, policy);
  const [incidents, registers] = await Promise.all([listIncidents(args.context.db, access), registerNames(args.context.db, access)]);
  return { incidents, registers, saved: requestUrl(args.request).searchParams.get("saved") };
}

export default function Incidents({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { incidents, registers, saved } = loaderData;
  const names = new Map(registers.map((r) => [r.id, r.id ? (locale === "en" ? r.nameEn : r.nameFr) : t("privacy.register.table")]));
  return (
    <>
      <h1>{t("privacy.incidents.title")}</h1>
      {saved === "deleted" ? <SavedNotice message="privacy.saved.deleted" /> : null}
      <p>{t("privacy.incidents.intro")}</p>
      <p>
        <Link to="/privacy/incidents/new" className="button">
          {t("privacy.incidents.new")}
        </Link>
      </p>
      {incidents.length === 0 ? (
        <p>{t("privacy.incidents.none")}</p>
      ) : (
        <TableScroll label={t("privacy.incidents.caption")}>
          <table>
            <caption>{t("privacy.incidents.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("privacy.field.title")}</th>
                {registers.length > 1 ? <th scope="col">{t("privacy.field.register")}</th> : null}
                <th scope="col">{t("privacy.field.occurredOn")}</th>
                <th scope="col">{t("privacy.field.knownOn")}</th>
                <th scope="col">{t("privacy.field.peopleCount")}</th>
                <th scope="col">{t("privacy.field.severity")}</th>
                <th scope="col">{t("privacy.field.status")}</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/privacy/incidents/${i.id}`}>{i.title}</Link>
                  </td>
                  {registers.length > 1 ? <td>{names.get(i.organizationId) ?? ""}</td> : null}
                  <td>{day(i.occurredOn)}</td>
                  <td>{day(i.knownOn)}</td>
                  <td>
                    <PeopleCount count={i.peopleCount} approximate={i.peopleCountApproximate} />
                  </td>
                  <td>{t(`privacy.severity.${i.severity ?? "unassessed"}` as MessageKey)}</td>
                  <td>{t(`privacy.status.${i.status}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section aria-labelledby="export-title">
        <h2 id="export-title">{t("privacy.incidents.export")}</h2>
        <p>{t("privacy.incidents.exportHint")}</p>
        <ul>
          <li>
            <a href="/privacy/incidents/register.csv" download>
              {t("privacy.incidents.exportCsv")}
            </a>
          </li>
          <li>
            <a href="/privacy/incidents/register.pdf" download>
              {t("privacy.incidents.exportPdf")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
