import type { Route } from "./+types/versions";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { listPathwayVersions } from "../../modules/pathway/list-pathway-versions.server.ts";
import { StatusBadge, ValidationBadge, VersionLink } from "../../components/pathway/pathway-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { VersionPicker } from "../../components/version-compare.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";

/** The pathway's history: every version with who made it, when, why, and its status. */
export const policy = needs("pathway.edit");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "pathway.versions.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { versions: await listPathwayVersions(args.context.db, user.partnershipId) };
}

export default function PathwayVersions({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { versions } = loaderData;
  const published = versions.find((v) => v.status === "published");
  const newest = versions[0];
  // Default comparison: what readers see now against the newest version (or its predecessor).
  const compareFrom = published && published.id !== newest?.id ? published : versions[1];
  return (
    <>
      <h1>{t("pathway.versions.title")}</h1>
      {versions.length === 0 ? <p>{t("pathway.versions.empty")}</p> : null}
      {versions.length > 1 ? (
        <VersionPicker
          action="/pathway/versions/compare"
          heading={t("pathway.compare.title")}
          fromLabel={t("pathway.compare.from")}
          toLabel={t("pathway.compare.to")}
          submitLabel={t("pathway.compare.submit")}
          options={versions.map((v) => ({ id: v.id, label: `${v.number} — ${t(`pathway.status.${v.status}`)}` }))}
          defaultFrom={compareFrom?.id}
          defaultTo={newest?.id}
        />
      ) : null}
      {versions.length ? (
        <TableScroll label={t("pathway.versions.caption")}>
          <table>
            <caption>{t("pathway.versions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pathway.versions.number")}</th>
                <th scope="col">{t("pathway.versions.status")}</th>
                <th scope="col">{t("pathway.versions.created")}</th>
                <th scope="col">{t("pathway.versions.note")}</th>
                <th scope="col">{t("pathway.versions.published")}</th>
                <th scope="col">{t("pathway.versions.validation")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <VersionLink id={v.id} number={v.number} />
                  </th>
                  <td>
                    <StatusBadge status={v.status} />
                  </td>
                  <td>
                    {dateTime(v.createdAt)}
                    <br />
                    <span className="muted">
                      {v.createdByName ? t("pathway.versions.by", { name: v.createdByName }) : t("pathway.versions.system")}
                    </span>
                  </td>
                  <td>
                    {v.changeNote}
                    {v.restoredFromNumber ? (
                      <>
                        {v.changeNote ? <br /> : null}
                        <span className="muted">{t("pathway.versions.restoredFrom", { number: v.restoredFromNumber })}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {v.publishedAt ? (
                      <>
                        {dateTime(v.publishedAt)}
                        {v.publishedByName ? (
                          <>
                            <br />
                            <span className="muted">{t("pathway.versions.by", { name: v.publishedByName })}</span>
                          </>
                        ) : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>
                    <ValidationBadge validated={v.validatedByTable} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
