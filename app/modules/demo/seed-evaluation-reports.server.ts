import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlan, actionPlanAction } from "../action-plan/tables.ts";
import { meetingDecision } from "../meetings/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { person } from "../people/tables.ts";
import { evaluationFinding, evaluationKeyAction, evaluationRecommendation, evaluationRecommendationEvent, evaluationReport } from "../evaluation-reports/tables.ts";
import { addDays } from "../time/days.ts";
import type { Addressee, ManagementResponse, Priority, Verification } from "../evaluation-reports/vocabulary.ts";

type RecSeed = {
  text: string;
  addressee: Addressee;
  priority: Priority;
  response?: { value: ManagementResponse; rationale: string; decision: string; days: number };
  /** Key actions: a 2010 action-plan action by title, or a responsibility by its text. */
  actions?: string[];
  responsibilities?: string[];
  verification?: { value: Verification; evidence: string; days: number };
};
type ReportSeed = { title: string; reportOn: string; findings: string[]; recommendations: RecSeed[] };

const INSTITUTION = "Université du Québec à Trois-Rivières";

// From the seeds' slides: the strengths ("points forts") and the priority recommendations of the third interim report.
const reports: ReportSeed[] = [
  {
    title: "Premier rapport intérimaire de l'évaluation d'implantation",
    reportOn: "2010-06-15",
    findings: ["Table régionale de concertation", "Clarification des rôles et mandats des partenaires versus le coordonnateur"],
    recommendations: [
      {
        text: "Se doter d'un plan d'action annuel adopté par la Table",
        addressee: "table",
        priority: "high",
        response: { value: "agree", rationale: "La Table adopte un plan d'action annuel à partir de 2010.", decision: "Adopter un plan d'action annuel à partir de 2010.", days: 20 },
        responsibilities: ["Rédiger l'ébauche du plan d'action 2010"],
        verification: { value: "implemented", evidence: "Plan d'action 2010 adopté et suivi à chaque rencontre de la Table.", days: 200 },
      },
    ],
  },
  {
    title: "Deuxième rapport intérimaire de l'évaluation d'implantation",
    reportOn: "2011-05-20",
    findings: ["Formations", "Mise en place d'un observateur lors des formations", "Coordination des formateurs"],
    recommendations: [
      {
        text: "Réunir les formateurs régulièrement pour coordonner la formation de base",
        addressee: "partners",
        priority: "medium",
        response: { value: "partially_agree", rationale: "Deux rencontres par année plutôt que quatre, faute de disponibilité des formateurs.", decision: "Tenir une rencontre régionale des pivots chaque trimestre.", days: 25 },
        actions: ["Réunir les formateurs deux fois par année"],
        verification: { value: "partially_implemented", evidence: "Une seule rencontre des formateurs a eu lieu sur les deux prévues.", days: 240 },
      },
    ],
  },
  {
    title: "Troisième rapport intérimaire de l'évaluation d'implantation",
    reportOn: "2012-04-25",
    findings: [
      "Structure des intervenants pivots",
      "Identification des pivots",
      "Clarification des rôles et mandats",
      "Bottin des pivots et mise à jour",
      "Mise en place de coordonnateurs des pivots (rencontres de suivi des activités)",
      "Organisation des rencontres régionales des pivots",
    ],
    recommendations: [
      { text: "Concrétiser un réseau de communication entre les pivots (milieux scolaires, communautaires, CSSS, policiers, CJQ-IU)", addressee: "pivots", priority: "high" },
      {
        text: "Mettre en commun les activités réalisées par les pivots",
        addressee: "pivots",
        priority: "high",
        response: { value: "partially_agree", rationale: "Les activités sont partagées aux rencontres régionales. Un outil commun reste à choisir.", decision: "Tenir une rencontre régionale des pivots chaque trimestre.", days: 21 },
        actions: ["Tenir trois rencontres régionales des pivots"],
      },
      {
        text: "Définir une direction aux rencontres pivots (objectifs)",
        addressee: "table",
        priority: "medium",
        response: { value: "agree", rationale: "Chaque rencontre des pivots aura des objectifs fixés à l'avance par la Table.", decision: "Tenir une rencontre régionale des pivots chaque trimestre.", days: 21 },
        actions: ["Définir les objectifs des rencontres de pivots"],
        verification: { value: "implemented", evidence: "Les ordres du jour des rencontres des pivots portent leurs objectifs depuis l'automne 2012.", days: 180 },
      },
      {
        text: "Se répartir des responsabilités concrètes après chaque rencontre avec un échéancier à respecter",
        addressee: "table",
        priority: "medium",
        response: { value: "agree", rationale: "Les responsabilités sont consignées au compte rendu, avec un porteur et une échéance.", decision: "Chaque organisation désigne au moins un intervenant pivot d'ici l'hiver.", days: 24 },
        responsibilities: ["Organiser la première rencontre régionale des pivots"],
      },
      {
        text: "Mettre en place un plan d'action pour assurer la pérennité du projet",
        addressee: "table",
        priority: "high",
        response: { value: "agree", rationale: "La pérennité devient un objectif du plan d'action, avec la recherche d'un financement.", decision: "Adopter un plan d'action annuel à partir de 2010.", days: 24 },
        actions: ["Chercher un financement pour l'après-subvention", "Faire signer l'engagement écrit par chaque organisation membre"],
      },
    ],
  },
];

const at = (day: string, hour = 15) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

/**
 * Three interim reports of the implementation evaluation by the demo evaluator (François Lemieux,
 * UQTR), with their strengths, recommendations, the Table's responses, key actions linked to the
 * 2010 plan and to responsibilities, and a mix of statuses: verified implemented, partially,
 * open and overdue, awaiting response. Written directly with their dates, so the history reads in order.
 */
export async function seedEvaluationReportsDemo(tx: Database, partnershipId: string) {
  const [evaluator] = await tx.select({ id: person.id, name: person.givenName, family: person.familyName }).from(person).where(and(eq(person.partnershipId, partnershipId), eq(person.email, "evaluation@filet.test")));
  const [coordinator] = await tx.select({ id: person.id }).from(person).where(and(eq(person.partnershipId, partnershipId), eq(person.email, "coordination@filet.test")));
  if (!evaluator || !coordinator) return;
  const [plan] = await tx.select({ id: actionPlan.id }).from(actionPlan).where(and(eq(actionPlan.partnershipId, partnershipId), eq(actionPlan.year, 2010)));
  const actions = plan ? await tx.select({ id: actionPlanAction.id, title: actionPlanAction.title }).from(actionPlanAction).where(eq(actionPlanAction.planId, plan.id)) : [];
  const texts = reports.flatMap((r) => r.recommendations.flatMap((x) => x.responsibilities ?? []));
  const responsibilities = await tx.select({ id: responsibility.id, what: responsibility.what }).from(responsibility).where(and(eq(responsibility.partnershipId, partnershipId), inArray(responsibility.what, texts)));
  const decisions = await tx.select({ id: meetingDecision.id, text: meetingDecision.text }).from(meetingDecision).where(eq(meetingDecision.partnershipId, partnershipId));
  const evaluatorName = `${evaluator.name} ${evaluator.family}`;

  for (const r of reports) {
    const [report] = await tx
      .insert(evaluationReport)
      .values({ partnershipId, title: r.title, evaluatorName, institution: INSTITUTION, reportOn: r.reportOn, kind: "interim", responseDueOn: addDays(r.reportOn, 28), createdByPersonId: evaluator.id, createdAt: at(r.reportOn, 14) })
      .returning({ id: evaluationReport.id });
    for (const [i, text] of r.findings.entries()) await tx.insert(evaluationFinding).values({ partnershipId, reportId: report!.id, position: i + 1, text });
    for (const [i, rec] of r.recommendations.entries()) {
      const decisionId = rec.response ? (decisions.find((d) => d.text === rec.response!.decision)?.id ?? null) : null;
      const respondedAt = rec.response ? at(addDays(r.reportOn, rec.response.days)) : null;
      const verifiedAt = rec.verification ? at(addDays(r.reportOn, rec.verification.days)) : null;
      const [row] = await tx
        .insert(evaluationRecommendation)
        .values({
          partnershipId,
          reportId: report!.id,
          number: i + 1,
          text: rec.text,
          addressee: rec.addressee,
          priority: rec.priority,
          response: rec.response?.value ?? null,
          responseRationale: rec.response?.rationale ?? "",
          decisionId,
          respondedByPersonId: rec.response ? coordinator.id : null,
          respondedAt,
          verification: rec.verification?.value ?? null,
          verificationEvidence: rec.verification?.evidence ?? "",
          verifiedByPersonId: rec.verification ? evaluator.id : null,
          verifiedAt,
          createdAt: at(r.reportOn, 14),
        })
        .returning({ id: evaluationRecommendation.id });
      const event = (kind: "created" | "responded" | "linked" | "verified", personId: string, createdAt: Date, details: Record<string, string | null>) =>
        tx.insert(evaluationRecommendationEvent).values({ partnershipId, recommendationId: row!.id, personId, kind, details, createdAt });
      await event("created", evaluator.id, at(r.reportOn, 14), { number: String(i + 1) });
      if (rec.response) await event("responded", coordinator.id, respondedAt!, { from: null, to: rec.response.value, note: rec.response.rationale });
      const linkedAt = at(addDays(r.reportOn, (rec.response?.days ?? 0) + 1));
      for (const title of rec.actions ?? []) {
        const a = actions.find((x) => x.title === title);
        if (!a) continue;
        await tx.insert(evaluationKeyAction).values({ partnershipId, recommendationId: row!.id, actionId: a.id });
        await event("linked", coordinator.id, linkedAt, { target: "action", note: title });
      }
      for (const what of rec.responsibilities ?? []) {
        const x = responsibilities.find((y) => y.what === what);
        if (!x) continue;
        await tx.insert(evaluationKeyAction).values({ partnershipId, recommendationId: row!.id, responsibilityId: x.id });
        await event("linked", coordinator.id, linkedAt, { target: "responsibility", note: what });
      }
      if (rec.verification) await event("verified", evaluator.id, verifiedAt!, { from: null, to: rec.verification.value, note: rec.verification.evidence });
    }
  }
}
