import type { Database } from "../app/modules/db/client.server.ts";
import type { HeldRole } from "../app/modules/authz/decide.ts";
import type { CurrentUser } from "../app/modules/identity/current-user.server.ts";
import { organization, partnership } from "../app/modules/governance/tables.ts";
import { person, roleAssignment } from "../app/modules/people/tables.ts";
import { meeting, meetingAgendaItem, meetingDecision, meetingInvitation } from "../app/modules/meetings/tables.ts";
import { responsibility } from "../app/modules/meetings/responsibilities/tables.ts";
import { commitmentTextVersion, partnerCommitment, partnerContribution } from "../app/modules/partners/tables.ts";
import { contributionDomains } from "../app/modules/partners/vocabulary.ts";
import { actionPlan, actionPlanAction, actionPlanObjective } from "../app/modules/action-plan/tables.ts";
import { grant, grantReportDate } from "../app/modules/funding/tables.ts";
import { announcement, announcementRecipient } from "../app/modules/announcements/tables.ts";
import { trainerProfile, trainingProgram, trainingRegistration, trainingSession } from "../app/modules/training/tables.ts";
import { seededRandom } from "../tests/support/seeded-random.ts";

/**
 * A Table at the scale of a busy region after fifteen years of work, invented: organizations,
 * meetings with agendas, invitations and decisions, responsibilities, the contribution matrix,
 * commitments, action plans, grants, announcements and a training history. Several Tables are
 * generated so that every measured query has another Table's rows to leave out.
 */
export interface TableWorkScale {
  tables: number;
  organizations: number;
  members: number;
  meetings: number;
  agendaItems: number;
  invitations: number;
  responsibilities: number;
  sessions: number;
  registrations: number;
  announcements: number;
}

export const defaultScale: TableWorkScale = {
  tables: 3,
  organizations: 50,
  members: 150,
  meetings: 200,
  agendaItems: 6,
  invitations: 20,
  responsibilities: 2000,
  sessions: 500,
  registrations: 15_000,
  announcements: 100,
};

/** The people whose pages are measured, in the first Table. */
export interface Viewers {
  coordinator: CurrentUser & { partnershipId: string };
  delegate: CurrentUser & { partnershipId: string };
  pivot: CurrentUser & { partnershipId: string };
}

export interface GeneratedTableWork {
  partnershipIds: string[];
  viewers: Viewers;
  counts: Record<string, number>;
}

async function insertBatched<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, batch = 1000) {
  for (let i = 0; i < rows.length; i += batch) await insert(rows.slice(i, i + batch));
}

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const ORG_TYPES = ["youth_protection", "police", "school", "community", "health_social_services", "regional_health_agency", "other"] as const;
const KINDS = ["table", "table", "regional_pivots", "org_followup", "org_followup", "trainers"] as const;

function viewer(personId: string, partnershipId: string, organizationId: string, roles: HeldRole[]): CurrentUser & { partnershipId: string } {
  return {
    accountId: personId,
    personId,
    email: `${personId}@bench.test`,
    givenName: "Banc",
    familyName: "D'essai",
    locale: "fr",
    partnershipId,
    organizationId,
    roles,
    mfaEnabled: true,
    mfaRequired: false,
    sessionIdHash: "bench",
    mfaPassed: true,
    mfaByProvider: false,
  };
}

export async function generateTableWork(db: Database, scale: TableWorkScale, now: Date, log: (line: string) => void = () => {}): Promise<GeneratedTableWork> {
  const random = seededRandom(2026);
  const uuid = () => crypto.randomUUID();
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const counts: Record<string, number> = {};
  const add = (name: string, n: number) => (counts[name] = (counts[name] ?? 0) + n);
  const partnershipIds: string[] = [];
  let viewers: Viewers | null = null;

  for (let tIndex = 0; tIndex < scale.tables; tIndex++) {
    const partnershipId = uuid();
    partnershipIds.push(partnershipId);
    await db.insert(partnership).values({ id: partnershipId, slug: `bench-tw-${tIndex}-${uuid().slice(0, 8)}`, nameFr: `Table ${tIndex + 1}`, nameEn: `Table ${tIndex + 1}` });
    const orgs = Array.from({ length: scale.organizations }, (_, i) => ({
      id: uuid(),
      partnershipId,
      type: pick(ORG_TYPES),
      nameFr: `Organisme ${i + 1} de la Table ${tIndex + 1}`,
      nameEn: `Organization ${i + 1} of Table ${tIndex + 1}`,
      acronym: `ORG-${String(i + 1).padStart(2, "0")}`,
    }));
    await db.insert(organization).values(orgs);
    add("organizations", orgs.length);

    // Members (delegates, pivots, coordinators) and the workers trained over the years.
    const members = Array.from({ length: scale.members }, (_, i) => ({ id: uuid(), partnershipId, organizationId: orgs[i % orgs.length]!.id, givenName: `Membre${i}`, familyName: `Table${tIndex}` }));
    const workerCount = Math.ceil(scale.registrations * 0.8);
    const workers = Array.from({ length: workerCount }, (_, i) => ({ id: uuid(), partnershipId, organizationId: pick(orgs).id, givenName: `Intervenant${i}`, familyName: `Table${tIndex}` }));
    await insertBatched([...members, ...workers], (c) => db.insert(person).values(c));
    add("people", members.length + workers.length);
    const coordinator = members[0]!;
    const delegate = members[1]!;
    const pivot = members[2]!;
    await db.insert(roleAssignment).values([
      { personId: coordinator.id, role: "table_coordinator", partnershipId, organizationId: null },
      { personId: coordinator.id, role: "table_member", partnershipId, organizationId: coordinator.organizationId },
      ...members.slice(1, 51).map((m) => ({ personId: m.id, role: "table_member" as const, partnershipId, organizationId: m.organizationId })),
      ...members.slice(51).map((m) => ({ personId: m.id, role: "pivot" as const, partnershipId, organizationId: m.organizationId })),
      { personId: pivot.id, role: "pivot" as const, partnershipId, organizationId: pivot.organizationId },
    ]);
    if (tIndex === 0) {
      viewers = {
        coordinator: viewer(coordinator.id, partnershipId, coordinator.organizationId, [
          { role: "table_coordinator", partnershipId, organizationId: null },
          { role: "table_member", partnershipId, organizationId: coordinator.organizationId },
        ]),
        delegate: viewer(delegate.id, partnershipId, delegate.organizationId, [{ role: "table_member", partnershipId, organizationId: delegate.organizationId }]),
        pivot: viewer(pivot.id, partnershipId, pivot.organizationId, [{ role: "pivot", partnershipId, organizationId: pivot.organizationId }]),
      };
    }

    // Meetings over eight years, a handful still to come; agenda items, invitations, decisions.
    const span = 8 * 365 * DAY;
    const meetings = Array.from({ length: scale.meetings }, (_, i) => {
      const startsAt = new Date(now.getTime() - span + (span * 1.03 * i) / scale.meetings);
      const kind = pick(KINDS);
      const past = startsAt.getTime() < now.getTime();
      return {
        id: uuid(),
        partnershipId,
        organizationId: kind === "org_followup" ? pick(orgs).id : null,
        kind,
        title: `Rencontre ${i + 1}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
        status: past ? (random() < 0.95 ? ("closed" as const) : ("held" as const)) : ("planned" as const),
      };
    });
    await insertBatched(meetings, (c) => db.insert(meeting).values(c));
    const items = meetings.flatMap((m) =>
      Array.from({ length: scale.agendaItems }, (_, k) => ({ id: uuid(), partnershipId, meetingId: m.id, position: k, title: `Point ${k + 1}`, durationMinutes: 20, minutes: "Compte rendu du point." })),
    );
    await insertBatched(items, (c) => db.insert(meetingAgendaItem).values(c));
    const invitations = meetings.flatMap((m) => {
      const invited = new Set<string>([coordinator.id]);
      while (invited.size < scale.invitations) invited.add(pick(members).id);
      return [...invited].map((personId) => ({ meetingId: m.id, personId, partnershipId }));
    });
    await insertBatched(invitations, (c) => db.insert(meetingInvitation).values(c));
    const decisions = meetings.flatMap((m, i) => [0, 1].map((k) => ({ partnershipId, meetingId: m.id, agendaItemId: items[i * scale.agendaItems + k]!.id, text: `Décision ${k + 1} de la rencontre ${i + 1}` })));
    await insertBatched(decisions, (c) => db.insert(meetingDecision).values(c));
    add("meetings", meetings.length);
    add("agenda items", items.length);
    add("invitations", invitations.length);
    add("decisions", decisions.length);

    // Responsibilities: most born from a meeting; a third still open, some of those late.
    const responsibilities = Array.from({ length: scale.responsibilities }, (_, i) => {
      const fromMeeting = random() < 0.7;
      const m = pick(meetings.filter((x) => x.startsAt.getTime() < now.getTime() + 60 * DAY));
      const base = fromMeeting ? m.startsAt.getTime() : now.getTime() - random() * span;
      const dueOn = day(base + (14 + random() * 60) * DAY);
      const r = random();
      const status = dueOn < day(now.getTime()) ? (r < 0.85 ? "done" : r < 0.9 ? "dropped" : "in_progress") : r < 0.6 ? "todo" : "in_progress";
      const byPerson = random() < 0.5;
      return {
        partnershipId,
        scopeOrganizationId: fromMeeting ? m.organizationId : null,
        meetingId: fromMeeting ? m.id : null,
        agendaItemId: fromMeeting ? items[meetings.indexOf(m) * scale.agendaItems + (i % scale.agendaItems)]!.id : null,
        what: `Responsabilité ${i + 1}`,
        ownerPersonId: byPerson ? (i % 25 === 0 ? delegate.id : pick(members).id) : null,
        ownerOrganizationId: byPerson ? null : pick(orgs).id,
        dueOn,
        status: status as "todo" | "in_progress" | "done" | "dropped",
        droppedReason: status === "dropped" ? "Plus pertinent" : "",
        createdByPersonId: coordinator.id,
      };
    });
    await insertBatched(responsibilities, (c) => db.insert(responsibility).values(c));
    add("responsibilities", responsibilities.length);

    // The contribution matrix (every cell written), commitments (two periods per organization).
    await insertBatched(
      orgs.flatMap((o) => contributionDomains.map((domain) => ({ partnershipId, organizationId: o.id, domain, text: `Contribution de ${o.acronym} en ${domain}.` }))),
      (c) => db.insert(partnerContribution).values(c),
    );
    const [text] = await db
      .insert(commitmentTextVersion)
      .values({ partnershipId, number: 1, status: "published", titleFr: "Engagement", titleEn: "Commitment", bodyFr: "…", bodyEn: "…" })
      .returning({ id: commitmentTextVersion.id });
    await db.insert(partnerCommitment).values(
      orgs.flatMap((o) => [
        { partnershipId, organizationId: o.id, textVersionId: text!.id, startsOn: day(now.getTime() - 5 * 365 * DAY), endsOn: day(now.getTime() - 2 * 365 * DAY), signatoryName: "D. G.", signedOn: day(now.getTime() - 5 * 365 * DAY) },
        { partnershipId, organizationId: o.id, textVersionId: text!.id, startsOn: day(now.getTime() - 2 * 365 * DAY), endsOn: day(now.getTime() + (random() * 400 - 60) * DAY), signatoryName: "D. G.", signedOn: day(now.getTime() - 2 * 365 * DAY) },
      ]),
    );
    add("matrix cells", orgs.length * contributionDomains.length);

    // Action plans (ten years, 5 objectives × 4 actions), grants, announcements.
    const year = now.getUTCFullYear();
    for (let y = year - 9; y <= year; y++) {
      const [plan] = await db.insert(actionPlan).values({ partnershipId, year: y, title: `Plan ${y}` }).returning({ id: actionPlan.id });
      const objectives = await db
        .insert(actionPlanObjective)
        .values(Array.from({ length: 5 }, (_, k) => ({ partnershipId, planId: plan!.id, position: k, title: `Objectif ${k + 1}` })))
        .returning({ id: actionPlanObjective.id });
      await db.insert(actionPlanAction).values(
        objectives.flatMap((o, k) => Array.from({ length: 4 }, (_, a) => ({ partnershipId, planId: plan!.id, objectiveId: o.id, position: a, title: `Action ${k + 1}.${a + 1}`, status: pick(["planned", "in_progress", "done"] as const) }))),
      );
    }
    const grants = await db
      .insert(grant)
      .values(Array.from({ length: 10 }, (_, k) => ({ partnershipId, funder: `Bailleur ${k + 1}`, amount: 25_000, startsOn: day(now.getTime() - (k + 1) * 365 * DAY), endsOn: day(now.getTime() + (2 - k) * 200 * DAY) })))
      .returning({ id: grant.id });
    await db.insert(grantReportDate).values(grants.flatMap((g, k) => [0, 1, 2].map((r) => ({ partnershipId, grantId: g.id, dueOn: day(now.getTime() + (r * 120 - k * 60) * DAY), label: `Rapport ${r + 1}` }))));
    const announcements = Array.from({ length: scale.announcements }, (_, i) => ({ id: uuid(), partnershipId, authorPersonId: coordinator.id, audience: "table" as const, title: `Annonce ${i + 1}`, body: "…", createdAt: new Date(now.getTime() - (scale.announcements - i) * 7 * DAY) }));
    await db.insert(announcement).values(announcements);
    const recipients = announcements.flatMap((a, i) => members.map((m) => ({ partnershipId, announcementId: a.id, personId: m.id, readAt: i < scale.announcements - 3 || random() < 0.5 ? a.createdAt : null })));
    await insertBatched(recipients, (c) => db.insert(announcementRecipient).values(c));
    add("announcement recipients", recipients.length);

    // Training: 500 two-day sessions over fifteen years, 30 registrations each, most completed.
    const [program] = await db.insert(trainingProgram).values({ partnershipId, slug: "base", nameFr: "Formation de base", nameEn: "Basic training" }).returning({ id: trainingProgram.id });
    const trainers = await db
      .insert(trainerProfile)
      .values(members.slice(100, 120).map((m) => ({ partnershipId, personId: m.id, organizationId: m.organizationId })))
      .returning({ id: trainerProfile.id });
    const trainingSpan = 15 * 365 * DAY;
    const sessions = Array.from({ length: scale.sessions }, (_, i) => {
      const first = now.getTime() - trainingSpan + (trainingSpan * 1.02 * i) / scale.sessions;
      return {
        id: uuid(),
        partnershipId,
        programId: program!.id,
        dates: [day(first), day(first + DAY)],
        capacity: 30,
        status: first < now.getTime() ? ("given" as const) : ("open" as const),
        trainerAId: trainers[i % trainers.length]!.id,
        trainerBId: trainers[(i + 7) % trainers.length]!.id,
      };
    });
    await insertBatched(sessions, (c) => db.insert(trainingSession).values(c));
    const perSession = Math.round(scale.registrations / scale.sessions);
    const registrations = sessions.flatMap((s, i) =>
      Array.from({ length: perSession }, (_, k) => {
        const w = workers[(i * perSession + k) % workers.length]!;
        return {
          partnershipId,
          sessionId: s.id,
          personId: w.id,
          organizationId: w.organizationId,
          status: "registered" as const,
          completedAt: s.status === "given" && random() < 0.92 ? new Date(`${s.dates[1]}T20:00:00Z`) : null,
        };
      }),
    );
    await insertBatched(registrations, (c) => db.insert(trainingRegistration).values(c));
    add("training sessions", sessions.length);
    add("registrations", registrations.length);
    log(`  Table ${tIndex + 1}/${scale.tables} generated`);
  }
  return { partnershipIds, viewers: viewers!, counts };
}
