import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization, site } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { foldText } from "../people/search-text.ts";
import { en as directoryEn, fr as directoryFr } from "../../i18n/messages/directory.ts";
import { pivotDesignation } from "./tables.ts";

/** Separates the parts of search_text; the first part is always the person's full name (ranking relies on it). */
export const SEARCH_TEXT_SEPARATOR = " | ";

export interface SearchTextParts {
  givenName: string;
  familyName: string;
  title: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  organizationTerritory: string;
  siteName?: string | null;
  siteMunicipality?: string | null;
  siteTerritory?: string | null;
  /** The designation's own details: "fugue" finds "Fugues", "anglais" and "english" find en. */
  languages?: readonly string[];
  clienteles?: readonly string[];
  expertise?: readonly string[];
}

/**
 * A code's labels in both languages, as the cards show them: a reader searches with the word they
 * see, in either language. The labels are written into search_text, so the one trigram index
 * serves them too (no second condition per word at query time). Read by pattern rather than by
 * building key strings: the pages that save a designation need none of these messages.
 */
const LABEL_KEY = /^directory\.(language|clientele)\.(.+)$/;
const vocabularyLabels = new Map<string, string[]>();
for (const [key, label] of Object.entries(directoryFr)) {
  const m = LABEL_KEY.exec(key);
  if (m) vocabularyLabels.set(`${m[1]}:${m[2]}`, [label, directoryEn[key as keyof typeof directoryEn]]);
}

function labelsOf(kind: "language" | "clientele", codes: readonly string[] | undefined): string[] {
  return (codes ?? []).flatMap((code) => vocabularyLabels.get(`${kind}:${code}`) ?? []);
}

/** Folds a query or a name the way search_text is folded: lower case, no accents, single spaces. */
export function foldForSearch(value: string): string {
  return foldText(value).replace(/\s+/g, " ").trim();
}

/**
 * The text the directory search matches: "helene bouchard | travailleuse sociale | csss de la
 * vieille-capitale | …". Accents are stripped in JavaScript (NFD) because PGlite has no unaccent.
 */
export function buildSearchText(parts: SearchTextParts): string {
  const name = foldForSearch(`${parts.givenName} ${parts.familyName}`);
  const rest = [
    parts.title,
    parts.organizationNameFr,
    parts.organizationNameEn,
    parts.organizationAcronym,
    parts.organizationTerritory,
    parts.siteName ?? "",
    parts.siteMunicipality ?? "",
    parts.siteTerritory ?? "",
  ]
    .map(foldForSearch)
    .filter((p, i, all) => p !== "" && all.indexOf(p) === i);
  return [name, ...rest, ...searchTextDetails(parts)].join(SEARCH_TEXT_SEPARATOR);
}

/**
 * The designation's own details, last in search_text, in the order migration 0010 appends them
 * to rows written before: expertise tags, then each language's and clientele's labels.
 */
export function searchTextDetails(parts: Pick<SearchTextParts, "languages" | "clienteles" | "expertise">): string[] {
  return [...(parts.expertise ?? []), ...labelsOf("language", parts.languages), ...labelsOf("clientele", parts.clienteles)]
    .map(foldForSearch)
    .filter((p, i, all) => p !== "" && all.indexOf(p) === i);
}

/** The parts of one designation's search text, read from the current names. */
export async function searchTextFor(
  tx: Database,
  designation: { personId: string; organizationId: string; siteId: string | null; languages: readonly string[]; clienteles: readonly string[]; expertise: readonly string[] },
): Promise<string> {
  const [p] = await tx
    .select({ givenName: person.givenName, familyName: person.familyName, title: person.title })
    .from(person)
    .where(eq(person.id, designation.personId));
  const [o] = await tx
    .select({ nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym, territory: organization.territory })
    .from(organization)
    .where(eq(organization.id, designation.organizationId));
  const [s] = designation.siteId
    ? await tx
        .select({ name: site.name, municipality: site.municipality, territory: site.territory })
        .from(site)
        .where(eq(site.id, designation.siteId))
    : [];
  return buildSearchText({
    givenName: p?.givenName ?? "",
    familyName: p?.familyName ?? "",
    title: p?.title ?? "",
    organizationNameFr: o?.nameFr ?? "",
    organizationNameEn: o?.nameEn ?? "",
    organizationAcronym: o?.acronym ?? "",
    organizationTerritory: o?.territory ?? "",
    siteName: s?.name,
    siteMunicipality: s?.municipality,
    siteTerritory: s?.territory,
    languages: designation.languages,
    clienteles: designation.clienteles,
    expertise: designation.expertise,
  });
}

/**
 * Recomputes search_text of every designation (current or ended) that mentions the given
 * organization, site or person. Call it in the transaction that renames one of them, so the
 * directory never finds a stale name. Returns how many designations were refreshed.
 */
export async function refreshDirectorySearchText(
  tx: Database,
  input: { organizationId?: string; siteId?: string; personId?: string },
): Promise<number> {
  const conditions: SQL[] = [];
  if (input.organizationId) conditions.push(eq(pivotDesignation.organizationId, input.organizationId));
  if (input.siteId) conditions.push(eq(pivotDesignation.siteId, input.siteId));
  if (input.personId) conditions.push(eq(pivotDesignation.personId, input.personId));
  if (conditions.length === 0) return 0;
  const rows = await tx
    .select({
      id: pivotDesignation.id,
      searchText: pivotDesignation.searchText,
      languages: pivotDesignation.languages,
      clienteles: pivotDesignation.clienteles,
      expertise: pivotDesignation.expertise,
      givenName: person.givenName,
      familyName: person.familyName,
      title: person.title,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      organizationAcronym: organization.acronym,
      organizationTerritory: organization.territory,
      siteName: site.name,
      siteMunicipality: site.municipality,
      siteTerritory: site.territory,
    })
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(or(...conditions));
  let changed = 0;
  const byText = new Map<string, string[]>();
  for (const row of rows) {
    const text = buildSearchText(row);
    if (text === row.searchText) continue;
    byText.set(text, [...(byText.get(text) ?? []), row.id]);
    changed++;
  }
  for (const [text, ids] of byText) {
    await tx.update(pivotDesignation).set({ searchText: text }).where(and(inArray(pivotDesignation.id, ids)));
  }
  return changed;
}
