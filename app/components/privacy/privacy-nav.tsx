import { NavLink } from "react-router";
import { useT } from "../../i18n/use-t.ts";

export interface PrivacyNavFlags {
  /** Keeps a register (privacy officer of an organization or of the Table). */
  officer: boolean;
  /** Keeps the Table's register: EFVP and correction requests. */
  tableOfficer: boolean;
  /** Reads the Table's audit log. */
  audit: boolean;
  /** The Table coordinator's counts of incidents. */
  counts: boolean;
  /** The Table's retention schedule (its coordinator or its own privacy officer). */
  retention: boolean;
}

/** The privacy section's links, those the reader's roles open only (NavLink marks the current one). */
export function PrivacyNav({ flags }: { flags: PrivacyNavFlags }) {
  const { t } = useT();
  const links: [string, string][] = [
    ...(flags.officer ? ([["/privacy/incidents", t("privacy.nav.incidents")]] as [string, string][]) : []),
    ...(flags.counts ? ([["/privacy/incidents/counts", t("privacy.nav.counts")]] as [string, string][]) : []),
    ...(flags.audit ? ([["/privacy/reads", t("privacy.nav.reads")], ["/privacy/audit", t("privacy.nav.audit")]] as [string, string][]) : []),
    ...(flags.tableOfficer ? ([["/privacy/assessments", t("privacy.nav.assessments")], ["/privacy/corrections", t("privacy.nav.corrections")]] as [string, string][]) : []),
    ...(flags.retention ? ([["/privacy/retention", t("privacy.nav.retention")]] as [string, string][]) : []),
    ["/privacy/my-data", t("privacy.nav.myData")],
  ];
  return (
    <nav aria-label={t("privacy.nav.label")}>
      <ul className="subnav">
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end={to === "/privacy/incidents"}>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
