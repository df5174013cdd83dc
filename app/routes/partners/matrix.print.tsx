import { Link } from "react-router";
import type { Route } from "./+types/matrix.print";
import { useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { loadContributionMatrix } from "../../modules/partners/contribution-matrix.server.ts";
import { MatrixTable } from "../../components/partners/matrix-table.tsx";
import { partnersUser } from "../../modules/partners/partner-access.server.ts";

/** The matrix alone, for printing (the print stylesheet hides the site chrome and uses landscape). */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "partners.matrix.printTitle");

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId } = await partnersUser(args, policy);
  return { rows: await loadContributionMatrix(args.context.db, partnershipId) };
}

export default function ContributionMatrixPrint({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <div className="partners-print">
      <h1>{t("partners.matrix.title")}</h1>
      <p className="muted no-print">{t("partners.matrix.printHint")}</p>
      <p className="no-print">
        <Link to="/partners/matrix">{t("partners.matrix.back")}</Link>
      </p>
      <MatrixTable rows={loaderData.rows} withActions={false} />
    </div>
  );
}
