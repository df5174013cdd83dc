import { and, asc, count, eq, exists, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { account, accountStatuses, type Role } from "../identity/tables.ts";
import { person, roleAssignment } from "./tables.ts";
import { personScope, type OrganizationScope } from "./person-scope.ts";
import { containsPattern, foldSql } from "./search-text.ts";

export const PEOPLE_PAGE_SIZE = 25;

export interface PeopleQuery {
  partnershipId: string;
  organizationIds: OrganizationScope;
  q?: string;
  organizationId?: string | null;
  role?: Role | null;
  page?: number;
  pageSize?: number;
}

export interface PersonListRow {
  id: string;
  givenName: string;
  familyName: string;
  title: string;
  email: string;
  organizationId: string | null;
  organizationNameFr: string | null;
  organizationNameEn: string | null;
  organizationAcronym: string | null;
  accountStatus: (typeof accountStatuses)[number] | null;
  roles: Role[];
}

/** The Table's people, searched (accent- and case-insensitive) and filtered, one page at a time. */
export async function listPeople(db: Database, query: PeopleQuery) {
  const pageSize = query.pageSize ?? PEOPLE_PAGE_SIZE;
  const where: SQL[] = [personScope(query.partnershipId, query.organizationIds)];
  const term = query.q?.trim();
  if (term) {
    const pattern = containsPattern(term);
    where.push(
      or(
        sql`${foldSql(sql`${person.givenName} || ' ' || ${person.familyName}`)} like ${pattern}`,
        sql`${foldSql(sql`${person.familyName} || ' ' || ${person.givenName}`)} like ${pattern}`,
        sql`${foldSql(person.email)} like ${pattern}`,
      ) as SQL,
    );
  }
  if (query.organizationId) where.push(eq(person.organizationId, query.organizationId));
  if (query.role) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(roleAssignment)
          .where(
            and(
              eq(roleAssignment.personId, person.id),
              eq(roleAssignment.role, query.role),
              isNull(roleAssignment.revokedAt),
              query.role === "platform_admin" ? undefined : eq(roleAssignment.partnershipId, query.partnershipId),
            ),
          ),
      ),
    );
  }
  const condition = and(...where);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(person).where(condition);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  const rows = await db
    .select({
      id: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      title: person.title,
      email: person.email,
      organizationId: person.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      organizationAcronym: organization.acronym,
      accountStatus: account.status,
    })
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(account, eq(account.personId, person.id))
    .where(condition)
    .orderBy(asc(person.familyName), asc(person.givenName), asc(person.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const ids = rows.map((r) => r.id);
  const held = ids.length
    ? await db
        .select({ personId: roleAssignment.personId, role: roleAssignment.role })
        .from(roleAssignment)
        .where(
          and(
            inArray(roleAssignment.personId, ids),
            isNull(roleAssignment.revokedAt),
            or(eq(roleAssignment.partnershipId, query.partnershipId), isNull(roleAssignment.partnershipId)),
          ),
        )
    : [];
  const people: PersonListRow[] = rows.map((r) => ({
    ...r,
    roles: [...new Set(held.filter((h) => h.personId === r.id).map((h) => h.role))],
  }));
  return { people, total, page, pages, pageSize };
}
