import { Link } from "react-router";
import type { Route } from "./+types/matrix";
import { useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { loadContributionMatrix } from "../../modules/partners/contribution-matrix.server.ts";
import { MatrixTable } from "../../components/partners/matrix-table.tsx";
import { mayOn, partnersUser } from "../../modules/partners/partner-access.server.ts";

import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** The contribution matrix: partners × domains. Every member reads it; edit controls only on rows one may edit. */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "partners.matrix.title");

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const matrix = await loadContributionMatrix(args.context.db, partnershipId);
  const rows = matrix.map((r) => ({ ...r, editable: mayOn(user, "partner.matrix.edit", r.organizationId) }));
  const url = requestUrl(args.request);
  return { rows, showCommitments: mayOn(user, "commitment.read"), saved: url.searchParams.has("saved") };
}

export default function ContributionMatrix({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { rows } = loaderData;
  return (
    <>
      <h1>{t("partners.matrix.title")}</h1>
      {loaderData.saved ? <SavedNotice message="partners.matrix.saved" /> : null}
      <p>{t("partners.matrix.intro")}</p>
      <p>
        <Link to="/partners/matrix/print">{t("partners.matrix.print")}</Link>
      </p>
      <MatrixTable rows={rows} withActions={rows.some((r) => r.editable)} />
    </>
  );
}
