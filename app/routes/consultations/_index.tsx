import { Form, Link } from "react-router";
import type { Route } from "./+types/_index";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { viewerOf } from "../../modules/consultations/access.server.ts";
import { consultationsTitle } from "../../modules/consultations/ui/page-title.ts";
import { listConsultations, type ConsultationSummary } from "../../modules/consultations/list-consultations.server.ts";
import { listOrganizationsWithPivots } from "../../modules/consultations/resolve-target.server.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** Every member of the Table sees their own consultations (the list is empty for most roles). */
export const meta: Route.MetaFunction = ({ matches }) => consultationsTitle(matches, "consultations.list.title");

export const policy = needs("partnership.view");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  const viewer = user && viewerOf(user);
  if (!user || !viewer) notFound();
  const lists = await listConsultations(args.context.db, actorOf(user, args.context), viewer);
  const canAsk = can(user.roles, "consultation.ask", { partnershipId: viewer.partnershipId, organizationId: viewer.organizationId });
  const organizations = canAsk ? await listOrganizationsWithPivots(args.context.db, viewer.partnershipId) : [];
  return { lists, canAsk, organizations };
}

function ConsultationTable({ id, title, rows, show }: { id: string; title: string; rows: ConsultationSummary[]; show: "to" | "from" }) {
  const { t, locale } = useT();
  const f = useFormatters();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("consultations.list.empty")}</p>
      ) : (
        <TableScroll label={title}>
          <table aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t("consultations.list.subject")}</th>
                <th scope="col">{show === "to" ? t("consultations.list.to") : t("consultations.list.from")}</th>
                <th scope="col">{t("consultations.list.status")}</th>
                <th scope="col">{t("consultations.list.urgency")}</th>
                <th scope="col">{t("consultations.list.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const org = r.targetOrganization.acronym || (locale === "en" ? r.targetOrganization.nameEn : r.targetOrganization.nameFr);
                return (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/consultations/${r.id}`}>{r.subject}</Link>
                    </td>
                    <td>{show === "to" ? (r.targetPersonName ? `${r.targetPersonName} (${org})` : org) : r.askerName}</td>
                    <td>{t(`consultations.status.${r.status}`)}</td>
                    <td>{t(`consultations.urgency.${r.urgency}`)}</td>
                    <td>{f.dateTime(r.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export default function Consultations({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { lists, canAsk, organizations } = loaderData;
  return (
    <>
      <h1>{t("consultations.list.title")}</h1>
      <p>{t("consultations.list.intro")}</p>
      {canAsk ? (
        <section aria-labelledby="ask-title" className="card">
          <h2 id="ask-title">{t("consultations.list.askTitle")}</h2>
          <p>{t("consultations.list.askIntro")}</p>
          <p>
            <Link to="/directory">{t("consultations.list.findPivot")}</Link>
          </p>
          {organizations.length ? (
            <Form method="get" action="/consultations/new" className="stack">
              <div className="field">
                <label htmlFor="ask-organization">{t("consultations.list.organization")}</label>
                <select id="ask-organization" name="organization" required>
                  {organizations.map((o) => (
                    <option key={o.organizationId} value={o.organizationId}>
                      {locale === "en" ? o.organizationNameEn : o.organizationNameFr}
                      {o.organizationAcronym ? ` (${o.organizationAcronym})` : ""}
                    </option>
                  ))}
                </select>
              </div>
              <p className="actions">
                <button type="submit" className="secondary">
                  {t("consultations.list.askOrganization")}
                </button>
              </p>
            </Form>
          ) : (
            <p className="muted">{t("consultations.list.noOrganizations")}</p>
          )}
        </section>
      ) : null}
      <ConsultationTable id="mine-title" title={t("consultations.list.mine")} rows={lists.mine} show="to" />
      <ConsultationTable id="addressed-title" title={t("consultations.list.addressed")} rows={lists.addressed} show="from" />
      {lists.coordinated ? (
        <ConsultationTable id="coordinated-title" title={t("consultations.list.coordinated")} rows={lists.coordinated} show="from" />
      ) : null}
    </>
  );
}
