import { and, asc, count, desc, eq, gte, lte, sum, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import type { PivotActivityType } from "./activity-schema.ts";
import { pivotActivity } from "./tables.ts";

export interface ActivityFilters {
  partnershipId: string;
  organizationId?: string | null;
  type?: PivotActivityType | null;
  from?: string | null;
  to?: string | null;
}

export const ACTIVITIES_PAGE_SIZE = 20;

function where(f: ActivityFilters): SQL {
  const parts: (SQL | undefined)[] = [eq(pivotActivity.partnershipId, f.partnershipId)];
  if (f.organizationId) parts.push(eq(pivotActivity.organizationId, f.organizationId));
  if (f.type) parts.push(eq(pivotActivity.type, f.type));
  if (f.from) parts.push(gte(pivotActivity.occurredOn, f.from));
  if (f.to) parts.push(lte(pivotActivity.occurredOn, f.to));
  return and(...parts) as SQL;
}

export interface FeedActivity {
  id: string;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  personId: string;
  personName: string;
  type: PivotActivityType;
  occurredOn: string;
  durationMinutes: number;
  audience: string;
  audienceSize: number | null;
  notes: string;
}

/** The network's shared feed ("mettre en commun les activités"), newest first, one Table only. */
export async function listPivotActivities(
  db: Database,
  filters: ActivityFilters & { page: number },
): Promise<{ items: FeedActivity[]; total: number; page: number; pages: number }> {
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(pivotActivity).where(where(filters));
  const pages = Math.max(1, Math.ceil(total / ACTIVITIES_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pages);
  const rows = await db
    .select({
      id: pivotActivity.id,
      organizationId: pivotActivity.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      organizationAcronym: organization.acronym,
      personId: pivotActivity.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      type: pivotActivity.type,
      occurredOn: pivotActivity.occurredOn,
      durationMinutes: pivotActivity.durationMinutes,
      audience: pivotActivity.audience,
      audienceSize: pivotActivity.audienceSize,
      notes: pivotActivity.notes,
    })
    .from(pivotActivity)
    .innerJoin(organization, eq(organization.id, pivotActivity.organizationId))
    .innerJoin(person, eq(person.id, pivotActivity.personId))
    .where(where(filters))
    .orderBy(desc(pivotActivity.occurredOn), desc(pivotActivity.createdAt))
    .limit(ACTIVITIES_PAGE_SIZE)
    .offset((page - 1) * ACTIVITIES_PAGE_SIZE);
  return {
    items: rows.map(({ givenName, familyName, ...rest }) => ({ ...rest, personName: `${givenName} ${familyName}` })),
    total,
    page,
    pages,
  };
}

export interface ActivityCountRow {
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  counts: Partial<Record<PivotActivityType, number>>;
  total: number;
  minutes: number;
}

/** Counts per organization and type for the same filters (the period table under the feed). */
export async function countPivotActivities(db: Database, filters: ActivityFilters): Promise<ActivityCountRow[]> {
  const rows = await db
    .select({
      organizationId: pivotActivity.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      organizationAcronym: organization.acronym,
      type: pivotActivity.type,
      n: count(),
      minutes: sum(pivotActivity.durationMinutes),
    })
    .from(pivotActivity)
    .innerJoin(organization, eq(organization.id, pivotActivity.organizationId))
    .where(where(filters))
    .groupBy(pivotActivity.organizationId, organization.nameFr, organization.nameEn, organization.acronym, pivotActivity.type)
    .orderBy(asc(organization.nameFr));
  const byOrg = new Map<string, ActivityCountRow>();
  for (const r of rows) {
    const entry =
      byOrg.get(r.organizationId) ??
      byOrg
        .set(r.organizationId, {
          organizationId: r.organizationId,
          organizationNameFr: r.organizationNameFr,
          organizationNameEn: r.organizationNameEn,
          organizationAcronym: r.organizationAcronym,
          counts: {},
          total: 0,
          minutes: 0,
        })
        .get(r.organizationId)!;
    const n = Number(r.n);
    entry.counts[r.type] = n;
    entry.total += n;
    entry.minutes += Number(r.minutes ?? 0);
  }
  return [...byOrg.values()];
}

/** Organizations of the Table, for the feed's filter. */
export async function listTableOrganizations(
  db: Database,
  partnershipId: string,
): Promise<{ id: string; nameFr: string; nameEn: string; acronym: string }[]> {
  return db
    .select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.partnershipId, partnershipId))
    .orderBy(asc(organization.nameFr));
}
