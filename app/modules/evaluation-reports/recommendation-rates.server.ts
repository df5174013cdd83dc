import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { recommendationsOf } from "./list-reports.server.ts";
import { ratesOf, type Rates } from "./rates.ts";

export interface RecommendationRates {
  overall: Rates;
  /** Per organization responsible for a linked key action, by name. */
  byOrganization: { organizationId: string; nameFr: string; nameEn: string; rates: Rates }[];
}

/**
 * Acceptance, implementation and overdue rates over the Table's recommendations, and the same per
 * partner organization: an organization's recommendations are those with a key action it is responsible for.
 */
export async function recommendationRates(db: Database, partnershipId: string, today: string): Promise<RecommendationRates> {
  const { recommendations, keyActions } = await recommendationsOf(db, partnershipId, today);
  const byOrg = new Map<string, Set<string>>();
  for (const k of keyActions) for (const o of k.organizationIds) byOrg.set(o, (byOrg.get(o) ?? new Set()).add(k.recommendationId));
  const names = byOrg.size
    ? await db
        .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn })
        .from(organization)
        .where(and(eq(organization.partnershipId, partnershipId), inArray(organization.id, [...byOrg.keys()])))
    : [];
  return {
    overall: ratesOf(recommendations),
    byOrganization: names
      .map((o) => ({ organizationId: o.id, nameFr: o.nameFr, nameEn: o.nameEn, rates: ratesOf(recommendations.filter((r) => byOrg.get(o.id)!.has(r.id))) }))
      .sort((a, b) => a.nameFr.localeCompare(b.nameFr, "fr")),
  };
}
