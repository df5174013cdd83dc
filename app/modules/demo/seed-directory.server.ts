import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import {
  recordAuditEvent,
  systemActor,
} from "../audit/record-audit-event.server.ts";
import { organization, partnership, site } from "../governance/tables.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { ensurePivotRole } from "../directory/pivot-role.server.ts";
import { searchTextFor } from "../directory/search-text.server.ts";
import {
  designationCorrection,
  pivotDesignation,
} from "../directory/tables.ts";
import type {
  ClienteleCode,
  LanguageCode,
  Rank,
} from "../directory/vocabulary.ts";
import { addMonths, quebecDay } from "../time/days.ts";

/**
 * The demo's pivot directory. Pivots are the demo's invented people, found by email; one more
 * invented person is added where the demo has no pivot at the school worker's site. One entry
 * (Karine Fortier's, who can sign in) was last confirmed 8 months ago, so the "to be confirmed"
 * flag and the one-click confirmation can be seen; Isabelle Roy's has an open correction request.
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
  /** The designation ends this many days after seeding (default: open-ended). */
  endsInDays?: number;
  /** A correction the pivot asked for two days ago, still open (seen on /directory/stale). */
  correctionAsked?: string;
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
  {
    email: "isabelle.roy@filet.test",
    givenName: "Isabelle",
    familyName: "Roy",
    title: "Agente sociocommunautaire, intervenante pivot substitut",
    acronym: "SPVQ",
    siteName: "District de police La Cité-Limoilou",
    phone: "418 555-0127",
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
  // The SPVQ coordinator's work on their home page: a backup pivot whose entry is stale and whose
  // designation ends in three weeks (she moves to another post).
  {
    email: "isabelle.roy@filet.test",
    acronym: "SPVQ",
    siteName: "District de police La Cité-Limoilou",
    rank: "backup",
    since: "2019-09-03",
    languages: ["fr"],
    clienteles: ["12-17", "girls"],
    expertise: ["Prévention", "Exploitation en ligne"],
    availability: "Lundi au jeudi, 8 h à 16 h",
    confirmedMonthsAgo: 7,
    correctionAsked:
      "Ma disponibilité a changé depuis septembre : du mardi au vendredi, 8 h à 16 h. J'ajoute aussi l'anglais à mes langues.",
    endsInDays: 21,
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

const bySlug: Record<
  string,
  { extras: ExtraPerson[]; designations: DemoDesignation[] }
> = {
  quebec: { extras: quebecExtras, designations: quebecDesignations },
  "chaudiere-appalaches": { extras: [], designations: chaudiereDesignations },
};

async function orgByAcronym(
  tx: Database,
  partnershipId: string,
  acronym: string,
) {
  const [row] = await tx
    .select({ id: organization.id })
    .from(organization)
    .where(
      and(
        eq(organization.partnershipId, partnershipId),
        eq(organization.acronym, acronym),
      ),
    );
  return row?.id ?? null;
}

async function siteByName(
  tx: Database,
  organizationId: string,
  name: string | undefined,
) {
  if (!name) return null;
  const [row] = await tx
    .select({ id: site.id })
    .from(site)
    .where(and(eq(site.organizationId, organizationId), eq(site.name, name)));
  return row?.id ?? null;
}

async function ensureDemoAccount(
  tx: Database,
  personId: string,
  email: string,
  passwordHash: string,
  now: Date,
) {
  const [held] = await tx
    .select({ id: account.id })
    .from(account)
    .where(eq(account.personId, personId))
    .limit(1);
  if (held) return;
  await tx
    .insert(account)
    .values({
      personId,
      email: email.toLowerCase(),
      passwordHash,
      status: "active",
      locale: "fr",
      approvedAt: now,
    });
}

/**
 * Designates the demo Table's pivots. Idempotent: a person already designated in that
 * organization is left as is, so a second run (or a restart) changes nothing. With
 * `passwordHash` (the demo's password), every pivot also gets an active account: each pivot a
 * worker is offered can receive a consultation, and one can sign in as any of them.
 */
export async function seedDirectoryDemo(
  tx: Database,
  partnershipId: string,
  now: Date = new Date(),
  passwordHash?: string,
): Promise<void> {
  const [table] = await tx
    .select({ slug: partnership.slug })
    .from(partnership)
    .where(eq(partnership.id, partnershipId));
  const plan = table ? bySlug[table.slug] : undefined;
  if (!plan) return;
  const actor = systemActor(SEED, partnershipId);
  for (const extra of plan.extras) {
    const [existing] = await tx
      .select({ id: person.id })
      .from(person)
      .where(
        and(
          eq(person.email, extra.email),
          eq(person.partnershipId, partnershipId),
        ),
      );
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
    const [who] = await tx
      .select({ id: person.id })
      .from(person)
      .where(
        and(eq(person.email, d.email), eq(person.partnershipId, partnershipId)),
      );
    if (!organizationId || !who) continue;
    const already = await tx
      .select({ id: pivotDesignation.id })
      .from(pivotDesignation)
      .where(
        and(
          eq(pivotDesignation.personId, who.id),
          eq(pivotDesignation.organizationId, organizationId),
        ),
      )
      .limit(1);
    if (already.length) continue;
    const siteId = await siteByName(tx, organizationId, d.siteName);
    const confirmedAt = d.confirmedMonthsAgo
      ? addMonths(now, -d.confirmedMonthsAgo)
      : new Date(now.getTime() - 20 * 86_400_000);
    const [inserted] = await tx
      .insert(pivotDesignation)
      .values({
        partnershipId,
        organizationId,
        siteId,
        personId: who.id,
        rank: d.rank,
        since: d.since,
        until: d.endsInDays
          ? quebecDay(new Date(now.getTime() + d.endsInDays * 86_400_000))
          : null,
        languages: d.languages,
        clienteles: d.clienteles,
        expertise: d.expertise,
        availability: d.availability,
        searchText: await searchTextFor(tx, {
          personId: who.id,
          organizationId,
          siteId,
          languages: d.languages,
          clienteles: d.clienteles,
          expertise: d.expertise,
        }),
        confirmedAt,
        createdAt: confirmedAt,
        updatedAt: confirmedAt,
      })
      .returning({ id: pivotDesignation.id });
    if (d.correctionAsked && inserted) {
      await tx.insert(designationCorrection).values({
        partnershipId,
        designationId: inserted.id,
        requestedBy: who.id,
        requestedAt: new Date(now.getTime() - 2 * 86_400_000),
        message: d.correctionAsked,
      });
    }
    await ensurePivotRole(tx, actor, {
      partnershipId,
      organizationId,
      personId: who.id,
    });
    if (passwordHash)
      await ensureDemoAccount(tx, who.id, d.email, passwordHash, now);
    designated++;
  }
  if (designated) {
    await recordAuditEvent(tx, actor, {
      action: "demo.directory_seeded",
      targetType: "partnership",
      targetId: partnershipId,
      details: { designations: designated },
    });
  }
}
