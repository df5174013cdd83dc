import { Link } from "react-router";
import type { Route } from "./+types/assessments";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { keepsTableRegister, privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { listAssessments } from "../../modules/privacy/save-assessment.server.ts";

/** The EFVP records of Filet's features: the Table's privacy officer's. */
export const policy = needs("privacy.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.assessments.title");

export async function loader(args: Route.LoaderArgs) {
  const { access } = await privacyGuard(args, policy);
  if (!keepsTableRegister(access)) notFound();
  return { assessments: await listAssessments(args.context.db, access.partnershipId), saved: requestUrl(args.request).searchParams.get("saved") };
}

export default function Assessments({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { assessments, saved } = loaderData;
  return (
    <>
      <h1>{t("privacy.assessments.title")}</h1>
      {saved ? <SavedNotice message="privacy.saved.assessment" /> : null}
      <p>{t("privacy.assessments.intro")}</p>
      <p>
        <Link to="/privacy/assessments/new" className="button">
          {t("privacy.assessments.new")}
        </Link>
      </p>
      {assessments.length === 0 ? (
        <p>{t("privacy.assessments.none")}</p>
      ) : (
        <TableScroll label={t("privacy.assessments.caption")}>
          <table>
            <caption>{t("privacy.assessments.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("privacy.assessment.feature")}</th>
                <th scope="col">{t("privacy.assessment.title")}</th>
                <th scope="col">{t("privacy.assessment.startedOn")}</th>
                <th scope="col">{t("privacy.assessment.completedOn")}</th>
                <th scope="col">{t("privacy.assessment.decision")}</th>
                <th scope="col">{t("privacy.assessment.reviewOn")}</th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((a) => (
                <tr key={a.id}>
                  <td>{t(`privacy.feature.${a.feature}` as MessageKey)}</td>
                  <td>
                    <Link to={`/privacy/assessments/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{day(a.startedOn)}</td>
                  <td>{a.completedOn ? day(a.completedOn) : "—"}</td>
                  <td>{t(`privacy.decision.${a.decision}` as MessageKey)}</td>
                  <td>{a.reviewOn ? day(a.reviewOn) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
