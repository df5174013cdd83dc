import { TURNOVER_MONTHS } from "./vocabulary.ts";
import { addMonths } from "../time/days.ts";

export interface TermSpan {
  organizationId: string;
  personId: string;
  kind: "delegate" | "substitute";
  since: string;
  until: string | null;
}

export interface Turnover {
  /** Delegate changes (a new delegate term starting after the organization's first one) within the window. */
  changes: number;
  /** Average length, in months, of the delegate terms (open terms counted up to today); null without terms. */
  averageTenureMonths: number | null;
}

const DAY = 86_400_000;
const MONTH_DAYS = 365.25 / 12;

/**
 * The turnover indicator (docs/features/partners.md): only delegate terms count
 * (substitutes come and go more freely). A change is a delegate term that began within the
 * last `months` months and is not the organization's very first delegate term (joining the
 * Table is not turnover). Tenure is the average length of all delegate terms, open terms
 * counted to today.
 */
export function computeTurnover(terms: readonly TermSpan[], today: string, months = TURNOVER_MONTHS): Turnover {
  const delegates = terms.filter((t) => t.kind === "delegate" && t.since <= today);
  const windowStart = addMonths(today, -months);
  const firstByOrg = new Map<string, string>();
  for (const t of delegates) {
    const first = firstByOrg.get(t.organizationId);
    if (!first || t.since < first) firstByOrg.set(t.organizationId, t.since);
  }
  const changes = delegates.filter((t) => t.since > windowStart && t.since !== firstByOrg.get(t.organizationId)).length;
  if (delegates.length === 0) return { changes, averageTenureMonths: null };
  const totalDays = delegates.reduce((sum, t) => {
    const end = t.until && t.until < today ? t.until : today;
    return sum + Math.max(0, (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${t.since}T00:00:00Z`)) / DAY);
  }, 0);
  return { changes, averageTenureMonths: Math.round((totalDays / delegates.length / MONTH_DAYS) * 10) / 10 };
}
