import type { Route } from "./+types/incidents.counts";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { incidentCounts } from "../../modules/privacy/list-incidents.server.ts";
import { incidentSeverities, incidentStatuses } from "../../modules/privacy/vocabulary.ts";

/** The Table coordinator's view of the incident registers: counts by status and severity, no content. */
export const policy = needs("privacy.incident_counts");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.counts.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { counts: await incidentCounts(args.context.db, user.partnershipId) };
}

export default function IncidentCounts({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { counts } = loaderData;
  const table = (id: string, caption: MessageKey, rows: [string, number][]) => (
    <table aria-labelledby={id}>
      <caption id={id}>{t(caption)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(caption)}</th>
          <th scope="col">{t("privacy.counts.value")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <h1>{t("privacy.counts.title")}</h1>
      <p>{t("privacy.counts.intro")}</p>
      <p>
        <strong>{t("privacy.counts.total", { count: counts.total })}</strong>
      </p>
      {table("by-status", "privacy.counts.byStatus", incidentStatuses.map((s) => [t(`privacy.status.${s}` as MessageKey), counts.byStatus[s]]))}
      {table("by-severity", "privacy.counts.bySeverity", [...incidentSeverities, "unassessed" as const].map((s) => [t(`privacy.severity.${s}` as MessageKey), counts.bySeverity[s]]))}
    </>
  );
}
