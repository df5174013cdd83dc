import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/_index";
import { localName } from "../../i18n/names.ts";
import { Pager, withParams } from "../../components/pagination.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { formatDuration } from "../../i18n/format.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { activityEditor, canEditActivity } from "../../modules/pivot-activities/activity-access.ts";
import type { PivotActivityType } from "../../modules/pivot-activities/activity-schema.ts";
import {
  countPivotActivities,
  listPivotActivities,
  listTableOrganizations,
} from "../../modules/pivot-activities/list-pivot-activities.server.ts";
import { pivotActivityTypes } from "../../modules/pivot-activities/activity-types.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { isCalendarDate } from "../../modules/time/days.ts";
import { TableScroll } from "../../components/table-scroll.tsx";
import { protectActivityCounts, type ProtectedActivityRow } from "../../modules/indicators/protect-activity-counts.server.ts";
import type { HeldRole } from "../../modules/authz/decide.ts";

/** Someone whose only role in this Table is evaluator (évaluateur·trice). */
const evaluatorOnly = (roles: readonly HeldRole[], partnershipId: string) => {
  const here = roles.filter((r) => r.partnershipId === partnershipId || r.partnershipId === null);
  return here.length > 0 && here.every((r) => r.role === "evaluator");
};

/** The network's shared activity feed and counts, for every member of the Table. */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "activities.title");

/** Unknown or malformed filters (9999-99-99, page 1e400) are ignored rather than failing the page. */
function readFilters(url: URL) {
  const p = url.searchParams;
  const organization = p.get("organization");
  const type = p.get("type");
  const from = p.get("from");
  const to = p.get("to");
  const page = Number(p.get("page"));
  return {
    organizationId: isUuid(organization) ? organization : null,
    type: (pivotActivityTypes as readonly string[]).includes(type ?? "") ? (type as PivotActivityType) : null,
    from: from && isCalendarDate(from) ? from : null,
    to: to && isCalendarDate(to) ? to : null,
    page: Number.isSafeInteger(page) && page > 0 && page <= 100_000 ? page : 1,
  };
}

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const db = args.context.db;
  const filters = { ...readFilters(requestUrl(args.request)), partnershipId: user.partnershipId };
  const editor = activityEditor(user, user.partnershipId);
  const organizations = await listTableOrganizations(db, user.partnershipId);
  const exact = await countPivotActivities(db, filters);
  // An evaluator sees protected counts only (issue 12 §2) and not the feed, which names pivots.
  if (evaluatorOnly(user.roles, user.partnershipId)) {
    const { rows, threshold } = await protectActivityCounts(db, user.partnershipId, exact);
    return { filters, feed: null, counts: rows, protectedBelow: threshold, organizations, canLog: false };
  }
  const feed = await listPivotActivities(db, filters);
  return {
    filters,
    feed: { ...feed, items: feed.items.map((item) => ({ ...item, editable: canEditActivity(editor, item) })) },
    counts: exact as (ProtectedActivityRow | (typeof exact)[number])[],
    protectedBelow: null,
    organizations,
    canLog: editor.logOrganizations.length > 0,
  };
}

export default function Activities({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { date, number } = useFormatters();
  const [search] = useSearchParams();
  const { filters, feed, counts, organizations, canLog, protectedBelow } = loaderData;
  const figure = (n: number | null | undefined) => (n === null ? t("evaluation.suppressedMark") : number(n ?? 0));
  const orgLabel = (o: { nameFr: string; nameEn: string; acronym: string }) => o.acronym || localName(locale, o);
  return (
    <>
      <h1>{t("activities.title")}</h1>
      {search.get("saved") ? <SavedNotice message="activities.saved" /> : null}
      {search.get("deleted") ? <SavedNotice message="activities.deleted" /> : null}
      <p>{t("activities.intro")}</p>
      {canLog ? (
        <p>
          <Link className="button" to="/activities/new">
            {t("activities.new")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t("activities.filter.title")}</h2>
        <Form method="get" className="actions">
          <div className="field">
            <label htmlFor="filter-organization">{t("activities.filter.organization")}</label>
            <select id="filter-organization" name="organization" defaultValue={filters.organizationId ?? ""}>
              <option value="">—</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {localName(locale, o)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-type">{t("activities.filter.type")}</label>
            <select id="filter-type" name="type" defaultValue={filters.type ?? ""}>
              <option value="">—</option>
              {pivotActivityTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`activities.type.${type}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-from">{t("activities.filter.from")}</label>
            <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t("activities.filter.to")}</label>
            <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} />
          </div>
          <button type="submit">{t("activities.filter.submit")}</button>
          <Link to="/activities">{t("activities.filter.reset")}</Link>
        </Form>
      </section>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t("activities.counts.title")}</h2>
        {counts.length ? (
          <TableScroll label={t("activities.counts.caption")}>
            <table>
              <caption>{t("activities.counts.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("activities.counts.organization")}</th>
                  {pivotActivityTypes.map((type) => (
                    <th key={type} scope="col">
                      {t(`activities.typeShort.${type}` as MessageKey)}
                    </th>
                  ))}
                  <th scope="col">{t("activities.counts.total")}</th>
                  <th scope="col">{t("activities.counts.hours")}</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((row) => (
                  <tr key={row.organizationId}>
                    <th scope="row">{orgLabel({ nameFr: row.organizationNameFr, nameEn: row.organizationNameEn, acronym: row.organizationAcronym })}</th>
                    {pivotActivityTypes.map((type) => (
                      <td key={type}>{figure(row.counts[type])}</td>
                    ))}
                    <td>{figure(row.total)}</td>
                    <td>{row.minutes === null ? t("evaluation.suppressedMark") : number(Math.round(row.minutes / 6) / 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>{t("activities.counts.empty")}</p>
        )}
        {protectedBelow !== null ? <p className="notice">{t("evaluation.footnote.suppressed", { max: protectedBelow - 1 })}</p> : null}
      </section>

      {feed === null ? (
        <p>
          {t("activities.feed.evaluator")} <Link to="/evaluation">{t("nav.evaluation")}</Link>.
        </p>
      ) : (

      <section aria-labelledby="feed-heading">
        <h2 id="feed-heading">{t("activities.feed.title", { count: feed.total })}</h2>
        {feed.items.length === 0 ? <p>{t("activities.feed.empty")}</p> : null}
        <ul className="cards">
          {feed.items.map((item) => (
            <li key={item.id} className="card">
              <h3>{t(`activities.type.${item.type}` as MessageKey)}</h3>
              <p className="muted">
                {date(`${item.occurredOn}T12:00:00Z`)}
                {item.durationMinutes ? ` · ${formatDuration(locale, item.durationMinutes)}` : ""}
              </p>
              <p>
                {t("activities.feed.by", {
                  name: item.personName,
                  organization: item.organizationAcronym || localName(locale, { nameFr: item.organizationNameFr, nameEn: item.organizationNameEn }),
                })}
              </p>
              {item.audience ? (
                <p>
                  {t("activities.feed.audience", { audience: item.audience })}
                  {item.audienceSize ? ` · ${t("activities.feed.size", { size: item.audienceSize })}` : ""}
                </p>
              ) : null}
              {item.notes ? <p>{item.notes}</p> : null}
              {item.editable ? (
                <p>
                  <Link to={`/activities/${item.id}`}>{t("activities.feed.edit", { date: date(`${item.occurredOn}T12:00:00Z`) })}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        <Pager
          previous={feed.page > 1 ? withParams(search, { page: feed.page - 1 }) : null}
          next={feed.page < feed.pages ? withParams(search, { page: feed.page + 1 }) : null}
          label={t("common.page", { page: feed.page, pages: feed.pages })}
        />
      </section>
      )}
    </>
  );
}
