import { seedPivotMeetingsDemo } from "./seed-pivot-meetings.server.ts";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { fromLocal } from "../meetings/dates.ts";
import { meeting, meetingAgendaItem, meetingDecision, meetingGuest, meetingInvitation } from "../meetings/tables.ts";
import type { AttendanceValue, MeetingStatus, ObjectivesOutcome } from "../meetings/vocabulary.ts";
import { agendaItemResponsibility, responsibility } from "../meetings/responsibilities/tables.ts";
import type { ResponsibilityStatus } from "../meetings/responsibilities/vocabulary.ts";
import { addDays, quebecDay } from "../time/days.ts";

interface DemoResponsibility {
  what: string;
  /** An email (person) or an organization key (acronym). */
  owner: { email: string } | { org: string };
  dueOn: string;
  status: ResponsibilityStatus;
  droppedReason?: string;
}

interface DemoItem {
  title: string;
  presenter?: string;
  minutes?: string;
  decisions?: string[];
  responsibilities?: DemoResponsibility[];
  followUp?: boolean;
}

interface DemoMeeting {
  kind: string;
  org?: string;
  title: string;
  day: string;
  start: string;
  end: string;
  place: string;
  objectives: string;
  /** The organizer's assessment of the objectives, for a meeting held. */
  assessed?: { outcome: ObjectivesOutcome; review: string };
  status: MeetingStatus;
  invite: "delegates" | "pivots" | "org";
  items: DemoItem[];
  guests?: string[];
}

const delegateRoles = ["table_coordinator", "table_member"] as const;
const pivotRoles = ["pivot", "pivot_coordinator"] as const;

/**
 * The Table's meetings, from the 2009 welcome of Central Québec and TRAIC jeunesse to the last
 * meeting (closed, with open responsibilities — one overdue) and the next one (planned); plus a
 * regional pivot meeting and a pivot follow-up at the SPVQ. Only in a Table that has the demo's
 * coordinator (the Quebec Table). Idempotent: nothing happens once the Table has meetings.
 */
export async function seedMeetingsDemo(tx: Database, partnershipId: string, now: Date = new Date()): Promise<void> {
  const [existing] = await tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.partnershipId, partnershipId)).limit(1);
  if (existing) return;
  const people = await tx
    .select({ id: person.id, email: person.email, organizationId: person.organizationId, role: roleAssignment.role })
    .from(person)
    .leftJoin(roleAssignment, and(eq(roleAssignment.personId, person.id), isNull(roleAssignment.revokedAt)))
    .where(eq(person.partnershipId, partnershipId));
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  const coordinator = byEmail.get("coordination@filet.test");
  if (!coordinator) return;
  const orgs = await tx.select({ id: organization.id, acronym: organization.acronym }).from(organization).where(eq(organization.partnershipId, partnershipId));
  const orgId = (acronym: string) => orgs.find((o) => o.acronym === acronym)?.id ?? null;
  const today = quebecDay(now);
  const rel = (days: number) => addDays(today, days);
  const withRoles = (roles: readonly string[], org?: string | null) =>
    [...new Set(people.filter((p) => p.role && roles.includes(p.role) && (!org || p.organizationId === org)).map((p) => p.id))];

  const meetings: DemoMeeting[] = [
    {
      kind: "table",
      title: "Rencontre de la Table — accueil des nouveaux partenaires",
      day: "2009-12-09",
      start: "09:00",
      end: "12:00",
      place: "Agence de la santé et des services sociaux, Québec",
      objectives: "- Accueillir les nouveaux partenaires\n- Lancer la désignation des intervenants pivots",
      status: "closed",
      invite: "delegates",
      items: [
        {
          title: "Accueil de la Commission scolaire Central Québec et de TRAIC jeunesse",
          presenter: "Coordination de la Table",
          minutes: "Tour de table des mandats. Les deux organisations présentent leurs services et leur territoire.",
          decisions: ["Accueillir la Commission scolaire Central Québec et TRAIC jeunesse comme membres de la Table."],
        },
        {
          title: "Désignation des intervenants pivots",
          presenter: "CJQ-IU",
          minutes: "Chaque établissement identifie ses intervenants pivots et en assure la coordination.",
          decisions: ["Chaque organisation désigne au moins un intervenant pivot d'ici l'hiver."],
          responsibilities: [{ what: "Transmettre la liste des pivots de chaque organisation", owner: { email: "coordination@filet.test" }, dueOn: "2010-01-29", status: "done" }],
        },
      ],
    },
    {
      kind: "table",
      title: "Rencontre de la Table — bilan d'implantation",
      day: "2010-06-16",
      start: "09:00",
      end: "12:00",
      place: "Centre jeunesse de Québec – IU, salle du conseil",
      objectives: "Recevoir le troisième rapport intérimaire de l'évaluation et en tirer un plan d'action.",
      status: "closed",
      invite: "delegates",
      items: [
        {
          title: "Rapport intérimaire de l'évaluation",
          presenter: "JEFAR",
          minutes: "Points forts : structure des pivots, bottin. Recommandation : se répartir des responsabilités concrètes après chaque rencontre, avec un échéancier.",
          decisions: ["Adopter un plan d'action annuel à partir de 2010."],
          responsibilities: [
            { what: "Rédiger l'ébauche du plan d'action 2010", owner: { email: "coordination@filet.test" }, dueOn: "2010-09-15", status: "done" },
            { what: "Organiser la première rencontre régionale des pivots", owner: { org: "SPVQ" }, dueOn: "2010-10-30", status: "done" },
            { what: "Produire un dépliant grand public", owner: { org: "PIPQ" }, dueOn: "2010-12-01", status: "dropped", droppedReason: "Remplacé par la page d'information du guide." },
          ],
        },
      ],
    },
    {
      kind: "regional_pivots",
      title: "Rencontre régionale des intervenants pivots",
      day: rel(-30),
      start: "13:00",
      end: "16:00",
      place: "Maison de la coopération, Québec",
      objectives: "Mettre en commun les activités des pivots et définir la direction des prochaines rencontres.",
      assessed: { outcome: "partly", review: "Activités mises en commun ; la direction des prochaines rencontres reste à préciser." },
      status: "closed",
      invite: "pivots",
      items: [
        {
          title: "Tour des milieux",
          minutes: "Chaque pivot présente les activités de sensibilisation du trimestre (sans aucune information sur des jeunes).",
          decisions: ["Tenir une rencontre régionale des pivots chaque trimestre."],
        },
      ],
    },
    {
      kind: "table",
      title: "Rencontre de la Table — automne",
      day: rel(-45),
      start: "09:00",
      end: "12:00",
      place: "Agence de la santé et des services sociaux, Québec",
      objectives: "- Suivre le plan d'action\n- Préparer la saison de formation",
      status: "closed",
      invite: "delegates",
      guests: ["Représentante du ministère de la Sécurité publique"],
      items: [
        { title: "Mot d'accueil et adoption de l'ordre du jour", presenter: "Coordination de la Table", minutes: "Ordre du jour adopté." },
        {
          title: "Suivi du plan d'action",
          presenter: "Coordination de la Table",
          minutes: "Deux actions en retard sur le bottin et la formation des nouveaux pivots.",
          decisions: ["Reporter le lancement de la campagne à l'hiver."],
          responsibilities: [
            { what: "Mettre à jour le bottin des pivots de la SPVQ", owner: { email: "coord-pivots.spvq@filet.test" }, dueOn: rel(-10), status: "todo" },
            { what: "Préparer la présentation des pivots aux nouvelles directions d'école", owner: { email: "pivot.cjq@filet.test" }, dueOn: rel(20), status: "in_progress" },
          ],
        },
        {
          title: "Saison de formation",
          presenter: "PIPQ",
          minutes: "Six séances prévues ; les duos seront proposés par la coordination.",
          responsibilities: [{ what: "Réserver les salles des séances d'automne", owner: { org: "PIPQ" }, dueOn: rel(-20), status: "done" }],
        },
      ],
    },
    {
      kind: "org_followup",
      org: "SPVQ",
      title: "Suivi des pivots — SPVQ",
      day: rel(-15),
      start: "10:00",
      end: "11:00",
      place: "Quartier général du SPVQ",
      objectives: "Suivi des activités des pivots du service.",
      assessed: { outcome: "met", review: "Les deux présentations prévues ont eu lieu." },
      status: "closed",
      invite: "org",
      items: [{ title: "Activités du trimestre", minutes: "Deux présentations en milieu scolaire réalisées." }],
    },
    {
      kind: "table",
      title: "Rencontre de la Table — hiver",
      day: rel(21),
      start: "09:00",
      end: "12:00",
      place: "Agence de la santé et des services sociaux, Québec",
      objectives: "- Bilan de l'automne\n- Plan d'action de l'an prochain",
      status: "planned",
      invite: "delegates",
      items: [
        { title: "Suivi des responsabilités ouvertes", followUp: true },
        { title: "Bilan de la saison de formation", presenter: "PIPQ" },
        { title: "Plan d'action de l'an prochain", presenter: "Coordination de la Table" },
      ],
    },
  ];

  const openFromAutumn: string[] = [];
  for (const spec of meetings) {
    const organizationId = spec.org ? orgId(spec.org) : null;
    if (spec.org && !organizationId) continue;
    const [m] = await tx
      .insert(meeting)
      .values({
        partnershipId,
        organizationId,
        kind: spec.kind,
        title: spec.title,
        startsAt: fromLocal(spec.day, spec.start),
        endsAt: fromLocal(spec.day, spec.end),
        place: spec.place,
        objectives: spec.objectives,
        objectivesOutcome: spec.assessed?.outcome ?? null,
        objectivesReview: spec.assessed?.review ?? "",
        status: spec.status,
        createdByPersonId: coordinator.id,
        closedAt: spec.status === "closed" ? fromLocal(spec.day, spec.end) : null,
      })
      .returning({ id: meeting.id });
    const meetingId = m!.id;
    const invited =
      spec.invite === "delegates" ? withRoles(delegateRoles) : spec.invite === "pivots" ? withRoles(pivotRoles) : withRoles([...pivotRoles, "table_member"], organizationId);
    for (const [i, personId] of invited.entries()) {
      const attendance: AttendanceValue | null = spec.status === "closed" ? (i % 5 === 4 ? "excused" : "present") : null;
      await tx.insert(meetingInvitation).values({ meetingId, personId, partnershipId, rsvp: spec.status === "closed" ? "yes" : null, attendance });
    }
    for (const name of spec.guests ?? []) await tx.insert(meetingGuest).values({ partnershipId, meetingId, name });
    for (const [position, item] of spec.items.entries()) {
      const [row] = await tx
        .insert(meetingAgendaItem)
        .values({ partnershipId, meetingId, position, title: item.title, presenter: item.presenter ?? "", durationMinutes: 30, minutes: item.minutes ?? "", followUp: item.followUp ?? false })
        .returning({ id: meetingAgendaItem.id });
      const agendaItemId = row!.id;
      for (const text of item.decisions ?? []) await tx.insert(meetingDecision).values({ partnershipId, meetingId, agendaItemId, text, createdByPersonId: coordinator.id });
      for (const r of item.responsibilities ?? []) {
        const owner = "email" in r.owner ? byEmail.get(r.owner.email)?.id : undefined;
        const ownerOrg = "org" in r.owner ? orgId(r.owner.org) : null;
        if (!owner && !ownerOrg) continue;
        const [created] = await tx
          .insert(responsibility)
          .values({
            partnershipId,
            scopeOrganizationId: organizationId,
            meetingId,
            agendaItemId,
            what: r.what,
            ownerPersonId: owner ?? null,
            ownerOrganizationId: owner ? null : ownerOrg,
            dueOn: r.dueOn,
            status: r.status,
            droppedReason: r.droppedReason ?? "",
            createdByPersonId: coordinator.id,
            completedAt: r.status === "done" ? fromLocal(r.dueOn, "12:00") : null,
          })
          .returning({ id: responsibility.id });
        if (r.status === "todo" || r.status === "in_progress") openFromAutumn.push(created!.id);
      }
      if (item.followUp && openFromAutumn.length) {
        for (const responsibilityId of openFromAutumn) await tx.insert(agendaItemResponsibility).values({ agendaItemId, responsibilityId, partnershipId });
      }
    }
  }
  await seedPivotMeetingsDemo(tx, partnershipId, now);
}
