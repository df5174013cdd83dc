import { Link } from "react-router";
import type { Route } from "./+types/commitments";
import { useT, useDay } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listCommitmentTexts } from "../../modules/partners/commitment-text.server.ts";
import { commitmentOverview } from "../../modules/partners/commitments.server.ts";
import { mayOn, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { CommitmentBadge, useOrgName } from "../../components/partners/partners-ui.tsx";
import { COMMITMENT_DUE_DAYS } from "../../modules/partners/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** Overview of the written commitments: who signed (valid), who is due, who is late. */
export const policy = needs("commitment.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "partners.commitments.title");

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const [overview, texts] = await Promise.all([
    commitmentOverview(args.context.db, partnershipId, quebecDay()),
    listCommitmentTexts(args.context.db, partnershipId),
  ]);
  const published = texts.find((v) => v.status === "published") ?? null;
  const url = requestUrl(args.request);
  return {
    overview,
    published: published ? { number: published.number, publishedAt: published.publishedAt, id: published.id } : null,
    canManage: mayOn(user, "commitment.manage"),
    recorded: url.searchParams.has("recorded"),
  };
}

export default function Commitments({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const orgName = useOrgName();
  const { overview, published, canManage } = loaderData;
  const count = (s: string) => overview.filter((o) => o.status === s).length;
  return (
    <>
      <h1>{t("partners.commitments.title")}</h1>
      {loaderData.recorded ? <SavedNotice message="partners.commitments.recorded" /> : null}
      <p>{t("partners.commitments.intro", { days: COMMITMENT_DUE_DAYS })}</p>
      <section aria-labelledby="text-title">
        <h2 id="text-title">{t("partners.commitments.text")}</h2>
        <p>
          {published
            ? t("partners.commitments.textCurrent", { number: published.number, date: published.publishedAt ? day(new Date(published.publishedAt).toISOString().slice(0, 10)) : "" })
            : t("partners.commitments.textNone")}{" "}
          <Link to="/partners/commitments/text">{t("partners.commitments.textLink")}</Link>
        </p>
      </section>
      <h2>{t("partners.commitments.overviewTitle")}</h2>
      <p className="commitment-counts">{t("partners.commitments.counts", { signed: count("signed"), due: count("due"), late: count("late") })}</p>
      {canManage ? (
        <p>
          <Link to="/partners/commitments/new">
            {t("partners.commitments.record")}
          </Link>
        </p>
      ) : null}
      <TableScroll label={t("partners.commitments.caption")}>
        <table className="commitment-overview">
          <caption>{t("partners.commitments.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("partners.list.organization")}</th>
              <th scope="col">{t("partners.commitments.status")}</th>
              <th scope="col">{t("partners.commitments.period")}</th>
              <th scope="col">{t("partners.commitments.version")}</th>
              <th scope="col">{t("partners.commitments.signatory")}</th>
              <th scope="col">{t("partners.commitments.document")}</th>
            </tr>
          </thead>
          <tbody>
            {overview.map((o) => (
              <tr key={o.organizationId} data-status={o.status}>
                <th scope="row">
                  <Link to={`/partners/${o.organizationId}`}>{orgName(o)}</Link>
                </th>
                <td>
                  <CommitmentBadge status={o.status} />
                  {o.status === "due" && o.daysLeft !== null ? <span className="muted"> {t("partners.commitments.daysLeft", { count: o.daysLeft })}</span> : null}
                </td>
                <td>
                  {o.latest ? t("partners.commitments.periodValue", { start: day(o.latest.startsOn), end: day(o.latest.endsOn) }) : t("partners.status.never")}
                </td>
                <td>{o.latest ? o.latest.textNumber : "—"}</td>
                <td>{o.latest ? `${o.latest.signatoryName}${o.latest.signatoryTitle ? `, ${o.latest.signatoryTitle}` : ""}` : "—"}</td>
                <td>
                  {o.latest ? (
                    <>
                      <Link to={`/partners/commitments/${o.latest.id}`}>{t("partners.commitments.details")}</Link>
                      {o.latest.documentFileId ? null : <span className="muted"> · {t("partners.commitments.noDocument")}</span>}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
