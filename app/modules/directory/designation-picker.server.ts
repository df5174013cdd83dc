import type { Database } from "../db/client.server.ts";
import type { OrganizationScope } from "../people/person-scope.ts";
import { pickerQuery, valuesFromQuery } from "../people/picker-query.ts";
import { peopleByIds, searchPeople, type PersonChoice } from "../people/search-people.server.ts";
import { DESIGNATION_ARRAYS } from "./designation-schema.ts";

const FIELDS = ["organizationId", "personId", "siteId", "rank", "since", "until", "languages", "clienteles", "expertise", "availability", "contactPhone", "contactEmail", "contactNotes"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person picker of a new designation after its search without JavaScript: at most 20 people
 * of the manager's organizations (of the one chosen, if any), the person ticked before, and the
 * form's other values. Null when the page was not reloaded by a search.
 */
export async function designationPicker(db: Database, input: { partnershipId: string; organizationIds: OrganizationScope; params: URLSearchParams }) {
  const q = pickerQuery(input.params, "personId");
  if (q === null) return null;
  const chosenOrg = (input.params.get("organizationId") ?? "").toLowerCase();
  const inScope = UUID.test(chosenOrg) && (input.organizationIds === "all" || input.organizationIds.includes(chosenOrg));
  const organizationIds = inScope ? [chosenOrg] : input.organizationIds;
  const ticked = input.params.get("personId") ?? "";
  const [found, current] = await Promise.all([
    searchPeople(db, { partnershipId: input.partnershipId, organizationIds, q }),
    UUID.test(ticked) ? peopleByIds(db, { partnershipId: input.partnershipId, organizationIds, ids: [ticked.toLowerCase()] }) : Promise.resolve([] as PersonChoice[]),
  ]);
  return { search: { q, ...found }, current: current[0] ?? null, values: valuesFromQuery(input.params, FIELDS, DESIGNATION_ARRAYS) };
}
