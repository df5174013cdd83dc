// Plain data, free of the ORM, so that route components may import it.

/** Days before a report's due date when the coordinator is alerted. */
export const REPORT_ALERT_DAYS = 30;

/** Months before a grant's end when the coordinator is alerted ("fin de la subvention"). */
export const GRANT_END_ALERT_MONTHS = [6, 3] as const;

/** Alert markers, so each is sent once: "report:<reportDateId>" or "end:6" / "end:3". */
export type FundingAlertKey = `report:${string}` | `end:${number}`;
