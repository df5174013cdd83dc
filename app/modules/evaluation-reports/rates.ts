// Plain: the rates of a set of recommendations, the same for the Table and for one organization.
import type { RecommendationStatus, ManagementResponse, Verification } from "./vocabulary.ts";

export interface Rated {
  status: RecommendationStatus;
  response: ManagementResponse | null;
  verification: Verification | null;
  overdue: boolean;
}

export interface Rates {
  total: number;
  responded: number;
  accepted: number;
  /** (agree + partially agree) / responded, null when nothing is answered. */
  acceptance: number | null;
  verified: number;
  implemented: number;
  partiallyImplemented: number;
  /** (implemented + partially implemented) / verified, null when nothing is verified. */
  implementation: number | null;
  open: number;
  overdue: number;
  /** overdue / not yet verified. */
  overdueShare: number | null;
}

const share = (n: number, d: number) => (d === 0 ? null : n / d);

export function ratesOf(items: readonly Rated[]): Rates {
  const responded = items.filter((r) => r.response !== null).length;
  const accepted = items.filter((r) => r.response === "agree" || r.response === "partially_agree").length;
  const verified = items.filter((r) => r.verification !== null).length;
  const implemented = items.filter((r) => r.verification === "implemented").length;
  const partiallyImplemented = items.filter((r) => r.verification === "partially_implemented").length;
  const open = items.length - verified;
  const overdue = items.filter((r) => r.overdue).length;
  return {
    total: items.length,
    responded,
    accepted,
    acceptance: share(accepted, responded),
    verified,
    implemented,
    partiallyImplemented,
    implementation: share(implemented + partiallyImplemented, verified),
    open,
    overdue,
    overdueShare: share(overdue, open),
  };
}
