import { Link } from "react-router";
import type { Route } from "./+types/consultations.$consultationId.reads";
import { TableScroll } from "../../components/table-scroll.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { authenticated } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { consultationReads, readsScopeOf } from "../../modules/privacy/consultation-reads.server.ts";
import { privacyAccessOf } from "../../modules/privacy/privacy-access.server.ts";

/**
 * Who read a consultation, from the audit log: for the consultation's asker and for the Table's
 * audit readers (privacy officer). Anyone else, and another Table's consultation, get 404.
 */
export const policy = authenticated;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.consultationReads.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  const id = args.params.consultationId;
  if (!user?.partnershipId || !isUuid(id)) notFound();
  const officer = can(user.roles, "audit.read", { partnershipId: user.partnershipId, organizationId: null });
  const page = await consultationReads(args.context.db, actorOf(user, args.context), { partnershipId: user.partnershipId, personId: user.personId, officer, organizations: readsScopeOf(user) }, id.toLowerCase());
  if (!page) notFound();
  return { ...page, privacyOfficer: privacyAccessOf(user) !== null };
}

export default function ConsultationReads({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { consultation, reads } = loaderData;
  return (
    <>
      <p>
        <Link to={`/consultations/${consultation.id}`}>{t("privacy.consultationReads.back")}</Link>
      </p>
      <h1>{t("privacy.consultationReads.title")}</h1>
      <p>
        <strong>{consultation.subject}</strong>
      </p>
      <p>{t("privacy.consultationReads.intro")}</p>
      {loaderData.privacyOfficer ? (
        <p>
          <Link to={`/privacy/incidents/from/consultation/${consultation.id}`}>{t("privacy.fromSource.open")}</Link>
        </p>
      ) : null}
      {reads.length === 0 ? (
        <p>{t("privacy.consultationReads.none")}</p>
      ) : (
        <TableScroll label={t("privacy.consultationReads.caption")}>
          <table>
            <caption>{t("privacy.consultationReads.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("privacy.consultationReads.when")}</th>
                <th scope="col">{t("privacy.consultationReads.who")}</th>
              </tr>
            </thead>
            <tbody>
              {reads.map((r, i) => (
                <tr key={i}>
                  <td>{dateTime(r.at)}</td>
                  <td>{r.name ? `${r.name} (${r.email})` : t("privacy.reads.unknown")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
