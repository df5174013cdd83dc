import type { Database } from "../db/client.server.ts";
import type { IndicatorDefinition, IndicatorQuery, OrganizationFacts, RawFigures } from "./figures.ts";
import { rollUp } from "./roll-up.ts";
import { tableOrganizations } from "./table-organizations.server.ts";

/** One indicator's raw figures for a Table, a period and a breakdown (exact: never sent as is to a page). */
export async function computeFigures(db: Database, definition: IndicatorDefinition, query: IndicatorQuery, organizations?: readonly OrganizationFacts[]): Promise<RawFigures> {
  const [tallies, orgs] = await Promise.all([definition.compute(db, query), organizations ?? tableOrganizations(db, query.partnershipId)]);
  return rollUp(tallies, orgs, query.by);
}
