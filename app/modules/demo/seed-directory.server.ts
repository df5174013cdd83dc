import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { organization, partnership, site } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { ensurePivotRole } from "../directory/pivot-role.server.ts";
import { searchTextFor } from "../directory/search-text.server.ts";
import { pivotDesignation } from "../directory/tables.ts";
import type { ClienteleCode, LanguageCode, Rank } from "../directory/vocabulary.ts";
import { addMonths } from "../time/days.ts";

/**
 * The demo's pivot directory. Pivots are the demo's invented people, found by email; one more
 * invented person is added where the demo has no pivot at the school worker's site. One entry
 * (Karine Fortier's, who can sign in) was last confirmed 8 months ago, so the "to be confirmed"
 * flag and the one-click confirmation can be seen.
 */
interface DemoDesignation {
  email: string;
  acronym: string;
  siteName?: string;
  rank: Rank;
  since: string;
  languages: LanguageCode[];
  clienteles: ClienteleCode[];
  expertise: string[];
  availability: string;
  /** Months since the entry was last confirmed (default: confirmed a few weeks ago). */
  confirmedMonthsAgo?: number;
}

interface ExtraPerson {
  email: string;
  givenName: string;
  familyName: string;
  title: string;
  acronym: string;
  siteName?: string;
  phone: string;
}

const SEED = "demo-seed-directory";

const quebecExtras: ExtraPerson[] = [
  {
    email: "josee.lachance@filet.test",
    givenName: "Josée",
    familyName: "Lachance-Morin",
    title: "Psychoéducatrice, intervenante pivot",
    acronym: "CSPS",
    siteName: "École secondaire des Berges",
    phone: "418 555-0125",
  },
];

const quebecDesignations: DemoDesignation[] = [
  {
    email: "pivot.cjq@filet.test",
    acronym: "CJQ-IU",
    rank: "primary",
    since: "2009-10-01",
    languages: ["fr", "en"],
    clienteles: ["12-17", "girls", "boys"],
    expertise: ["Signalement", "Exploitation en ligne", "Fugues"],
    availability: "Lundi au vendredi, 8 h 30 à 16 h 30",
    confirmedMonthsAgo: 8,
  },
  {
    email: "coord-pivots.spvq@filet.test",
    acronym: "SPVQ",
    siteName: "District de police La Cité-Limoilou",
    rank: "primary",
    since: "2010-01-15",
    languages: ["fr"],
    clienteles: ["12-17", "18-21"],
    expertise: ["Enquête", "Proxénétisme", "Gangs de rue"],
    availability: "Lundi au vendredi, 7 h à 15 h; urgence : 911",
  },
  {
    email: "helene.bouchard@filet.test",
    acronym: "CSSS VC",
    siteName: "CLSC de la Basse-Ville",
    rank: "primary",
    since: "2011-09-01",
    languages: ["fr"],
    clienteles: ["12-17", "girls", "lgbtq", "newcomers"],
    expertise: ["Santé sexuelle", "Intervention de crise"],
    availability: "Mardi au vendredi, 9 h à 17 h",
  },
  {
    email: "marc-andre.pelletier@filet.test",
    acronym: "CSSS QN",
    siteName: "CLSC de Charlesbourg",
    rank: "primary",
    since: "2012-02-01",
    languages: ["fr"],
    clienteles: ["12-17", "boys", "sexual_minorities"],
    expertise: ["Santé sexuelle", "Dépistage"],
    availability: "Lundi au jeudi, 8 h à 16 h",
  },
  {
    email: "sophie.tremblay@filet.test",
    acronym: "CSDC",
    siteName: "École secondaire de la Haute-Ville",
    rank: "primary",
    since: "2013-08-26",
    languages: ["fr"],
    clienteles: ["12-17", "girls", "boys"],
    expertise: ["Milieu scolaire", "Prévention"],
    availability: "Jours de classe, 8 h à 15 h 30",
  },
  {
    email: "josee.lachance@filet.test",
    acronym: "CSPS",
    siteName: "École secondaire des Berges",
    rank: "primary",
    since: "2018-08-27",
    languages: ["fr"],
    clienteles: ["12-17", "girls", "boys", "first_nations_inuit"],
    expertise: ["Milieu scolaire", "Exploitation en ligne"],
    availability: "Jours de classe, 8 h à 16 h",
  },
  {
    email: "david.nguyen@filet.test",
    acronym: "CQSB",
    rank: "primary",
    since: "2010-01-11",
    languages: ["en", "fr"],
    clienteles: ["12-17", "newcomers"],
    expertise: ["English-speaking students", "Prévention"],
    availability: "School days, 8:00 a.m. to 4:00 p.m.",
  },
  {
    email: "olivier.bergeron@filet.test",
    acronym: "TRAIC",
    rank: "primary",
    since: "2010-01-11",
    languages: ["fr"],
    clienteles: ["12-17", "boys", "families"],
    expertise: ["Justice pénale pour adolescents", "Réinsertion"],
    availability: "Lundi au vendredi, 9 h à 17 h",
  },
  {
    email: "amelie.caron@filet.test",
    acronym: "PIPQ",
    siteName: "Point de service de la Rive-Sud",
    rank: "backup",
    since: "2014-05-01",
    languages: ["fr", "es"],
    clienteles: ["12-17", "18-21", "girls", "lgbtq"],
    expertise: ["Travail de rue", "Réduction des méfaits"],
    availability: "Soirs de semaine, 16 h à minuit",
  },
];

const chaudiereDesignations: DemoDesignation[] = [
  {
    email: "helene.morissette@filet.test",
    acronym: "SPVL",
    siteName: "Poste de police Desjardins",
    rank: "primary",
    since: "2015-03-01",
    languages: ["fr"],
    clienteles: ["12-17"],
    expertise: ["Enquête"],
    availability: "Lundi au vendredi, 8 h à 16 h",
  },
];

const bySlug: Record<string, { extras: ExtraPerson[]; designations: DemoDesignation[] }> = {
  quebec: { extras: quebecExtras, designations: quebecDesignations },
  "chaudiere-appalaches": { extras: [], designations: chaudiereDesignations },
};

async function orgByAcronym(tx: Database, partnershipId: string, acronym: string) {
  const [row] = await tx
    .select({ id: organization.id })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), eq(organization.acronym, acronym)));
  return row?.id ?? null;
}

async function siteByName(tx: Database, organizationId: string, name: string | undefined) {
  if (!name) return null;
  const [row] = await tx.select({ id: site.id }).from(site).where(and(eq(site.organizationId, organizationId), eq(site.name, name)));
  return row?.id ?? null;
}

/**
 * Designates the demo Table's pivots. Idempotent: a person already designated in that
 * organization is left as is, so a second run (or a restart) changes nothing.
 */
export async function seedDirectoryDemo(tx: Database, partnershipId: string, now: Date = new Date()): Promise<void> {
  const [table] = await tx.select({ slug: partnership.slug }).from(partnership).where(eq(partnership.id, partnershipId));
  const plan = table ? bySlug[table.slug] : undefined;
  if (!plan) return;
  const actor = systemActor(SEED, partnershipId);
  for (const extra of plan.extras) {
    const [existing] = await tx.select({ id: person.id }).from(person).where(and(eq(person.email, extra.email), eq(person.partnershipId, partnershipId)));
    if (existing) continue;
    const organizationId = await orgByAcronym(tx, partnershipId, extra.acronym);
    if (!organizationId) continue;
    await tx.insert(person).values({
      partnershipId,
      organizationId,
      siteId: await siteByName(tx, organizationId, extra.siteName),
      givenName: extra.givenName,
      familyName: extra.familyName,
      title: extra.title,
      email: extra.email,
      phone: extra.phone,
    });
  }
  let designated = 0;
  for (const d of plan.designations) {
    const organizationId = await orgByAcronym(tx, partnershipId, d.acronym);
    const [who] = await tx.select({ id: person.id }).from(person).where(and(eq(person.email, d.email), eq(person.partnershipId, partnershipId)));
    if (!organizationId || !who) continue;
    const already = await tx
      .select({ id: pivotDesignation.id })
      .from(pivotDesignation)
      .where(and(eq(pivotDesignation.personId, who.id), eq(pivotDesignation.organizationId, organizationId)))
      .limit(1);
    if (already.length) continue;
    const siteId = await siteByName(tx, organizationId, d.siteName);
    const confirmedAt = d.confirmedMonthsAgo ? addMonths(now, -d.confirmedMonthsAgo) : new Date(now.getTime() - 20 * 86_400_000);
    await tx.insert(pivotDesignation).values({
      partnershipId,
      organizationId,
      siteId,
      personId: who.id,
      rank: d.rank,
      since: d.since,
      languages: d.languages,
      clienteles: d.clienteles,
      expertise: d.expertise,
      availability: d.availability,
      searchText: await searchTextFor(tx, { personId: who.id, organizationId, siteId }),
      confirmedAt,
      createdAt: confirmedAt,
      updatedAt: confirmedAt,
    });
    await ensurePivotRole(tx, actor, { partnershipId, organizationId, personId: who.id });
    designated++;
  }
  if (designated) {
    await recordAuditEvent(tx, actor, { action: "demo.directory_seeded", targetType: "partnership", targetId: partnershipId, details: { designations: designated } });
  }
}
