import { setPlanTarget } from "../indicators/plan-target.server.ts";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { systemActor } from "../audit/record-audit-event.server.ts";
import { copyPlan } from "../action-plan/copy-plan.server.ts";
import { actionPlan, actionPlanAction, actionPlanActionOrganization, actionPlanIndicator, actionPlanObjective } from "../action-plan/tables.ts";
import type { ActionStatus } from "../action-plan/vocabulary.ts";
import { announcement, announcementRecipient } from "../announcements/tables.ts";
import { resolveAudience } from "../announcements/audience.server.ts";
import type { AnnouncementAudience } from "../announcements/vocabulary.ts";
import { grant, grantReportDate, grantSpending } from "../funding/tables.ts";
import { organization } from "../governance/tables.ts";
import { coordinationHandover } from "../handover/tables.ts";
import type { HandoverItem } from "../handover/vocabulary.ts";
import { person } from "../people/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { quebecDay } from "../time/days.ts";

/**
 * The seeds' story for the Table at work (Québec Table only): the 2010 annual action plan with
 * its results ("plan d'action annuel", one of the conditions to keep the partnership alive), the
 * 2026 plan copied from it and under way, the Ministère de la Sécurité publique grant of the
 * guide years (ended: "fin de la subvention") and its renewal ending within months, a change of
 * coordination in the handover history, and a few announcements. People are invented adults.
 */
type ActionSeed = { title: string; orgs: string[]; starts: string; ends: string; status: ActionStatus; progress: number };
type ObjectiveSeed = { title: string; description: string; actions: ActionSeed[]; indicators: { label: string; unit: string; target: number; actual: number | null; indicatorCode?: string }[] };

const plan2010: ObjectiveSeed[] = [
  {
    title: "Consolider le réseau des intervenant·e·s pivots",
    description: "Chaque organisation partenaire désigne ses pivots et en assure la coordination; les pivots se rencontrent à l'échelle régionale.",
    actions: [
      { title: "Tenir trois rencontres régionales des pivots", orgs: ["CJQ-IU", "SPVQ"], starts: "2010-02-01", ends: "2010-11-30", status: "done", progress: 100 },
      { title: "Mettre à jour le bottin des pivots deux fois par année", orgs: ["ASSS"], starts: "2010-03-01", ends: "2010-10-31", status: "done", progress: 100 },
      { title: "Définir les objectifs des rencontres de pivots", orgs: ["ASSS", "PIPQ"], starts: "2010-01-15", ends: "2010-04-30", status: "done", progress: 100 },
    ],
    indicators: [
      { label: "Rencontres régionales des pivots tenues", unit: "rencontres", target: 3, actual: 3, indicatorCode: "regional_pivot_meetings_held" },
      { label: "Organisations ayant désigné leurs pivots", unit: "organisations", target: 12, actual: 11 },
    ],
  },
  {
    title: "Poursuivre la formation de base",
    description: "La formation de deux jours, donnée par des duos de formateurs de milieux différents, à des groupes mixtes.",
    actions: [
      { title: "Donner la formation de base de deux jours", orgs: ["CJQ-IU", "PIPQ", "SPVQ"], starts: "2010-01-15", ends: "2010-12-15", status: "done", progress: 100 },
      { title: "Prévoir un observateur à chaque formation", orgs: ["ASSS"], starts: "2010-01-15", ends: "2010-12-15", status: "done", progress: 100 },
      { title: "Réunir les formateurs deux fois par année", orgs: ["CJQ-IU"], starts: "2010-05-01", ends: "2010-11-30", status: "in_progress", progress: 50 },
    ],
    indicators: [
      { label: "Formations données", unit: "formations", target: 10, actual: 12, indicatorCode: "training_sessions_given" },
      { label: "Intervenant·e·s formé·e·s", unit: "personnes", target: 150, actual: 168, indicatorCode: "training_people_trained" },
    ],
  },
  {
    title: "Assurer la pérennité du partenariat",
    description: "Recommandation de l'évaluation d'implantation : un plan d'action, des engagements écrits et un financement au-delà de la subvention.",
    actions: [
      { title: "Faire signer l'engagement écrit par chaque organisation membre", orgs: ["ASSS"], starts: "2010-03-01", ends: "2010-09-30", status: "in_progress", progress: 75 },
      { title: "Chercher un financement pour l'après-subvention", orgs: ["ASSS", "CJQ-IU"], starts: "2010-06-01", ends: "2010-12-31", status: "in_progress", progress: 40 },
      { title: "Traduire le guide en anglais", orgs: ["CQSB", "CJQ-IU"], starts: "2010-09-01", ends: "2010-12-31", status: "dropped", progress: 10 },
    ],
    indicators: [{ label: "Engagements écrits signés", unit: "organisations", target: 12, actual: 9 }],
  },
];

async function seedPlan2010(tx: Database, partnershipId: string, orgIds: Map<string, string>) {
  const [plan] = await tx
    .insert(actionPlan)
    .values({ partnershipId, year: 2010, title: "Plan d'action 2010", summary: "Premier plan d'action annuel de la Table, adopté après le troisième rapport d'évaluation d'implantation." })
    .returning({ id: actionPlan.id });
  for (const [i, o] of plan2010.entries()) {
    const [objective] = await tx.insert(actionPlanObjective).values({ partnershipId, planId: plan!.id, position: i, title: o.title, description: o.description }).returning({ id: actionPlanObjective.id });
    for (const [j, a] of o.actions.entries()) {
      const [action] = await tx
        .insert(actionPlanAction)
        .values({ partnershipId, planId: plan!.id, objectiveId: objective!.id, position: j, title: a.title, startsOn: a.starts, endsOn: a.ends, status: a.status, progress: a.progress })
        .returning({ id: actionPlanAction.id });
      const orgs = a.orgs.map((acr) => orgIds.get(acr)).filter((x): x is string => !!x);
      if (orgs.length) await tx.insert(actionPlanActionOrganization).values(orgs.map((organizationId) => ({ partnershipId, actionId: action!.id, organizationId })));
    }
    for (const [j, ind] of o.indicators.entries()) {
      await tx.insert(actionPlanIndicator).values({ partnershipId, planId: plan!.id, objectiveId: objective!.id, position: j, ...ind });
    }
  }
}

/** The 2026 plan, copied from 2010, then under way: a few actions started or done, a first result. */
async function seedPlan2026(tx: Database, partnershipId: string, today: string) {
  await copyPlan(tx, systemActor("demo-seed", partnershipId), partnershipId, { fromYear: 2010, toYear: 2026, title: "Plan d'action 2026" });
  const [plan] = await tx.select().from(actionPlan).where(and(eq(actionPlan.partnershipId, partnershipId), eq(actionPlan.year, 2026)));
  await tx
    .update(actionPlan)
    .set({ summary: "Repris du plan 2010 comme point de départ, puis mis à jour : la formation continue, les pivots se rencontrent, le renouvellement de la subvention se prépare." })
    .where(eq(actionPlan.id, plan!.id));
  const actions = await tx.select().from(actionPlanAction).where(eq(actionPlanAction.planId, plan!.id));
  const progress: Record<string, [ActionStatus, number]> = {
    "Tenir trois rencontres régionales des pivots": ["in_progress", 66],
    "Mettre à jour le bottin des pivots deux fois par année": ["done", 100],
    "Donner la formation de base de deux jours": ["in_progress", 70],
    "Faire signer l'engagement écrit par chaque organisation membre": ["in_progress", 60],
    "Traduire le guide en anglais": ["done", 100],
  };
  for (const a of actions) {
    const p = progress[a.title];
    if (p) await tx.update(actionPlanAction).set({ status: p[0], progress: p[1] }).where(eq(actionPlanAction.id, a.id));
  }
  // Bound indicators show their live value; their target is the registry's for 2026 (dashboard "Année 2026").
  for (const i of await tx.select().from(actionPlanIndicator).where(eq(actionPlanIndicator.planId, plan!.id))) {
    if (i.indicatorCode) await setPlanTarget(tx, { partnershipId, planId: plan!.id, code: i.indicatorCode, target: i.target });
  }
  // Two responsibilities of the Table tied to the plan's objectives (the meetings area owns them).
  const objectives = await tx.select().from(actionPlanObjective).where(eq(actionPlanObjective.planId, plan!.id));
  const [asss] = await tx.select({ id: organization.id }).from(organization).where(and(eq(organization.partnershipId, partnershipId), eq(organization.acronym, "ASSS")));
  const due = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const pérennité = objectives.find((o) => o.title.startsWith("Assurer"));
  const pivots = objectives.find((o) => o.title.startsWith("Consolider"));
  if (asss && pérennité && pivots) {
    await tx.insert(responsibility).values([
      { partnershipId, objectiveId: pérennité.id, what: "Préparer la demande de renouvellement au ministère de la Sécurité publique", ownerOrganizationId: asss.id, dueOn: due(30), status: "in_progress" },
      { partnershipId, objectiveId: pivots.id, what: "Envoyer l'ordre du jour de la rencontre régionale des pivots", ownerOrganizationId: asss.id, dueOn: due(-20), status: "done", completedAt: new Date() },
    ]);
  }
  return { planId: plan!.id, actions };
}

async function seedGrants(tx: Database, partnershipId: string, today: string, actions: { id: string; title: string }[]) {
  const shift = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const funder = "Ministère de la Sécurité publique";
  // The grant of the guide years: ended ("fin de la subvention").
  const [first] = await tx
    .insert(grant)
    .values({
      partnershipId,
      funder,
      program: "Programme de financement issu du partage des produits de la criminalité",
      amount: 180000,
      startsOn: "2008-04-01",
      endsOn: "2011-03-31",
      conditions: "Rédaction et diffusion du guide de prévention et d'intervention; formation des intervenant·e·s; rapport annuel d'activités et rapport financier.",
    })
    .returning({ id: grant.id });
  await tx.insert(grantReportDate).values([
    { partnershipId, grantId: first!.id, dueOn: "2009-06-30", label: "Rapport annuel 2008-2009", submittedOn: "2009-06-22" },
    { partnershipId, grantId: first!.id, dueOn: "2010-06-30", label: "Rapport annuel 2009-2010", submittedOn: "2010-06-28" },
    { partnershipId, grantId: first!.id, dueOn: "2011-06-30", label: "Rapport final", submittedOn: "2011-06-15" },
  ]);
  // Its renewal: ends within months (the 6-month alert is due), a report due in three weeks.
  const [current] = await tx
    .insert(grant)
    .values({
      partnershipId,
      funder,
      program: "Programme de prévention de l'exploitation sexuelle des jeunes — renouvellement",
      amount: 95000,
      startsOn: `${Number(today.slice(0, 4)) - 2}-04-01`,
      endsOn: shift(120),
      conditions: "Maintien de la coordination de la Table, des rencontres régionales des pivots et de la formation de base. Reddition de comptes semestrielle.",
    })
    .returning({ id: grant.id });
  await tx.insert(grantReportDate).values([
    { partnershipId, grantId: current!.id, dueOn: shift(-160), label: "Rapport semestriel", submittedOn: shift(-165) },
    { partnershipId, grantId: current!.id, dueOn: shift(21), label: "Rapport semestriel", submittedOn: null },
    { partnershipId, grantId: current!.id, dueOn: shift(180), label: "Rapport final", submittedOn: null },
  ]);
  const byTitle = (t: string) => actions.find((a) => a.title === t)?.id ?? null;
  await tx.insert(grantSpending).values([
    { partnershipId, grantId: current!.id, actionId: byTitle("Tenir trois rencontres régionales des pivots"), amount: 2400, spentOn: shift(-90), label: "Location de salle et repas, rencontre régionale" },
    { partnershipId, grantId: current!.id, actionId: byTitle("Donner la formation de base de deux jours"), amount: 8600, spentOn: shift(-60), label: "Libération des formateurs et matériel de formation" },
    { partnershipId, grantId: current!.id, actionId: byTitle("Traduire le guide en anglais"), amount: 6200, spentOn: shift(-45), label: "Traduction du guide" },
    { partnershipId, grantId: current!.id, actionId: null, amount: 30000, spentOn: shift(-30), label: "Coordination de la Table (part de l'année)" },
  ]);
}

async function seedHandover(tx: Database, partnershipId: string, coordinatorId: string, asssId: string | null) {
  const [former] = await tx
    .insert(person)
    .values({ partnershipId, organizationId: asssId, givenName: "Louise", familyName: "Gagnon", email: "l.gagnon.ancienne@filet.test", title: "Ancienne coordonnatrice de la Table" })
    .returning({ id: person.id });
  const items: HandoverItem[] = [
    { key: "plan:2011", kind: "plan", label: "2011 — Plan d'action 2011", date: null, href: null, checked: true },
    { key: "grant:msp", kind: "grant", label: "Ministère de la Sécurité publique — rapport final", date: "2011-06-30", href: null, checked: true },
    { key: "meeting:2011-09", kind: "meeting", label: "Rencontre de la Table de septembre", date: "2011-09-14", href: null, checked: true },
    { key: "document:guide", kind: "document", label: "Guide de prévention et d'intervention — fichiers sources", date: null, href: null, checked: true },
  ];
  await tx.insert(coordinationHandover).values({
    partnershipId,
    outgoingPersonId: former!.id,
    successorPersonId: coordinatorId,
    status: "transferred",
    items,
    note: "Changement de coordination de la Table : transmission des dossiers après la fin de la subvention.",
    startedAt: new Date("2011-08-15T14:00:00Z"),
    transferredAt: new Date("2011-09-01T14:00:00Z"),
  });
}

const announcements: { audience: AnnouncementAudience; org?: string; title: string; body: string; days: number; readShare: number }[] = [
  {
    audience: "table",
    title: "Plan d'action 2026 : bilan de mi-année",
    body: "Bonjour à toutes et à tous,\n\nLe **bilan de mi-année** du plan d'action est en ligne. Merci de vérifier l'avancement des actions dont votre organisation est responsable avant la prochaine rencontre de la Table.",
    days: -12,
    readShare: 0.6,
  },
  {
    audience: "pivots",
    title: "Rencontre régionale des pivots : réservez la date",
    body: "La prochaine rencontre régionale des pivots portera sur le repérage en ligne. L'invitation suivra avec l'ordre du jour.",
    days: -5,
    readShare: 0.3,
  },
  {
    audience: "table",
    title: "Fin de la subvention : renouvellement en préparation",
    body: "La subvention du ministère de la Sécurité publique se termine dans quelques mois. La demande de renouvellement est en préparation; vos lettres d'appui sont les bienvenues.",
    days: -1,
    readShare: 0,
  },
];

async function seedAnnouncements(tx: Database, partnershipId: string, authorId: string, now: Date) {
  for (const a of announcements) {
    const createdAt = new Date(now.getTime() + a.days * 86_400_000);
    const [row] = await tx
      .insert(announcement)
      .values({ partnershipId, authorPersonId: authorId, audience: a.audience, title: a.title, body: a.body, createdAt })
      .returning({ id: announcement.id });
    const recipients = await resolveAudience(tx, { partnershipId, audience: a.audience, organizationId: null, authorPersonId: authorId });
    const readers = Math.floor(recipients.length * a.readShare);
    if (recipients.length) {
      await tx.insert(announcementRecipient).values(
        recipients.map((r, i) => ({ partnershipId, announcementId: row!.id, personId: r.personId, readAt: i < readers ? new Date(createdAt.getTime() + 3_600_000) : null })),
      );
    }
  }
}

/** Idempotent: does nothing when the Table already has its 2010 plan, or is not the Québec Table. */
export async function seedTableWorkDemo(tx: Database, partnershipId: string, now = new Date()): Promise<void> {
  const [coordinator] = await tx.select({ id: person.id }).from(person).where(and(eq(person.partnershipId, partnershipId), eq(person.email, "coordination@filet.test")));
  if (!coordinator) return;
  const [existing] = await tx.select({ id: actionPlan.id }).from(actionPlan).where(and(eq(actionPlan.partnershipId, partnershipId), eq(actionPlan.year, 2010)));
  if (existing) return;
  const orgs = await tx
    .select({ id: organization.id, acronym: organization.acronym })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), inArray(organization.acronym, ["CJQ-IU", "SPVQ", "PIPQ", "ASSS", "CQSB"])));
  const orgIds = new Map(orgs.map((o) => [o.acronym, o.id]));
  const today = quebecDay(now);
  await seedPlan2010(tx, partnershipId, orgIds);
  const { actions } = await seedPlan2026(tx, partnershipId, today);
  await seedGrants(tx, partnershipId, today, actions);
  await seedHandover(tx, partnershipId, coordinator.id, orgIds.get("ASSS") ?? null);
  await seedAnnouncements(tx, partnershipId, coordinator.id, now);
}
