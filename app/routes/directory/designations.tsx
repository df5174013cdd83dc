import { Link, useSearchParams } from "react-router";
import { pageTitle } from "../../i18n/page-title.ts";
import type { Route } from "./+types/designations";
import { useDirectoryLabels } from "../../components/directory-ui.tsx";
import { localName } from "../../i18n/names.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireDirectoryAccess } from "../../modules/directory/directory-access.server.ts";
import { listDesignations } from "../../modules/directory/list-designations.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";

export const policy = needs("pivot.designate");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "directory.designations.title");

export async function loader(args: Route.LoaderArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const includeEnded = requestUrl(args.request).searchParams.get("ended") === "1";
  const designations = await listDesignations(args.context.db, {
    partnershipId: access.partnershipId,
    organizationIds: access.designates,
    includeEnded,
  });
  return { designations, includeEnded };
}

export default function Designations({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  const labels = useDirectoryLabels();
  const [params] = useSearchParams();
  const { designations, includeEnded } = loaderData;
  const day = (d: string) => date(`${d}T12:00:00Z`);
  return (
    <>
      <h1>{t("directory.designations.title")}</h1>
      {params.get("saved") ? <SavedNotice message="directory.designations.saved" /> : null}
      <p>{t("directory.designations.intro")}</p>
      <p className="actions">
        <Link className="button" to="/directory/designations/new">
          {t("directory.designations.new")}
        </Link>
        <Link to={includeEnded ? "/directory/designations" : "/directory/designations?ended=1"}>
          {includeEnded ? t("directory.designations.showCurrent") : t("directory.designations.showEnded")}
        </Link>
      </p>
      {designations.length === 0 ? (
        <p>{t("directory.designations.none")}</p>
      ) : (
        <TableScroll label={t("directory.designations.caption", { count: designations.length })}>
          <table>
            <caption>{t("directory.designations.caption", { count: designations.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("directory.designations.person")}</th>
                <th scope="col">{t("directory.designations.organization")}</th>
                <th scope="col">{t("directory.entry.site")}</th>
                <th scope="col">{t("directory.entry.rank")}</th>
                <th scope="col">{t("directory.designations.period")}</th>
              </tr>
            </thead>
            <tbody>
              {designations.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link to={`/directory/designations/${d.id}`}>
                      {d.givenName} {d.familyName}
                    </Link>
                  </th>
                  <td>{localName(locale, { nameFr: d.organizationNameFr, nameEn: d.organizationNameEn })}</td>
                  <td>{d.siteName ?? t("directory.entry.orgWide")}</td>
                  <td>{labels.rank(d.rank)}</td>
                  <td>
                    {d.until ? t("directory.designations.fromTo", { since: day(d.since), until: day(d.until) }) : t("directory.designations.from", { since: day(d.since) })}
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
