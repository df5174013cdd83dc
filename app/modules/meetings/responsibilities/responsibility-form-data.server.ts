import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { listObjectivesForSelect } from "../../action-plan/list-objectives.server.ts";
import { organization } from "../../governance/tables.ts";
import { pickerQuery, valuesFromQuery } from "../../people/picker-query.ts";
import { peopleByIds, searchPeople, type PersonChoice } from "../../people/search-people.server.ts";

export interface OwnerChoices {
  organizations: { value: string; label: string }[];
  objectives: { value: string; label: string }[];
  /** The owner picker: the organization it is limited to, the person chosen, what its search without JavaScript found. */
  owner: { organization: string | null; current: PersonChoice | null; search: { q: string; people: PersonChoice[]; more: boolean } | null };
  /** The form's values when its picker searched (without JavaScript), to draw it again with them. */
  values: Record<string, string> | null;
}

export const RESPONSIBILITY_FIELDS = ["what", "ownerKind", "owner", "ownerOrganization", "dueOn", "objectiveId"] as const;

/**
 * What the responsibility form offers: the organizations and objectives, and for the owner the
 * shared people picker (never the Table's whole list): the current owner by name and, after a
 * search, at most 20 people, of the Table or of the one organization the responsibility belongs to.
 */
export async function responsibilityFormData(
  db: Database,
  partnershipId: string,
  scopeOrganizationId: string | null,
  picker: { params: URLSearchParams; currentPersonId?: string | null } = { params: new URLSearchParams() },
): Promise<OwnerChoices> {
  const organizationIds = scopeOrganizationId ? [scopeOrganizationId] : "all";
  const q = pickerQuery(picker.params, "owner");
  // After a search, the person ticked before it stays the choice shown.
  const ticked = q === null ? null : /^person:([0-9a-f-]{36})$/i.exec(picker.params.get("owner") ?? "")?.[1]?.toLowerCase();
  const currentId = ticked ?? picker.currentPersonId ?? null;
  const [orgs, objectives, current, search] = await Promise.all([
    db
      .select({ id: organization.id, nameFr: organization.nameFr, acronym: organization.acronym })
      .from(organization)
      .where(and(eq(organization.partnershipId, partnershipId), scopeOrganizationId ? eq(organization.id, scopeOrganizationId) : undefined))
      .orderBy(asc(organization.nameFr)),
    listObjectivesForSelect(db, partnershipId),
    currentId ? peopleByIds(db, { partnershipId, organizationIds, ids: [currentId] }) : Promise.resolve([]),
    q === null ? Promise.resolve(null) : searchPeople(db, { partnershipId, organizationIds, q }),
  ]);
  return {
    organizations: orgs.map((o) => ({ value: `organization:${o.id}`, label: o.acronym ? `${o.nameFr} (${o.acronym})` : o.nameFr })),
    objectives: objectives.map((o) => ({ value: o.id, label: o.label })),
    owner: { organization: scopeOrganizationId, current: current[0] ?? null, search: search && q !== null ? { q, ...search } : null },
    values: q === null ? null : (valuesFromQuery(picker.params, RESPONSIBILITY_FIELDS) as Record<string, string>),
  };
}
