import { Link } from "react-router";
import type { Route } from "./+types/funding";
import { useT, useDay } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { can } from "../../modules/authz/decide.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { useMoney } from "../../components/funding/funding-ui.tsx";
import { listFundedActions, listGrants } from "../../modules/funding/read-funding.server.ts";
import { GRANT_END_ALERT_MONTHS } from "../../modules/funding/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { addMonths, quebecDay } from "../../modules/time/days.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** Funding overview: what is funded until when, per grant and per action of the plan, and what remains. */
export const policy = needs("funding.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "funding.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const [grants, actions] = await Promise.all([listGrants(args.context.db, user.partnershipId), listFundedActions(args.context.db, user.partnershipId)]);
  const today = quebecDay();
  const horizon = addMonths(today, GRANT_END_ALERT_MONTHS[0]);
  return {
    grants,
    actions,
    today,
    // "Fin de la subvention": current grants ending within the first alert threshold (6 months).
    endingSoon: grants.filter((g) => g.endsOn >= today && g.endsOn <= horizon).map((g) => ({ id: g.id, funder: g.funder, endsOn: g.endsOn })),
    canManage: can(user.roles, "funding.manage", { partnershipId: user.partnershipId }),
    saved: requestUrl(args.request).searchParams.has("saved"),
  };
}

export default function Funding({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const money = useMoney();
  const { grants, actions, today, canManage } = loaderData;
  const current = grants.filter((g) => g.endsOn >= today);
  const fundedUntil = current.length ? current.map((g) => g.endsOn).sort().at(-1)! : null;
  return (
    <>
      <h1>{t("funding.title")}</h1>
      <p>{t("funding.intro")}</p>
      {loaderData.saved ? <SavedNotice message="funding.saved" /> : null}
      {loaderData.endingSoon.map((g) => (
        <p key={g.id} className="alert warning">
          <strong>{t("funding.endingSoon")}</strong> {t("funding.endingSoonBody", { funder: g.funder, date: day(g.endsOn) })} <Link to={`/funding/${g.id}`}>{t("handover.see")}</Link>
        </p>
      ))}
      <p className="lead">{fundedUntil ? t("funding.fundedUntil", { date: day(fundedUntil) }) : t("funding.noCurrent")}</p>
      {canManage ? (
        <p>
          <Link className="button" to="/funding/new">
            {t("funding.new")}
          </Link>
        </p>
      ) : null}
      <h2>{t("funding.grants")}</h2>
      {grants.length === 0 ? (
        <p>{t("funding.empty")}</p>
      ) : (
        <TableScroll label={t("funding.grantsCaption")}>
          <table>
            <caption>{t("funding.grantsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("funding.funder")}</th>
                <th scope="col">{t("funding.period")}</th>
                <th scope="col">{t("funding.amount")}</th>
                <th scope="col">{t("funding.spent")}</th>
                <th scope="col">{t("funding.remaining")}</th>
                <th scope="col">{t("funding.nextReport")}</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/funding/${g.id}`}>{g.funder}</Link>
                    {g.program ? <span className="muted block">{g.program}</span> : null}
                  </th>
                  <td>
                    {day(g.startsOn)} – {day(g.endsOn)}
                    {g.endsOn < today ? <span className="badge">{t("funding.ended")}</span> : null}
                  </td>
                  <td className="num">{money(g.amount)}</td>
                  <td className="num">{money(g.spent)}</td>
                  {/* An ended grant has no money left to spend: what it did not use is shown as such. */}
                  <td className="num">{g.endsOn < today ? <span className="muted">{g.remaining > 0 ? t("funding.unspentShort", { amount: money(g.remaining) }) : "—"}</span> : money(g.remaining)}</td>
                  <td>{g.nextReport ? day(g.nextReport.dueOn) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>{t("funding.byAction")}</h2>
      {actions.length === 0 ? (
        <p>{t("funding.byActionEmpty")}</p>
      ) : (
        <TableScroll label={t("funding.byActionCaption")}>
          <table>
            <caption>{t("funding.byActionCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("funding.action")}</th>
                <th scope="col">{t("funding.funders")}</th>
                <th scope="col">{t("funding.spent")}</th>
                <th scope="col">{t("funding.fundedUntilColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.actionId}>
                  <th scope="row">
                    {a.year} — {a.title}
                  </th>
                  <td>{a.funders.join(", ")}</td>
                  <td className="num">{money(a.spent)}</td>
                  <td>{day(a.fundedUntil)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
