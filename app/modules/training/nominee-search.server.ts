import type { Database } from "../db/client.server.ts";
import type { Locale } from "../../i18n/types.ts";
import { peopleByIds, searchPeople, type PersonChoice } from "../people/search-people.server.ts";
import { trainedPrograms } from "../training-evaluation/trained-people.server.ts";

export type NomineeChoice = PersonChoice & { trainedIn: string[] };

/** The nomination picker: the people the coordinator may nominate, each with the programs they are already certified in. */
export async function searchNominees(db: Database, input: { partnershipId: string; organizations: "all" | string[]; q: string; locale: Locale }): Promise<{ people: NomineeChoice[]; more: boolean }> {
  const found = await searchPeople(db, { partnershipId: input.partnershipId, organizationIds: input.organizations, q: input.q });
  const trained = await trainedPrograms(db, { partnershipId: input.partnershipId, personIds: found.people.map((p) => p.id), locale: input.locale });
  return { people: found.people.map((p) => ({ ...p, trainedIn: trained.get(p.id) ?? [] })), more: found.more };
}

/** The nominee already chosen (a form drawn again), with their certificates; outside the scope → null. */
export async function nomineeChoice(db: Database, input: { partnershipId: string; organizations: "all" | string[]; personId: string; locale: Locale }): Promise<NomineeChoice | null> {
  const [found] = await peopleByIds(db, { partnershipId: input.partnershipId, organizationIds: input.organizations, ids: [input.personId] });
  if (!found) return null;
  const trained = await trainedPrograms(db, { partnershipId: input.partnershipId, personIds: [found.id], locale: input.locale });
  return { ...found, trainedIn: trained.get(found.id) ?? [] };
}
