import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { privacyAssessment, privacyCorrectionRequest, privacyIncident, retentionRun, retentionSchedule } from "../privacy/tables.ts";
import { defaultRetentionSchedule, RETENTION_KINDS } from "../privacy/retention-vocabulary.ts";

/**
 * Privacy operations in the demo (issue 15): two fictional confidentiality incidents — a minor
 * one in the Table's register, closed, and a serious one in the SPVQ's register, notified to the
 * Commission — one EFVP (consultations) and one correction request waiting for an answer.
 */
export async function seedPrivacyDemo(tx: Database, partnershipId: string) {
  const byEmail = async (email: string) => (await tx.select({ id: person.id }).from(person).where(and(eq(person.partnershipId, partnershipId), eq(person.email, email))))[0]?.id ?? null;
  const tableOfficer = await byEmail("vie-privee@filet.test");
  const spvqOfficer = await byEmail("aiprp.spvq@filet.test");
  const pivot = await byEmail("pivot.cjq@filet.test");
  const [spvq] = await tx.select({ id: organization.id }).from(organization).where(and(eq(organization.partnershipId, partnershipId), eq(organization.acronym, "SPVQ")));
  if (!tableOfficer || !spvqOfficer || !pivot || !spvq) return;

  // The retention schedule with the product's defaults, saved by the Table's officer, and one
  // past run of the daily job in the destruction record (counts only, never content).
  await tx.insert(retentionSchedule).values({ partnershipId, rules: defaultRetentionSchedule(), updatedByPersonId: tableOfficer, createdAt: new Date("2026-10-01T14:00:00Z"), updatedAt: new Date("2026-10-01T14:00:00Z") });
  await tx.insert(retentionRun).values({
    partnershipId,
    kind: "consultations",
    trigger: RETENTION_KINDS.consultations.trigger,
    months: RETENTION_KINDS.consultations.defaultMonths,
    disposition: "destroy",
    count: 3,
    ranOn: "2026-11-02",
    createdAt: new Date("2026-11-02T09:00:00Z"),
  });

  await tx.insert(privacyIncident).values([
    {
      partnershipId,
      organizationId: null,
      title: "Invitation à Filet envoyée à une mauvaise adresse",
      personalInformation: "Nom, prénom et adresse courriel professionnelle d'une personne pivot.",
      circumstances: "Une invitation à créer un compte a été envoyée à une adresse mal saisie, appartenant à une personne d'une autre organisation partenaire. Le lien d'invitation n'a pas été utilisé.",
      occurredOn: "2026-09-08",
      knownOn: "2026-09-09",
      peopleCount: 1,
      sensitivity: "Faible\u00a0: coordonnées professionnelles déjà publiées dans le bottin des partenaires.",
      possibleMisuses: "Création d'un compte au nom de la personne, empêchée par l'expiration et la révocation du lien.",
      consequences: "Aucune conséquence appréhendée pour la personne concernée.",
      likelihood: "low",
      severity: "minor",
      riskReasoning: "Renseignements professionnels peu sensibles, destinataire identifié et de bonne foi, lien révoqué le lendemain\u00a0: pas de risque de préjudice sérieux.",
      measuresTaken: "Invitation révoquée, destinataire ayant confirmé la suppression du courriel, nouvelle invitation envoyée à la bonne adresse. Rappel à l'équipe de vérifier les adresses avant l'envoi.",
      status: "closed",
      reportedByPersonId: tableOfficer,
      assessedAt: new Date("2026-09-10T15:00:00Z"),
      closedAt: new Date("2026-09-15T15:00:00Z"),
      createdAt: new Date("2026-09-09T14:00:00Z"),
    },
    {
      partnershipId,
      organizationId: spvq.id,
      title: "Renseignements permettant d'identifier une jeune dans une consultation",
      personalInformation: "Prénom d'une personne mineure et nom de son école (non reproduits dans ce registre).",
      circumstances: "Une intervenante a ajouté, dans un message de suivi d'une consultation, le prénom d'une jeune et le nom de son école, en contournant l'avertissement de détection. Le message a été lu par deux personnes pivots avant d'être retiré.",
      occurredOn: "2026-10-14",
      knownOn: "2026-10-15",
      peopleCount: 1,
      sensitivity: "Élevée\u00a0: renseignements sur une personne mineure en situation d'exploitation sexuelle possible.",
      possibleMisuses: "Identification de la jeune par une personne non autorisée\u202f; stigmatisation dans son milieu scolaire.",
      consequences: "Atteinte à la réputation et à la sécurité de la jeune\u202f; perte de confiance envers les services.",
      likelihood: "medium",
      severity: "serious",
      riskReasoning: "Renseignements très sensibles sur une mineure, lus par deux personnes\u00a0: même si ces lecteurs sont tenus au secret professionnel, le risque de préjudice sérieux ne peut être écarté.",
      commissionNoticeOn: "2026-10-17",
      peopleNoticeOn: "2026-10-18",
      publicNotice: false,
      measuresTaken: "Message retiré, lecteurs rencontrés et rappel écrit du secret professionnel, rappel de la consigne de dépersonnalisation à l'équipe, avis donnés à la Commission et au parent de la jeune.",
      status: "notified",
      sourceType: "consultation",
      reportedByPersonId: spvqOfficer,
      assessedAt: new Date("2026-10-16T15:00:00Z"),
      notifiedAt: new Date("2026-10-18T15:00:00Z"),
      createdAt: new Date("2026-10-15T14:00:00Z"),
    },
  ]);

  // One record per feature that handles personal information (issue 15 §3): sign-in, the
  // directory, surveys and single sign-on beside the consultations — one still under way.
  await tx.insert(privacyAssessment).values([
    {
      partnershipId,
      feature: "sign_in",
      title: "EFVP de la connexion et des comptes",
      summary: "Comptes nominatifs des intervenants : mots de passe hachés (Argon2id), séances côté serveur, deuxième facteur pour les rôles privilégiés, limitation des essais sans verrouillage par un tiers, journal des connexions.",
      startedOn: "2025-09-08",
      completedOn: "2025-11-03",
      reviewOn: "2027-11-03",
      decision: "approved",
      decisionReason: "Mesures proportionnées au risque ; revoir à chaque nouveau rôle privilégié.",
      createdByPersonId: tableOfficer,
    },
    {
      partnershipId,
      feature: "directory",
      title: "EFVP du bottin des pivots",
      summary: "Coordonnées professionnelles des personnes pivots et des organisations, visibles des membres de la Table seulement ; aucune donnée sur les jeunes ; confirmation périodique par la personne elle-même.",
      startedOn: "2025-10-06",
      completedOn: "2025-12-12",
      reviewOn: "2027-12-12",
      decision: "approved_with_conditions",
      decisionReason: "À condition que chaque fiche soit confirmée au moins une fois l'an et que les numéros personnels n'y figurent jamais.",
      createdByPersonId: tableOfficer,
    },
    {
      partnershipId,
      feature: "surveys",
      title: "EFVP des sondages auprès des partenaires",
      summary: "Sondages anonymes par construction (aucun lien entre une personne et sa réponse, dates au jour), liens à usage unique, contrôle des réponses libres, résultats sous le seuil masqués.",
      startedOn: "2026-09-14",
      completedOn: null,
      reviewOn: null,
      decision: "pending",
      decisionReason: "",
      createdByPersonId: tableOfficer,
    },
    {
      partnershipId,
      feature: "single_sign_on",
      title: "EFVP de la connexion par l'organisation (authentification unique)",
      summary: "Connexion par le fournisseur d'identité d'une organisation partenaire : identités liées par émetteur et sujet, jamais par courriel ; rôles réappliqués à chaque connexion ; secret du client chiffré.",
      startedOn: "2026-06-01",
      completedOn: "2026-08-28",
      reviewOn: "2027-08-28",
      decision: "approved",
      decisionReason: "Approuvée pour le CSSS de Québec-Nord ; une évaluation par nouvelle organisation raccordée.",
      createdByPersonId: tableOfficer,
    },
  ]);

  await tx.insert(privacyAssessment).values({
    partnershipId,
    feature: "consultations",
    title: "EFVP des consultations aux pivots",
    summary: "Consultations dépersonnalisées entre intervenants et pivots\u00a0: détection des renseignements identificatoires, conservation limitée, journalisation des lectures, accès restreint aux destinataires.",
    startedOn: "2026-03-02",
    completedOn: "2026-05-15",
    reviewOn: "2027-05-15",
    decision: "approved_with_conditions",
    decisionReason: "Approuvée à condition de garder la détection des renseignements identificatoires active sur tous les messages et la purge après la durée de conservation de la Table.",
    createdByPersonId: tableOfficer,
  });

  await tx.insert(privacyCorrectionRequest).values({
    partnershipId,
    personId: pivot,
    request: "Mon numéro de téléphone professionnel dans le bottin est l'ancien\u00a0: le bon est le 418 555-0188.",
    createdAt: new Date("2026-11-20T15:30:00Z"),
  });
}
