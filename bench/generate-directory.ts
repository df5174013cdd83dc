import { sql } from "drizzle-orm";
import type { Database } from "../app/modules/db/client.server.ts";
import { organization, partnership, site } from "../app/modules/governance/tables.ts";
import { person } from "../app/modules/people/tables.ts";
import { pivotDesignation } from "../app/modules/directory/tables.ts";
import { buildSearchText } from "../app/modules/directory/search-text.server.ts";
import { clienteleCodes } from "../app/modules/directory/vocabulary.ts";
import { seededRandom } from "../tests/support/seeded-random.ts";

/**
 * Province-scale directory data: 17+ Tables, 2,000 organizations, 100,000 people (or ten times
 * that), a share of them designated as pivots. Invented names drawn from common Québec first
 * and family names (accents included, since accent-insensitive search is what is measured);
 * deterministic.
 */
export interface GenerateOptions {
  tables?: number;
  organizations?: number;
  people?: number;
  /** Share of people designated as pivots (0..1). */
  designatedShare?: number;
  seed?: number;
  /** Rows per INSERT statement (multi-row INSERTs). */
  batch?: number;
  /** People generated and written at a time (memory stays flat at a million people). */
  chunk?: number;
  log?: (line: string) => void;
}

export interface GeneratedDirectory {
  partnershipIds: string[];
  organizations: number;
  sites: number;
  people: number;
  designations: number;
  /** Samples the benchmark queries with: names as stored (with accents). */
  samples: { partnershipId: string; givenName: string; familyName: string; municipality: string }[];
}

const GIVEN = [
  "Hélène", "Éric", "Josée", "François", "Amélie", "Stéphane", "Geneviève", "Mélanie", "Frédéric", "Valérie",
  "Sébastien", "Julie", "Marc-André", "Émilie", "André", "Chloé", "Jérôme", "Noémie", "Benoît", "Andrée-Anne",
  "Karine", "Patrick", "Nathalie", "Martin", "Isabelle", "Simon", "Catherine", "Louis", "Marie-Ève", "Olivier",
  "Sophie", "Alexandre", "Caroline", "Maxime", "Annie", "Mathieu", "Véronique", "Guillaume", "Josiane", "Gabriel",
  "Zoé", "Félix", "Léa", "Raphaël", "Maëlle", "Loïc", "Inès", "Thomas", "Océane", "Rémi",
];
const FAMILY = [
  "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
  "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard", "Boucher",
  "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin",
  "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard", "Grenier", "Lessard", "Bernier",
  "Richard", "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte", "Lachance", "Parent", "Blais", "Gosselin",
  "Savard", "Proulx", "Beaudoin", "Demers", "Perron", "Boudreau", "Ménard", "Champagne", "Brisson", "Thériault",
];
const MUNICIPALITIES = [
  "Québec", "Lévis", "Montréal", "Laval", "Gatineau", "Longueuil", "Sherbrooke", "Saguenay", "Trois-Rivières", "Terrebonne",
  "Saint-Jérôme", "Rimouski", "Sept-Îles", "Val-d'Or", "Rouyn-Noranda", "Gaspé", "Drummondville", "Granby", "Saint-Hyacinthe", "Shawinigan",
  "Victoriaville", "Rivière-du-Loup", "Baie-Comeau", "Alma", "Joliette", "Sainte-Thérèse", "Beauport", "Chicoutimi", "Matane", "Îles-de-la-Madeleine",
];
const REGIONS = [
  "Capitale-Nationale", "Chaudière-Appalaches", "Montréal", "Laval", "Outaouais", "Montérégie", "Estrie", "Saguenay–Lac-Saint-Jean",
  "Mauricie", "Lanaudière", "Laurentides", "Bas-Saint-Laurent", "Côte-Nord", "Abitibi-Témiscamingue", "Gaspésie–Îles-de-la-Madeleine",
  "Centre-du-Québec", "Nord-du-Québec", "Nunavik", "Terres-Cries-de-la-Baie-James",
];
const ORG_KINDS: { type: (typeof organization.$inferInsert)["type"]; fr: string; en: string; acronym: string }[] = [
  { type: "youth_protection", fr: "Centre jeunesse", en: "Youth Centre", acronym: "CJ" },
  { type: "police", fr: "Service de police", en: "Police Service", acronym: "SP" },
  { type: "community", fr: "Maison des jeunes", en: "Youth House", acronym: "MDJ" },
  { type: "community", fr: "Organisme d'hébergement jeunesse", en: "Youth Shelter", acronym: "OHJ" },
  { type: "health_social_services", fr: "CLSC", en: "Local Community Service Centre", acronym: "CLSC" },
  { type: "school", fr: "Centre de services scolaire", en: "School Service Centre", acronym: "CSS" },
  { type: "regional_health_agency", fr: "Direction de santé publique", en: "Public Health Directorate", acronym: "DSP" },
  { type: "other", fr: "Carrefour jeunesse-emploi", en: "Youth Employment Centre", acronym: "CJE" },
];
const TITLES = ["Travailleuse sociale", "Éducateur spécialisé", "Psychoéducatrice", "Agent de relations humaines", "Infirmière clinicienne", "Policier-enquêteur", "Intervenante de milieu", "Technicien en éducation spécialisée"];

const EXPERTISE = ["Fugues", "Recrutement en ligne", "Exploitation sexuelle", "Gangs de rue", "Hébergement d'urgence", "Santé sexuelle", "Toxicomanie", "Milieu scolaire", "Réseaux sociaux", "Accompagnement judiciaire"];

async function insertBatched<T>(rows: T[], batch: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += batch) await insert(rows.slice(i, i + batch));
}

export async function generateDirectory(db: Database, options: GenerateOptions = {}): Promise<GeneratedDirectory> {
  const tables = options.tables ?? 17;
  const orgCount = options.organizations ?? 2000;
  const peopleCount = options.people ?? 100_000;
  const share = options.designatedShare ?? 0.25;
  const batch = options.batch ?? 1000;
  const chunk = options.chunk ?? 20_000;
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed ?? 2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const uuid = () => crypto.randomUUID();

  const partnerships = Array.from({ length: tables }, (_, i) => ({
    id: uuid(),
    slug: `bench-${String(i + 1).padStart(2, "0")}-${Math.floor(random() * 1e9).toString(36)}`,
    nameFr: `Table régionale ${REGIONS[i % REGIONS.length]}`,
    nameEn: `${REGIONS[i % REGIONS.length]} Regional Table`,
    region: REGIONS[i % REGIONS.length]!,
  }));
  await db.insert(partnership).values(partnerships);

  const orgs = Array.from({ length: orgCount }, (_, i) => {
    const kind = pick(ORG_KINDS);
    const city = pick(MUNICIPALITIES);
    return {
      id: uuid(),
      partnershipId: partnerships[i % tables]!.id,
      type: kind.type,
      nameFr: `${kind.fr} de ${city} ${Math.floor(i / ORG_KINDS.length) + 1}`,
      nameEn: `${city} ${kind.en} ${Math.floor(i / ORG_KINDS.length) + 1}`,
      acronym: `${kind.acronym}-${i + 1}`,
      territory: city,
    };
  });
  await insertBatched(orgs, batch, (chunk) => db.insert(organization).values(chunk));
  log(`  ${orgs.length} organizations`);

  const sites = orgs.flatMap((o) =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => {
      const city = random() < 0.7 ? o.territory : pick(MUNICIPALITIES);
      return { id: uuid(), partnershipId: o.partnershipId, organizationId: o.id, name: `Point de service ${city} ${k + 1}`, municipality: city, territory: city, address: `${100 + k}, rue Inventée` };
    }),
  );
  await insertBatched(sites, batch, (chunk) => db.insert(site).values(chunk));
  const sitesByOrg = new Map<string, typeof sites>();
  for (const s of sites) sitesByOrg.set(s.organizationId, [...(sitesByOrg.get(s.organizationId) ?? []), s]);
  log(`  ${sites.length} sites`);

  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const monthMs = 30 * 86_400_000;
  const samples: GeneratedDirectory["samples"] = [];
  let designationCount = 0;
  let peopleMs = 0;
  let designationsMs = 0;
  // People and their designations are made and written a chunk at a time: a million rows never
  // sit in memory together, and each INSERT carries `batch` rows.
  for (let first = 0; first < peopleCount; first += chunk) {
    const people = Array.from({ length: Math.min(chunk, peopleCount - first) }, (_, k) => {
      const i = first + k;
      const org = orgs[Math.floor(random() * orgs.length)]!;
      const orgSites = sitesByOrg.get(org.id) ?? [];
      const s = orgSites.length && random() < 0.6 ? pick(orgSites) : null;
      const givenName = pick(GIVEN);
      const familyName = random() < 0.1 ? `${pick(FAMILY)}-${pick(FAMILY)}` : pick(FAMILY);
      return {
        id: uuid(),
        partnershipId: org.partnershipId,
        organizationId: org.id,
        siteId: s?.id ?? null,
        givenName,
        familyName,
        title: pick(TITLES),
        email: `p${i}@bench.test`,
        phone: `418 555-${String(i % 10_000).padStart(4, "0")}`,
      };
    });
    const pStarted = Date.now();
    await insertBatched(people, batch, (rows) => db.insert(person).values(rows));
    peopleMs += Date.now() - pStarted;

    const designated = people.filter(() => random() < share);
    const designations = designated.map((p) => {
      const org = orgById.get(p.organizationId)!;
      const s = p.siteId ? siteById.get(p.siteId) : undefined;
      const ended = random() < 0.1;
      const languages = random() < 0.3 ? ["fr", "en"] : ["fr"];
      const clienteles = [pick(clienteleCodes), pick(clienteleCodes)].filter((c, i, all) => all.indexOf(c) === i);
      // Real entries list a few expertise tags and their vocabulary labels: search_text as long as theirs.
      const expertise = [pick(EXPERTISE), pick(EXPERTISE)].filter((c, i, all) => all.indexOf(c) === i);
      return {
        partnershipId: p.partnershipId,
        organizationId: p.organizationId,
        siteId: p.siteId,
        personId: p.id,
        rank: random() < 0.75 ? ("primary" as const) : ("backup" as const),
        since: "2015-01-01",
        until: ended ? "2020-12-31" : null,
        languages,
        clienteles,
        expertise,
        searchText: buildSearchText({
          givenName: p.givenName,
          familyName: p.familyName,
          title: p.title,
          organizationNameFr: org.nameFr,
          organizationNameEn: org.nameEn,
          organizationAcronym: org.acronym,
          organizationTerritory: org.territory,
          siteName: s?.name,
          siteMunicipality: s?.municipality,
          siteTerritory: s?.territory,
          languages,
          clienteles,
          expertise,
        }),
        confirmedAt: new Date(Date.now() - Math.floor(random() * 10 * monthMs)),
      };
    });
    const dStarted = Date.now();
    await insertBatched(designations, batch, (rows) => db.insert(pivotDesignation).values(rows));
    designationsMs += Date.now() - dStarted;
    for (const p of designated) {
      if (designationCount++ % 97 === 0 && samples.length < 400) {
        samples.push({ partnershipId: p.partnershipId, givenName: p.givenName, familyName: p.familyName, municipality: orgById.get(p.organizationId)!.territory });
      }
    }
    const done = first + people.length;
    if (peopleCount > chunk && done % 100_000 === 0 && done < peopleCount) log(`  … ${done} people, ${designationCount} designations`);
  }
  log(`  ${peopleCount} people (${peopleMs} ms of INSERTs)`);
  log(`  ${designationCount} designations (${designationsMs} ms of INSERTs)`);
  await db.execute(sql`analyze`);

  return {
    partnershipIds: partnerships.map((p) => p.id),
    organizations: orgs.length,
    sites: sites.length,
    people: peopleCount,
    designations: designationCount,
    samples,
  };
}
