import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import type { Role } from "../identity/roles.ts";
import { personScope, type OrganizationScope } from "./person-scope.ts";
import { containsPattern, foldSql } from "./search-text.ts";
import { person, roleAssignment } from "./tables.ts";

/** How many people a picker shows at once: more words narrow it down. */
export const PEOPLE_PICKER_LIMIT = 20;

export interface PersonChoice {
  id: string;
  /** "Given Family", in full. */
  name: string;
  /** The organization's acronym, or its name when it has none. */
  organization: string | null;
}

export interface PeopleSearch {
  partnershipId: string;
  /** Whose people the reader may pick (a pivot coordinator: their organizations). */
  organizationIds: OrganizationScope;
  q: string;
  /** Only people holding this role now (in the Table). */
  role?: Role;
  limit?: number;
}

const choiceColumns = { id: person.id, given: person.givenName, family: person.familyName, nameFr: organization.nameFr, acronym: organization.acronym };
type ChoiceRow = { id: string; given: string; family: string; nameFr: string | null; acronym: string | null };
const toChoice = (r: ChoiceRow): PersonChoice => ({ id: r.id, name: `${r.given} ${r.family}`, organization: r.acronym || r.nameFr || null });

/**
 * The shared picker's search: people of the Table (and of the reader's organizations) whose name
 * or organization (name or acronym) contains the words, accents and case ignored. The Table is in
 * the WHERE clause, so another Table's person is never found. At most `limit`; `more` says when
 * others match. Fewer than two characters find nobody (the list would be the whole Table).
 */
export async function searchPeople(db: Database, input: PeopleSearch): Promise<{ people: PersonChoice[]; more: boolean }> {
  const term = input.q.trim();
  if (term.length < 2) return { people: [], more: false };
  const limit = Math.min(input.limit ?? PEOPLE_PICKER_LIMIT, PEOPLE_PICKER_LIMIT);
  const words = term.split(/\s+/).slice(0, 5).map(containsPattern);
  const haystack = foldSql(sql`${person.givenName} || ' ' || ${person.familyName} || ' ' || coalesce(${organization.nameFr}, '') || ' ' || coalesce(${organization.acronym}, '')`);
  const rows = await db
    .select(choiceColumns)
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(
      and(
        personScope(input.partnershipId, input.organizationIds),
        ...words.map((w) => sql`${haystack} like ${w}`),
        input.role ? hasRole(input.partnershipId, input.role) : undefined,
      ),
    )
    .orderBy(asc(person.familyName), asc(person.givenName), asc(person.id))
    .limit(limit + 1);
  return { people: rows.slice(0, limit).map(toChoice), more: rows.length > limit };
}

function hasRole(partnershipId: string, role: Role): SQL {
  const held = and(eq(roleAssignment.personId, person.id), eq(roleAssignment.partnershipId, partnershipId), eq(roleAssignment.role, role), isNull(roleAssignment.revokedAt));
  return sql`exists (select 1 from ${roleAssignment} where ${held})`;
}

/** The choices already made (a form's current value), by id, in the same scope; unknown ids are left out. */
export async function peopleByIds(db: Database, input: { partnershipId: string; organizationIds: OrganizationScope; ids: string[] }): Promise<PersonChoice[]> {
  if (input.ids.length === 0) return [];
  const rows = await db
    .select(choiceColumns)
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(and(personScope(input.partnershipId, input.organizationIds), inArray(person.id, input.ids)));
  return rows.map(toChoice);
}
