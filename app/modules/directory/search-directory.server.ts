import { and, asc, eq, like, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { foldSql } from "../people/search-text.ts";
import { isCurrentDesignation } from "./current.server.ts";
import { isStale } from "./dates.ts";
import { foldForSearch, SEARCH_TEXT_SEPARATOR } from "./search-text.server.ts";
import { pivotDesignation } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

export const DIRECTORY_PAGE_SIZE = 20;
/** Bounds the work of one query: more words than this add nothing a person would type. */
const MAX_WORDS = 6;

export interface DirectoryQuery {
  partnershipId: string;
  q?: string;
  organizationId?: string | null;
  siteId?: string | null;
  /** Matches the organization's or the site's territory (folded, partial). */
  territory?: string | null;
  language?: string | null;
  clientele?: string | null;
  expertise?: string | null;
  page?: number;
  pageSize?: number;
  now?: Date;
  /** The Table's period after which an entry is "to be confirmed". */
  freshnessMonths: number;
}

export interface DirectoryEntry {
  designationId: string;
  personId: string;
  givenName: string;
  familyName: string;
  title: string;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  siteId: string | null;
  siteName: string | null;
  siteMunicipality: string | null;
  /** The territory served: the site's when it names one, else the organization's ("" when neither does). */
  territory: string;
  rank: "primary" | "backup";
  since: string;
  until: string | null;
  languages: string[];
  clienteles: string[];
  expertise: string[];
  availability: string;
  phone: string;
  email: string;
  confirmedAt: Date;
  stale: boolean;
}

export interface DirectoryPage {
  entries: DirectoryEntry[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

/** LIKE's wildcards in a user's word are taken literally. */
function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The query's words, folded like search_text ("Hélène  B." → ["helene", "b."]). */
export function queryWords(q: string | undefined): string[] {
  return foldForSearch(q ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

/**
 * The directory search: accent- and case-insensitive partial matching of every word on
 * search_text (the trigram index serves `like '%word%'`): names, title, organization, site,
 * territories, expertise, and the labels of languages and clienteles in French and English
 * (search-text.server.ts), so each word is one index condition. Inside one Table only, current
 * designations only. Ranked: exact full name, then a name starting with the query (or one of
 * the name's words starting with it), then the rest; then by family and given name.
 */
export async function searchDirectory(db: Database, query: DirectoryQuery): Promise<DirectoryPage> {
  const now = query.now ?? new Date();
  const today = quebecDay(now);
  const pageSize = query.pageSize ?? DIRECTORY_PAGE_SIZE;
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const words = queryWords(query.q);
  const phrase = words.join(" ");

  const conditions: SQL[] = [
    eq(pivotDesignation.partnershipId, query.partnershipId),
    isCurrentDesignation(today),
  ];
  for (const word of words) conditions.push(like(pivotDesignation.searchText, `%${escapeLike(word)}%`));
  if (query.organizationId) conditions.push(eq(pivotDesignation.organizationId, query.organizationId));
  if (query.siteId) conditions.push(eq(pivotDesignation.siteId, query.siteId));
  if (query.language) conditions.push(sql`${query.language} = any(${pivotDesignation.languages})`);
  if (query.clientele) conditions.push(sql`${query.clientele} = any(${pivotDesignation.clienteles})`);
  if (query.expertise) {
    const pattern = `%${escapeLike(foldForSearch(query.expertise))}%`;
    conditions.push(
      sql`exists (select 1 from unnest(${pivotDesignation.expertise}) as e(tag) where ${foldSql(sql`e.tag`)} like ${pattern})`,
    );
  }
  if (query.territory) {
    const pattern = `%${escapeLike(foldForSearch(query.territory))}%`;
    conditions.push(
      or(
        like(foldSql(organization.territory), pattern),
        like(foldSql(sql`coalesce(${site.territory}, '')`), pattern),
        like(foldSql(sql`coalesce(${site.municipality}, '')`), pattern),
      )!,
    );
  }

  const nameOf = sql`split_part(${pivotDesignation.searchText}, ${SEARCH_TEXT_SEPARATOR}, 1)`;
  // Without a query there is nothing to rank by: alphabetical order only. (A bare constant
  // must not go into ORDER BY: "order by 2" would mean the second column.)
  const rank = phrase
    ? [
        sql<number>`case when ${nameOf} = ${phrase} then 0
        when ${nameOf} like ${`${escapeLike(phrase)}%`} or ${nameOf} like ${`% ${escapeLike(phrase)}%`} then 1
        else 2 end`,
      ]
    : [];

  const rows = await db
    .select({
      designationId: pivotDesignation.id,
      personId: pivotDesignation.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      title: person.title,
      organizationId: pivotDesignation.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      organizationAcronym: organization.acronym,
      siteId: pivotDesignation.siteId,
      siteName: site.name,
      siteMunicipality: site.municipality,
      siteTerritory: site.territory,
      organizationTerritory: organization.territory,
      rank: pivotDesignation.rank,
      since: pivotDesignation.since,
      until: pivotDesignation.until,
      languages: pivotDesignation.languages,
      clienteles: pivotDesignation.clienteles,
      expertise: pivotDesignation.expertise,
      availability: pivotDesignation.availability,
      contactPhone: pivotDesignation.contactPhone,
      contactEmail: pivotDesignation.contactEmail,
      personPhone: person.phone,
      personEmail: person.email,
      confirmedAt: pivotDesignation.confirmedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, and(eq(organization.id, pivotDesignation.organizationId), eq(organization.partnershipId, query.partnershipId)))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(and(...conditions))
    .orderBy(...rank, asc(person.familyName), asc(person.givenName), asc(pivotDesignation.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    // Past the last page: count anyway so the pager can lead back.
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(pivotDesignation)
      .innerJoin(organization, and(eq(organization.id, pivotDesignation.organizationId), eq(organization.partnershipId, query.partnershipId)))
      .leftJoin(site, eq(site.id, pivotDesignation.siteId))
      .where(and(...conditions));
    total = counted?.n ?? 0;
  }
  return {
    entries: rows.map((r) => ({
      designationId: r.designationId,
      personId: r.personId,
      givenName: r.givenName,
      familyName: r.familyName,
      title: r.title,
      organizationId: r.organizationId,
      organizationNameFr: r.organizationNameFr,
      organizationNameEn: r.organizationNameEn,
      organizationAcronym: r.organizationAcronym,
      siteId: r.siteId,
      siteName: r.siteName ?? null,
      siteMunicipality: r.siteMunicipality ?? null,
      territory: r.siteTerritory || r.organizationTerritory,
      rank: r.rank,
      since: r.since,
      until: r.until,
      languages: r.languages,
      clienteles: r.clienteles,
      expertise: r.expertise,
      availability: r.availability,
      phone: r.contactPhone || r.personPhone,
      email: r.contactEmail || r.personEmail,
      confirmedAt: new Date(r.confirmedAt),
      stale: isStale(new Date(r.confirmedAt), now, query.freshnessMonths),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
  };
}
