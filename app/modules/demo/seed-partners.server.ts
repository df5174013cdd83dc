import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { storeFile } from "../files/stored-files.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { COMMITMENT_FILE_OWNER } from "../partners/commitments.server.ts";
import { commitmentTextVersion, partnerCommitment, partnerContribution, partnerDelegateTerm } from "../partners/tables.ts";
import type { ContributionDomain } from "../partners/vocabulary.ts";
import { addDays, addMonths, quebecDay } from "../time/days.ts";

/**
 * The partnership's story for the partners area (Québec Table only): the commitment text
 * adopted at the founding in 2007 (v1) and revised when new members joined in December 2009
 * (v2); signed commitments (one due soon, one late); a filled contribution matrix; delegate
 * terms with recent changes (CJQ-IU and the Découvreurs school board). People are invented.
 */
const v1 = {
  titleFr: "Engagement des partenaires de la Table régionale",
  titleEn: "Commitment of the partners of the Regional Table",
  bodyFr:
    "En signant cet engagement, l'organisation membre s'engage à :\n\n- déléguer une personne à la Table et un·e substitut·e, et les remplacer sans délai en cas de départ;\n- participer aux rencontres de la Table et y faire connaître sa mission, son mandat et ses services;\n- collaborer, dans le respect de ses obligations de confidentialité, au repérage et à la protection des jeunes touchés par l'exploitation sexuelle;\n- diffuser dans son organisation l'information et les outils produits par la Table.",
  bodyEn:
    "By signing this commitment, the member organization undertakes to:\n\n- delegate a person to the Table and a substitute, and replace them without delay when they leave;\n- take part in the Table's meetings and make its mission, mandate and services known there;\n- collaborate, within its confidentiality obligations, in identifying and protecting youths affected by sexual exploitation;\n- share within the organization the information and tools the Table produces.",
  changeNote: "Texte adopté à la fondation de la Table.",
};

const v2 = {
  titleFr: "Engagement des partenaires de la Table régionale (révisé)",
  titleEn: "Commitment of the partners of the Regional Table (revised)",
  bodyFr:
    v1.bodyFr +
    "\n- désigner des intervenant·e·s pivots, en tenir la liste à jour et leur permettre de suivre la formation de base;\n- respecter le cheminement « J'ai un doute » et le guide de pratique adoptés par la Table.",
  bodyEn:
    v1.bodyEn +
    "\n- designate pivot workers, keep their list up to date and allow them to take the basic training;\n- follow the \"I have a doubt\" pathway and the practice guide adopted by the Table.",
  changeNote: "Arrivée de nouveaux membres (décembre 2009) : ajout des intervenant·e·s pivots et de la formation.",
};

/** The matrix, by acronym: a short text per domain (empty domains are left out). */
const matrix: Record<string, Partial<Record<ContributionDomain, string>>> = {
  "CJQ-IU": {
    detection: "Repérage des jeunes hébergés à risque; grille d'indices partagée.",
    reporting_protection: "Réception et traitement des signalements 24/7 (DPJ); application des mesures.",
    support_exit: "Réadaptation en milieu de vie; soutien aux familles.",
    training: "Deux formateurs au bassin de la Table.",
    research: "Mission universitaire : transfert des connaissances avec JEFAR.",
  },
  SPVQ: {
    prevention: "Ateliers de prévention dans les écoles secondaires.",
    detection: "Patrouille et surveillance des lieux de recrutement.",
    investigation: "Enquêtes spécialisées sur l'exploitation sexuelle et la traite.",
    reporting_protection: "Signalement au DPJ et protection immédiate des victimes mineures.",
  },
  PIPQ: {
    prevention: "Ateliers de sensibilisation auprès des jeunes et des milieux.",
    detection: "Travail de rue et de milieu : premiers contacts avec les jeunes touchés.",
    support_exit: "Accompagnement sans jugement vers les services et soutien à la sortie.",
    training: "Formatrice au bassin; formation des intervenants communautaires.",
  },
  TRAIC: {
    prevention: "Activités de groupe pour les 12-17 ans à Charlesbourg et Beauport.",
    support_exit: "Suivi individuel et référence vers les partenaires.",
  },
  "CSSS VC": {
    detection: "Cliniques jeunesse et santé sexuelle : repérage lors des consultations.",
    support_exit: "Suivi psychosocial et soins de santé.",
    training: "Une intervenante pivot formatrice.",
  },
  "CSSS QN": {
    detection: "Infirmières scolaires et accueil psychosocial.",
    support_exit: "Suivi des familles sur le territoire nord.",
  },
  CSDC: {
    prevention: "Programme de prévention en classe (secondaire 2 à 4).",
    detection: "Personnel des services complémentaires formé aux indices.",
  },
  CSDD: {
    prevention: "Programme de prévention dans les écoles de l'ouest de Québec.",
    detection: "Une intervenante pivot par école secondaire.",
  },
  CSPS: {
    prevention: "Ateliers de prévention et affiches dans les écoles.",
    detection: "Techniciens en éducation spécialisée formés au repérage.",
  },
  CQSB: {
    prevention: "Prevention program in English-language schools.",
    communication: "Traduction et diffusion des outils de la Table en anglais.",
  },
  ASSS: {
    communication: "Coordination de la Table, bulletin et site des partenaires.",
    research: "Portrait régional et indicateurs de santé publique.",
  },
  JEFAR: {
    research: "Évaluation de l'implantation et soutien scientifique au guide.",
    training: "Contenus scientifiques de la formation de base.",
  },
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

/** A one-page PDF standing for a scanned signed commitment (the demo has no real signature). */
function demoPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, "");
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

export async function seedPartnersDemo(tx: Database, partnershipId: string, now: Date = new Date()): Promise<void> {
  const orgs = await tx
    .select({ id: organization.id, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.partnershipId, partnershipId));
  const org = new Map(orgs.map((o) => [o.acronym, o.id]));
  if (!org.has("CJQ-IU")) return; // the story is the Québec Table's
  const [existing] = await tx.select({ id: commitmentTextVersion.id }).from(commitmentTextVersion).where(eq(commitmentTextVersion.partnershipId, partnershipId)).limit(1);
  if (existing) return;
  const today = quebecDay(now);

  // The commitment text: v1 at the founding, v2 when new members joined.
  const [text1] = await tx
    .insert(commitmentTextVersion)
    .values({ partnershipId, number: 1, status: "archived", ...v1, createdAt: new Date("2007-04-15T12:00:00Z"), publishedAt: new Date("2007-05-01T12:00:00Z") })
    .returning({ id: commitmentTextVersion.id });
  const [text2] = await tx
    .insert(commitmentTextVersion)
    .values({ partnershipId, number: 2, status: "published", ...v2, createdAt: new Date("2009-11-10T12:00:00Z"), publishedAt: new Date("2009-12-01T12:00:00Z") })
    .returning({ id: commitmentTextVersion.id });

  // Signed commitments: founders signed v1 in 2007; the current period is on v2.
  const signatories: Record<string, [string, string]> = {
    "CJQ-IU": ["Denis Plamondon", "Directeur général"],
    SPVQ: ["Martin Giguère", "Directeur du service"],
    PIPQ: ["Chantal Vézina", "Directrice générale"],
    TRAIC: ["Sébastien Drolet", "Directeur général"],
    "CSSS VC": ["Lucie Bernier", "Directrice générale"],
    "CSSS QN": ["Yves Champagne", "Directeur général"],
    CSDC: ["Monique Savard", "Directrice générale"],
    CSDD: ["Richard Fortin", "Directeur général"],
    CSPS: ["Josée Bédard", "Directrice générale"],
    CQSB: ["Andrew Miller", "Director General"],
    ASSS: ["Claude Pelchat", "Président-directeur général"],
    JEFAR: ["Marie-Claude Létourneau", "Directrice du centre"],
  };
  const currentStart = firstOfMonth(addMonths(today, -14));
  for (const [acronym, [name, title]] of Object.entries(signatories)) {
    const organizationId = org.get(acronym);
    if (!organizationId) continue;
    const joined2009 = acronym === "TRAIC" || acronym === "CQSB";
    if (!joined2009) {
      await tx.insert(partnerCommitment).values({
        partnershipId, organizationId, textVersionId: text1!.id, startsOn: "2007-05-01", endsOn: "2010-04-30",
        signatoryName: name, signatoryTitle: title, signedOn: "2007-05-01",
      });
    }
    // The story's two exceptions: SPVQ's period ends in a month (due); TRAIC's ended six weeks ago (late).
    const period =
      acronym === "SPVQ"
        ? { startsOn: addDays(today, -(3 * 365 - 30)), endsOn: addDays(today, 30) }
        : acronym === "TRAIC"
          ? { startsOn: addDays(today, -(3 * 365 + 45)), endsOn: addDays(today, -45) }
          : { startsOn: currentStart, endsOn: addDays(addDays(currentStart, 3 * 365), -1) };
    const [row] = await tx
      .insert(partnerCommitment)
      .values({ partnershipId, organizationId, textVersionId: text2!.id, ...period, signatoryName: name, signatoryTitle: title, signedOn: addDays(period.startsOn, -10) })
      .returning({ id: partnerCommitment.id });
    if (acronym === "CJQ-IU" || acronym === "PIPQ" || acronym === "ASSS") {
      const file = await storeFile(
        tx,
        { partnershipId, organizationId, ownerType: COMMITMENT_FILE_OWNER, ownerId: row!.id },
        { fileName: `engagement-${acronym.toLowerCase()}-signe.pdf`, mediaType: "application/pdf", bytes: demoPdf(`Engagement signe - ${acronym} (demo)`) },
        null,
      );
      await tx.update(partnerCommitment).set({ documentFileId: file.id }).where(eq(partnerCommitment.id, row!.id));
    }
  }

  // The contribution matrix.
  for (const [acronym, cells] of Object.entries(matrix)) {
    const organizationId = org.get(acronym);
    if (!organizationId) continue;
    for (const [domain, text] of Object.entries(cells) as [ContributionDomain, string][]) {
      await tx.insert(partnerContribution).values({ partnershipId, organizationId, domain, text });
    }
  }

  // Delegates' history: two former delegates (invented, no account) and recent changes.
  const cjq = org.get("CJQ-IU")!;
  const csdd = org.get("CSDD");
  const [formerCjq] = await tx
    .insert(person)
    .values({ partnershipId, organizationId: cjq, givenName: "Gilles", familyName: "Tessier", email: "gilles.tessier@filet.test", title: "Directeur des services professionnels (retraité)" })
    .returning({ id: person.id });
  const people = await tx
    .select({ id: person.id, email: person.email })
    .from(person)
    .where(
      and(
        eq(person.partnershipId, partnershipId),
        inArray(person.email, ["delegue.cjq@filet.test", "catherine.roy@filet.test", "stephanie.lavoie@filet.test", "coordination@filet.test"]),
      ),
    );
  const byEmail = new Map(people.map((p) => [p.email, p.id]));
  const cjqChange = firstOfMonth(addMonths(today, -14));
  const terms: (typeof partnerDelegateTerm.$inferInsert)[] = [
    { partnershipId, organizationId: cjq, personId: formerCjq!.id, kind: "delegate", since: "2007-05-01", until: "2015-05-31", note: "Délégué fondateur." },
  ];
  const roy = byEmail.get("catherine.roy@filet.test");
  const gingras = byEmail.get("delegue.cjq@filet.test");
  if (roy) {
    terms.push({ partnershipId, organizationId: cjq, personId: roy, kind: "delegate", since: "2015-06-01", until: addDays(cjqChange, -1) });
    terms.push({ partnershipId, organizationId: cjq, personId: roy, kind: "substitute", since: cjqChange, note: "Reste substitut après le passage du relais." });
  }
  if (gingras) terms.push({ partnershipId, organizationId: cjq, personId: gingras, kind: "delegate", since: cjqChange });
  const annie = byEmail.get("coordination@filet.test");
  const asss = org.get("ASSS");
  if (annie && asss) terms.push({ partnershipId, organizationId: asss, personId: annie, kind: "delegate", since: "2007-05-01" });
  const lavoie = byEmail.get("stephanie.lavoie@filet.test");
  if (csdd && lavoie) {
    const [formerCsdd] = await tx
      .insert(person)
      .values({ partnershipId, organizationId: csdd, givenName: "Luc", familyName: "Proulx", email: "luc.proulx@filet.test", title: "Directeur des services éducatifs (retraité)" })
      .returning({ id: person.id });
    const change = firstOfMonth(addMonths(today, -20));
    terms.push({ partnershipId, organizationId: csdd, personId: formerCsdd!.id, kind: "delegate", since: "2007-05-01", until: addDays(change, -1) });
    terms.push({ partnershipId, organizationId: csdd, personId: lavoie, kind: "delegate", since: change });
  }
  await tx.insert(partnerDelegateTerm).values(terms);

  await recordAuditEvent(tx, systemActor("demo-seed", partnershipId), {
    action: "partners.demo_seeded",
    targetType: "partnership",
    targetId: partnershipId,
    details: { textVersions: 2, delegateTerms: terms.length, matrixRows: Object.keys(matrix).length, seededOn: iso(now) },
  });
}
