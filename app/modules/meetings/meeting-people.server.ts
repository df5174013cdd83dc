import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import type { Role } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import type { InviteShortcut } from "./vocabulary.ts";

export interface InvitablePerson {
  id: string;
  name: string;
  organization: string;
  roles: Role[];
}

/** People of the Table (or of one organization for its follow-ups) who hold an active role, by name. */
export async function listInvitable(db: Database, partnershipId: string, organizationId: string | null): Promise<InvitablePerson[]> {
  const rows = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      acronym: organization.acronym,
      orgName: organization.nameFr,
      role: roleAssignment.role,
    })
    .from(person)
    .innerJoin(roleAssignment, and(eq(roleAssignment.personId, person.id), isNull(roleAssignment.revokedAt), eq(roleAssignment.partnershipId, partnershipId)))
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .where(and(eq(person.partnershipId, partnershipId), organizationId ? eq(person.organizationId, organizationId) : undefined))
    .orderBy(asc(person.familyName), asc(person.givenName));
  const byId = new Map<string, InvitablePerson>();
  for (const r of rows) {
    const current = byId.get(r.id) ?? { id: r.id, name: `${r.givenName} ${r.familyName}`, organization: r.acronym || r.orgName || "", roles: [] };
    if (!current.roles.includes(r.role)) current.roles.push(r.role);
    byId.set(r.id, current);
  }
  return [...byId.values()];
}

const shortcutRoles: Record<InviteShortcut, Role[]> = {
  delegates: ["table_coordinator", "table_member"],
  pivots: ["pivot", "pivot_coordinator"],
  trainers: ["trainer"],
  organization: ["pivot", "pivot_coordinator", "table_member"],
};

/** "Invite all delegates / all pivots / all trainers / the organization's pivots". */
export function shortcutInvitees(people: readonly InvitablePerson[], shortcut: InviteShortcut): string[] {
  const wanted = shortcutRoles[shortcut];
  return people.filter((p) => p.roles.some((r) => wanted.includes(r))).map((p) => p.id);
}

/** Keeps only ids of invitable people (anything else is refused by the caller). */
export function onlyInvitable(people: readonly InvitablePerson[], ids: readonly string[]): { ok: string[]; unknown: string[] } {
  const known = new Set(people.map((p) => p.id));
  return { ok: ids.filter((id) => known.has(id)), unknown: ids.filter((id) => !known.has(id)) };
}

export async function organizationsOf(db: Database, partnershipId: string, ids?: readonly string[]) {
  return db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), ids ? inArray(organization.id, ids.length ? [...ids] : ["00000000-0000-0000-0000-000000000000"]) : undefined))
    .orderBy(asc(organization.nameFr));
}
