import { and, asc, eq, sql } from "drizzle-orm";
import { actionVersion, indicatorVersion, objectiveVersion } from "../../../app/modules/action-plan/write-plan.server.ts";
import { storedFile } from "../../../app/modules/files/tables.ts";
import { checklistVersion } from "../../../app/modules/handover/handover.server.ts";
import { coordinationHandover } from "../../../app/modules/handover/tables.ts";
import type { HandoverItem } from "../../../app/modules/handover/vocabulary.ts";
import { account } from "../../../app/modules/identity/tables.ts";
import { person, roleAssignment } from "../../../app/modules/people/tables.ts";
import { fromLocal } from "../../../app/modules/meetings/dates.ts";
import { attendanceVersion, minutesVersion } from "../../../app/modules/meetings/meeting-versions.server.ts";
import { meeting, meetingAgendaItem, meetingGuest, meetingInvitation } from "../../../app/modules/meetings/tables.ts";
import type { MeetingStatus } from "../../../app/modules/meetings/vocabulary.ts";
import { draftFormVersion, listCommitmentTexts } from "../../../app/modules/partners/commitment-text.server.ts";
import { rowsOf } from "../../../app/modules/db/rows.ts";
import { TINY_PDF, type CaseBook, type Demo } from "../harness.ts";

/**
 * Forms of the Table's routes (partners, meetings, responsibilities, plan, funding, handover,
 * announcements). Forms that need a record in a given state the demo lacks (a held meeting, a
 * meeting to cancel, an open handover, a document to remove) get it from a small fixture made on
 * first need, named so it is found again.
 */

const cjq = (demo: Demo) => demo.one(sql`select id from organization where partnership_id = ${demo.tableId} and acronym = 'CJQ-IU'`);
const personOf = (demo: Demo, email: string) => demo.one(sql`select id from person where partnership_id = ${demo.tableId} and email = ${email}`);
const coordinator = (demo: Demo) => personOf(demo, "coordination@filet.test");

// ——— Meetings ———

/**
 * A Table-wide meeting of the coordinator in the wanted state, with two agenda items (minutes
 * written when `withMinutes`) and the coordinator and the CJQ-IU delegate invited.
 */
async function fixtureMeeting(demo: Demo, title: string, status: MeetingStatus, withMinutes = false): Promise<string> {
  const [known] = await demo.db.select({ id: meeting.id }).from(meeting).where(and(eq(meeting.partnershipId, demo.tableId), eq(meeting.title, title)));
  if (known) return known.id;
  const me = await coordinator(demo);
  const [m] = await demo.db
    .insert(meeting)
    .values({
      partnershipId: demo.tableId,
      kind: "table",
      title,
      startsAt: fromLocal("2027-02-10", "09:00"),
      endsAt: fromLocal("2027-02-10", "12:00"),
      place: "Salle du conseil",
      status,
      createdByPersonId: me,
    })
    .returning({ id: meeting.id });
  for (const [position, itemTitle] of ["Accueil", "Suivi du plan d'action"].entries()) {
    await demo.db.insert(meetingAgendaItem).values({ partnershipId: demo.tableId, meetingId: m!.id, position, title: itemTitle, minutes: withMinutes ? `Compte rendu : ${itemTitle}` : "" });
  }
  for (const email of ["coordination@filet.test", "delegue.cjq@filet.test"]) {
    await demo.db.insert(meetingInvitation).values({ partnershipId: demo.tableId, meetingId: m!.id, personId: await personOf(demo, email) });
  }
  return m!.id;
}

const held = (demo: Demo) => fixtureMeeting(demo, "Essai — rencontre tenue", "held");
const firstItem = async (demo: Demo, meetingId: string) => {
  const [item] = await demo.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, meetingId)).orderBy(asc(meetingAgendaItem.position)).limit(1);
  return item!;
};

/** The demo's next Table meeting (planned; the delegate is invited). */
const winterMeeting = (demo: Demo) => demo.one(sql`select id from meeting where partnership_id = ${demo.tableId} and status = 'planned' and title like '%hiver%'`);

/** A document on the held meeting, to be removed. */
async function meetingFile(demo: Demo): Promise<string> {
  const meetingId = await held(demo);
  const [known] = await demo.db
    .select({ id: storedFile.id })
    .from(storedFile)
    .where(and(eq(storedFile.ownerType, "meeting"), eq(storedFile.ownerId, meetingId), eq(storedFile.fileName, "a-retirer.pdf")));
  if (known) return known.id;
  return storeFixtureFile(demo, "meeting", meetingId, "a-retirer.pdf");
}

async function storeFixtureFile(demo: Demo, ownerType: string, ownerId: string, fileName: string): Promise<string> {
  const [row] = await demo.db
    .insert(storedFile)
    .values({ partnershipId: demo.tableId, ownerType, ownerId, fileName, mediaType: "application/pdf", byteSize: TINY_PDF.byteLength, sha256: "0".repeat(64), content: TINY_PDF })
    .returning({ id: storedFile.id });
  return row!.id;
}

const meetingValues = async (demo: Demo, meetingId: string) => {
  const items = await demo.db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, meetingId)).orderBy(asc(meetingAgendaItem.position));
  const invited = await demo.db.select({ personId: meetingInvitation.personId }).from(meetingInvitation).where(eq(meetingInvitation.meetingId, meetingId));
  const [m] = await demo.db.select({ version: meeting.version, title: meeting.title }).from(meeting).where(eq(meeting.id, meetingId));
  return { items, invited: invited.map((i) => i.personId), version: m!.version, title: m!.title };
};

// ——— Action plan, funding, handover ———

const plan2026 = (demo: Demo) => demo.one(sql`select id from action_plan where partnership_id = ${demo.tableId} and year = 2026`);
const currentGrant = (demo: Demo) => demo.one(sql`select id from "grant" where partnership_id = ${demo.tableId} order by ends_on desc limit 1`);

const handoverItems: HandoverItem[] = [
  { key: "essai:plan", kind: "plan", label: "Plan d'action", date: null, href: null, checked: true },
  { key: "essai:grant", kind: "grant", label: "Subvention", date: null, href: null, checked: true },
];

/** The open handover of the Table (one is started, with two items, when there is none). */
async function openHandover(demo: Demo): Promise<{ id: string; items: HandoverItem[] }> {
  const [open] = await demo.db.select().from(coordinationHandover).where(and(eq(coordinationHandover.partnershipId, demo.tableId), eq(coordinationHandover.status, "open")));
  if (open) return { id: open.id, items: open.items };
  const [row] = await demo.db
    .insert(coordinationHandover)
    .values({ partnershipId: demo.tableId, outgoingPersonId: await coordinator(demo), successorPersonId: await personOf(demo, "delegue.cjq@filet.test"), items: handoverItems.map((i) => ({ ...i, checked: false })) })
    .returning();
  return { id: row!.id, items: row!.items };
}

/** Closes the open handover, as cancelling it on the page would (a new one may then start). */
const closeOpenHandover = (demo: Demo) =>
  demo.db.update(coordinationHandover).set({ status: "cancelled", cancelledAt: new Date() }).where(and(eq(coordinationHandover.partnershipId, demo.tableId), eq(coordinationHandover.status, "open")));

/**
 * A handover ready to transfer between two people made for it (an outgoing coordinator of the
 * fixture and a successor with an account), so the transfer never takes the role from a persona.
 */
async function transferableHandover(demo: Demo): Promise<string> {
  const ensurePerson = async (email: string, givenName: string) => {
    const [known] = await demo.db.select({ id: person.id }).from(person).where(and(eq(person.partnershipId, demo.tableId), eq(person.email, email)));
    if (known) return known.id;
    const [p] = await demo.db.insert(person).values({ partnershipId: demo.tableId, givenName, familyName: "Essai", email }).returning({ id: person.id });
    await demo.db.insert(account).values({ personId: p!.id, email, status: "active" });
    return p!.id;
  };
  const outgoing = await ensurePerson("sortante.essai@filet.test", "Coordination sortante");
  const successor = await ensurePerson("releve.essai@filet.test", "Relève");
  const roles = rowsOf(await demo.db.execute(sql`select id from role_assignment where person_id = ${outgoing} and role = 'table_coordinator' and revoked_at is null`));
  if (roles.length === 0) await demo.db.insert(roleAssignment).values({ personId: outgoing, role: "table_coordinator", partnershipId: demo.tableId });
  await closeOpenHandover(demo);
  const [row] = await demo.db
    .insert(coordinationHandover)
    .values({ partnershipId: demo.tableId, outgoingPersonId: outgoing, successorPersonId: successor, items: handoverItems })
    .returning({ id: coordinationHandover.id });
  return row!.id;
}

// ——— Partners ———

/** The Table's draft commitment text (one is saved when there is none). */
async function commitmentDraft(demo: Demo): Promise<string> {
  const draft = (await listCommitmentTexts(demo.db, demo.tableId)).find((v) => v.status === "draft");
  if (draft) return draft.id;
  return demo.one(sql`
    insert into commitment_text_version (partnership_id, number, status, title_fr, title_en, body_fr, body_en)
    values (${demo.tableId}, (select coalesce(max(number), 0) + 1 from commitment_text_version where partnership_id = ${demo.tableId}), 'draft', 'Engagement', 'Commitment', 'Texte', 'Text')
    returning id`);
}

export const tableCases: CaseBook = {
  // ——— Partners ———
  "routes/partners/$organizationId.edit.tsx": [
    {
      name: "edit the CJQ-IU partner profile",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/partners/${await cjq(demo)}/edit`,
      body: async (demo, variant) => {
        const id = await cjq(demo);
        const version = await demo.one<number>(sql`select version from organization where id = ${id}`);
        return { version: String(version), mission: `Mission, version ${variant}`, mandate: "Mandat", culture: "", services: "Services", territory: "Capitale-Nationale" };
      },
    },
  ],
  "routes/partners/$organizationId.delegates.tsx": [
    {
      name: "record a delegate term",
      kind: "create",
      as: "coordination@filet.test",
      url: async (demo) => `/partners/${await cjq(demo)}/delegates`,
      body: async (demo, variant) => ({
        intent: "add",
        personId: await demo.one(sql`select id from person where partnership_id = ${demo.tableId} and organization_id = ${await cjq(demo)} order by family_name limit 1`),
        kind: "substitute",
        since: `2026-0${(variant % 9) + 1}-01`,
        until: "",
        note: `Substitut ${variant}`,
      }),
    },
    {
      name: "end a delegate term",
      kind: "action",
      as: "coordination@filet.test",
      url: async (demo) => `/partners/${await cjq(demo)}/delegates`,
      body: async (demo) => ({
        intent: "end",
        termId: await demo.one(sql`select id from partner_delegate_term where organization_id = ${await cjq(demo)} and until is null order by since desc limit 1`),
        until: "2030-06-30",
      }),
    },
  ],
  "routes/partners/commitments.new.tsx": [
    {
      name: "record a signed commitment with its PDF",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/partners/commitments/new",
      file: { field: "document" },
      body: async (demo, variant) => ({
        organizationId: await cjq(demo),
        textVersionId: await demo.one(sql`select id from commitment_text_version where partnership_id = ${demo.tableId} and status = 'published'`),
        startsOn: "2027-01-01",
        endsOn: "2029-12-31",
        signatoryName: `Signataire ${variant}`,
        signatoryTitle: "Directrice",
        signedOn: "2026-12-01",
      }),
    },
  ],
  "routes/partners/commitments.$commitmentId.tsx": [
    {
      name: "attach the signed PDF of a commitment",
      kind: "create",
      as: "coordination@filet.test",
      url: async (demo) => `/partners/commitments/${await demo.one(sql`select id from partner_commitment where partnership_id = ${demo.tableId} order by created_at limit 1`)}`,
      file: { field: "document" },
      body: () => ({}),
    },
  ],
  "routes/partners/commitments.text.tsx": [
    {
      name: "save the draft of the commitment text",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/partners/commitments/text",
      body: async (demo, variant) => ({
        intent: "save",
        version: String(draftFormVersion(await listCommitmentTexts(demo.db, demo.tableId))),
        titleFr: "Engagement écrit",
        titleEn: "Written commitment",
        bodyFr: `Texte, version ${variant}`,
        bodyEn: `Text, version ${variant}`,
        changeNote: "",
      }),
    },
    {
      name: "publish the draft of the commitment text",
      kind: "action",
      as: "coordination@filet.test",
      url: () => "/partners/commitments/text",
      body: async (demo) => ({ intent: "publish", versionId: await commitmentDraft(demo) }),
    },
  ],

  // ——— Meetings ———
  "routes/meetings/new.tsx": [
    {
      name: "create a Table meeting",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/meetings/new",
      body: (_demo, variant) => ({
        title: `Rencontre ${variant}`,
        kind: "table",
        organizationId: "",
        day: "2027-03-1" + (variant % 10),
        startTime: "09:00",
        endTime: "12:00",
        place: "Salle 2",
        onlineUrl: "",
        objectives: "",
        templateId: "",
      }),
    },
  ],
  "routes/meetings/$meetingId.tsx": [
    {
      name: "answer a meeting invitation",
      kind: "action",
      as: "delegue.cjq@filet.test",
      url: async (demo) => `/meetings/${await winterMeeting(demo)}`,
      body: () => ({ intent: "rsvp", answer: "yes" }),
    },
    {
      name: "hold a planned meeting",
      kind: "action",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await fixtureMeeting(demo, "Essai — rencontre à tenir", "planned")}`,
      // The fixture meeting is still to come: holding it now gives the recorded reason.
      body: () => ({ intent: "start", earlyReason: "Rencontre avancée à la demande des partenaires" }),
    },
    {
      name: "cancel a planned meeting",
      kind: "action",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await fixtureMeeting(demo, "Essai — rencontre à annuler", "planned")}`,
      body: () => ({ intent: "cancel" }),
    },
    {
      name: "assess whether a held meeting met its objectives",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await held(demo)}`,
      body: async (demo, variant) => {
        const meetingId = await held(demo);
        const [m] = await demo.db.select({ version: meeting.version }).from(meeting).where(eq(meeting.id, meetingId));
        return { intent: "objectives", version: String(m!.version), outcome: variant % 2 ? "met" : "partly", review: `Bilan ${variant}` };
      },
    },
    {
      name: "write the minutes of an agenda item",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await held(demo)}`,
      body: async (demo, variant) => {
        const item = await firstItem(demo, await held(demo));
        return { intent: "minutes", itemId: item.id, version: String(minutesVersion(item.id, item.minutes)), minutes: `Compte rendu, version ${variant}` };
      },
    },
    {
      name: "record attendance and guests",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await held(demo)}`,
      body: async (demo, variant) => {
        const meetingId = await held(demo);
        const invitations = await demo.db.select({ personId: meetingInvitation.personId, attendance: meetingInvitation.attendance }).from(meetingInvitation).where(eq(meetingInvitation.meetingId, meetingId));
        const guests = await demo.db.select({ name: meetingGuest.name }).from(meetingGuest).where(eq(meetingGuest.meetingId, meetingId));
        return {
          intent: "attendance",
          version: String(attendanceVersion(invitations, guests.map((g) => g.name))),
          guests: `Invitée ${variant}`,
          ...Object.fromEntries(invitations.map((i, n) => [`attendance-${i.personId}`, (n + variant) % 2 ? "present" : "absent"])),
        };
      },
    },
    {
      name: "record a decision on an agenda item",
      kind: "create",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await held(demo)}`,
      body: async (demo, variant) => ({ intent: "decision", itemId: (await firstItem(demo, await held(demo))).id, text: `Décision ${variant}` }),
    },
    {
      name: "add a responsibility from an agenda item",
      kind: "create",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await held(demo)}`,
      body: async (demo, variant) => ({
        intent: "responsibility",
        agendaItemId: (await firstItem(demo, await held(demo))).id,
        what: `Responsabilité ${variant}`,
        owner: `person:${await coordinator(demo)}`,
        dueOn: "2027-04-30",
        objectiveId: "",
      }),
    },
    {
      name: "add a document to a meeting",
      kind: "create",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await held(demo)}`,
      file: { field: "document" },
      body: () => ({ intent: "upload" }),
    },
    {
      name: "remove a document of a meeting",
      kind: "action",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await held(demo)}`,
      body: async (demo) => ({ intent: "deleteFile", fileId: await meetingFile(demo) }),
    },
    {
      name: "close a held meeting",
      kind: "action",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await fixtureMeeting(demo, "Essai — rencontre à clore", "held", true)}`,
      body: () => ({ intent: "close", earlyReason: "Rencontre tenue plus tôt" }),
    },
  ],
  "routes/meetings/$meetingId.edit.tsx": [
    {
      name: "edit a planned meeting",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await fixtureMeeting(demo, "Essai — rencontre à modifier", "planned")}/edit`,
      body: async (demo, variant) => {
        const v = await meetingValues(demo, await fixtureMeeting(demo, "Essai — rencontre à modifier", "planned"));
        return {
          version: String(v.version),
          title: v.title,
          day: "2027-02-10",
          startTime: "09:00",
          endTime: "12:00",
          place: "Salle du conseil",
          onlineUrl: "",
          objectives: `Objectifs, version ${variant}`,
          itemId: v.items.map((i) => i.id),
          itemTitle: v.items.map((i) => i.title),
          itemPresenter: v.items.map(() => ""),
          itemDuration: v.items.map(() => "30"),
          itemNotes: v.items.map(() => ""),
          invitees: v.invited,
        };
      },
    },
    {
      name: "move an agenda item up",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/meetings/${await fixtureMeeting(demo, "Essai — ordre du jour", "planned")}/edit`,
      body: async (demo, variant) => {
        const v = await meetingValues(demo, await fixtureMeeting(demo, "Essai — ordre du jour", "planned"));
        return { intent: "move", moveItemId: v.items[1]!.id, direction: variant % 2 ? "up" : "down", version: String(v.version) };
      },
    },
  ],

  // ——— Responsibilities ———
  "routes/meetings/responsibilities.new.tsx": [
    {
      name: "create a responsibility",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/responsibilities/new",
      body: async (demo, variant) => ({ what: `Tâche ${variant}`, owner: `person:${await coordinator(demo)}`, dueOn: "2027-01-15", objectiveId: "" }),
    },
  ],
  "routes/meetings/responsibilities.$responsibilityId.tsx": (() => {
    const target = (demo: Demo) => demo.one(sql`select id from responsibility where partnership_id = ${demo.tableId} and what like 'Mettre à jour le bottin%'`);
    const url = async (demo: Demo) => `/responsibilities/${await target(demo)}`;
    const version = async (demo: Demo) => String(await demo.one<number>(sql`select version from responsibility where id = ${await target(demo)}`));
    return [
      {
        name: "update the status of a responsibility",
        kind: "edit",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => ({ intent: "status", status: variant % 2 ? "in_progress" : "done", droppedReason: "", version: await version(demo) }),
      },
      {
        name: "comment on a responsibility",
        kind: "create",
        as: "coordination@filet.test",
        url,
        body: (_demo, variant) => ({ intent: "comment", body: `Commentaire ${variant}` }),
      },
      {
        name: "edit a responsibility",
        kind: "edit",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => ({
          intent: "edit",
          version: await version(demo),
          what: `Mettre à jour le bottin des pivots (${variant})`,
          owner: `person:${await personOf(demo, "coord-pivots.spvq@filet.test")}`,
          dueOn: `2027-02-1${variant % 10}`,
          objectiveId: "",
        }),
      },
    ];
  })(),

  // ——— Action plan ———
  "routes/table/action-plan.tsx": [
    {
      name: "start the plan of a new year",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/action-plan",
      body: (_demo, variant) => ({ intent: "create", year: String(2040 + variant), title: `Plan d'action ${2040 + variant}`, summary: "" }),
    },
    {
      name: "copy last year's plan",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/action-plan",
      body: (_demo, variant) => ({ intent: "copy", fromYear: "2026", toYear: String(2060 + variant) }),
    },
  ],
  "routes/table/action-plan.$year.tsx": (() => {
    const url = () => "/action-plan/2026";
    const objective = async (demo: Demo) => {
      const rows = rowsOf<{ id: string; title: string; description: string }>(
        await demo.db.execute(sql`select id, title, description from action_plan_objective where plan_id = ${await plan2026(demo)} order by position limit 1`),
      );
      return rows[0]!;
    };
    const action = async (demo: Demo) => {
      const [a] = rowsOf<{ id: string; objective_id: string; title: string; description: string; starts_on: string | null; ends_on: string | null; status: string; progress: number; orgs: string[] }>(
        await demo.db.execute(sql`
          select a.id, a.objective_id, a.title, a.description, a.starts_on::text, a.ends_on::text, a.status, a.progress,
            coalesce(array(select organization_id::text from action_plan_action_organization o where o.action_id = a.id), '{}') as orgs
          from action_plan_action a where a.plan_id = ${await plan2026(demo)} order by a.position, a.created_at limit 1`),
      );
      return a!;
    };
    const indicator = async (demo: Demo, last = false) => {
      const [i] = rowsOf<{ id: string; objective_id: string; label: string; unit: string; target: string; actual: string | null; indicator_code: string | null }>(
        await demo.db.execute(
          last
            ? sql`select id, objective_id, label, unit, target, actual, indicator_code from action_plan_indicator where plan_id = ${await plan2026(demo)} order by position desc, created_at desc limit 1`
            : sql`select id, objective_id, label, unit, target, actual, indicator_code from action_plan_indicator where plan_id = ${await plan2026(demo)} order by position, created_at limit 1`,
        ),
      );
      return i!;
    };
    return [
      {
        name: "edit the title of the plan",
        kind: "edit",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => ({ intent: "plan", version: String(await demo.one<number>(sql`select version from action_plan where id = ${await plan2026(demo)}`)), title: `Plan d'action 2026 (${variant})`, summary: "" }),
      },
      {
        name: "add an objective",
        kind: "create",
        as: "coordination@filet.test",
        url,
        body: (_demo, variant) => ({ intent: "objective", title: `Objectif ${variant}`, description: "" }),
      },
      {
        name: "edit an objective",
        kind: "edit",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => {
          const o = await objective(demo);
          return { intent: "objective", id: o.id, version: String(objectiveVersion(o)), title: o.title, description: `Description, version ${variant}` };
        },
      },
      {
        name: "add an action",
        kind: "create",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => ({ intent: "action", objectiveId: (await objective(demo)).id, title: `Action ${variant}`, description: "", startsOn: "2026-02-01", endsOn: "2026-11-30", status: "planned", progress: "0" }),
      },
      {
        name: "edit an action",
        kind: "edit",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => {
          const a = await action(demo);
          const version = actionVersion({ objectiveId: a.objective_id, title: a.title, description: a.description, startsOn: a.starts_on, endsOn: a.ends_on, status: a.status, progress: a.progress, organizationIds: a.orgs });
          return { intent: "action", id: a.id, version: String(version), objectiveId: a.objective_id, title: a.title, description: "", startsOn: "", endsOn: "", status: "in_progress", progress: String(10 + variant), organizationIds: a.orgs };
        },
      },
      {
        name: "add an indicator",
        kind: "create",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => ({ intent: "indicator", objectiveId: (await objective(demo)).id, label: `Indicateur ${variant}`, unit: "rencontres", target: "3", actual: "" }),
      },
      {
        name: "edit an indicator",
        kind: "edit",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => {
          const i = await indicator(demo);
          const version = indicatorVersion({ objectiveId: i.objective_id, label: i.label, unit: i.unit, target: i.target, actual: i.actual, indicatorCode: i.indicator_code });
          return { intent: "indicator", id: i.id, version: String(version), objectiveId: i.objective_id, label: i.label, unit: i.unit, target: String(100 + variant), actual: "", indicatorCode: i.indicator_code ?? "" };
        },
      },
      {
        name: "delete an indicator (confirmed)",
        kind: "action",
        as: "coordination@filet.test",
        url,
        body: async (demo) => ({ intent: "delete", kind: "indicator", id: (await indicator(demo, true)).id }),
      },
    ];
  })(),

  // ——— Funding ———
  "routes/table/funding.new.tsx": [
    {
      name: "record a grant",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/funding/new",
      body: (_demo, variant) => ({ intent: "grant", funder: `Fondation ${variant}`, program: "", amount: "12 500", startsOn: "2027-01-01", endsOn: "2027-12-31", conditions: "" }),
    },
  ],
  "routes/table/funding.$grantId.tsx": (() => {
    const url = async (demo: Demo) => `/funding/${await currentGrant(demo)}`;
    return [
      {
        name: "edit a grant",
        kind: "edit",
        as: "coordination@filet.test",
        url,
        body: async (demo, variant) => {
          const id = await currentGrant(demo);
          const [g] = rowsOf<{ version: number; funder: string; program: string; starts_on: string; ends_on: string }>(
            await demo.db.execute(sql`select version, funder, program, starts_on::text, ends_on::text from "grant" where id = ${id}`),
          );
          return { intent: "grant", version: String(g!.version), funder: g!.funder, program: g!.program, amount: String(95000 + variant), startsOn: g!.starts_on, endsOn: g!.ends_on, conditions: `Conditions, version ${variant}` };
        },
      },
      {
        name: "add a report date",
        kind: "create",
        as: "coordination@filet.test",
        url,
        body: (_demo, variant) => ({ intent: "report", dueOn: `2027-0${(variant % 9) + 1}-28`, label: `Rapport ${variant}` }),
      },
      {
        name: "mark a report as submitted",
        kind: "action",
        as: "coordination@filet.test",
        url,
        body: async (demo) => ({ intent: "report-submitted", id: await demo.one(sql`select id from grant_report_date where grant_id = ${await currentGrant(demo)} and submitted_on is null order by due_on limit 1`) }),
      },
      {
        name: "delete a report date (confirmed)",
        kind: "action",
        as: "coordination@filet.test",
        url,
        body: async (demo) => ({ intent: "report-delete", id: await demo.one(sql`select id from grant_report_date where grant_id = ${await currentGrant(demo)} order by due_on desc limit 1`) }),
      },
      {
        name: "add a spending line",
        kind: "create",
        as: "coordination@filet.test",
        url,
        body: (_demo, variant) => ({ intent: "spending", label: `Dépense ${variant}`, amount: "120,50", spentOn: "2026-05-04", actionId: "" }),
      },
      {
        name: "delete a spending line (confirmed)",
        kind: "action",
        as: "coordination@filet.test",
        url,
        body: async (demo) => ({ intent: "spending-delete", id: await demo.one(sql`select id from grant_spending where grant_id = ${await currentGrant(demo)} order by spent_on limit 1`) }),
      },
      {
        name: "add a document to a grant",
        kind: "create",
        as: "coordination@filet.test",
        url,
        file: { field: "document" },
        body: () => ({ intent: "document" }),
      },
      {
        name: "delete a document of a grant (confirmed)",
        kind: "action",
        as: "coordination@filet.test",
        url,
        body: async (demo) => ({ intent: "document-delete", id: await storeFixtureFile(demo, "grant", await currentGrant(demo), "convention.pdf") }),
      },
    ];
  })(),

  // ——— Handover ———
  "routes/table/handover.tsx": [
    {
      name: "start a handover",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/handover",
      // One handover is open at a time: the one a previous submission started is closed first.
      body: async (demo, variant) => {
        await closeOpenHandover(demo);
        return { intent: "start", outgoingPersonId: await coordinator(demo), successorPersonId: await personOf(demo, "delegue.cjq@filet.test"), note: `Passation ${variant}` };
      },
    },
    {
      name: "save the handover checklist",
      kind: "edit",
      as: "coordination@filet.test",
      url: () => "/handover",
      body: async (demo, variant) => {
        const open = await openHandover(demo);
        return { intent: "checklist", handoverId: open.id, version: String(checklistVersion(open.items)), checked: variant % 2 ? open.items.map((i) => i.key) : open.items.slice(0, 1).map((i) => i.key) };
      },
    },
    {
      name: "cancel the open handover",
      kind: "action",
      as: "coordination@filet.test",
      url: () => "/handover",
      body: async (demo) => ({ intent: "cancel", handoverId: (await openHandover(demo)).id }),
    },
    {
      name: "transfer the coordination",
      kind: "action",
      as: "coordination@filet.test",
      url: () => "/handover",
      body: async (demo) => ({ intent: "transfer", handoverId: await transferableHandover(demo) }),
    },
  ],

  // ——— Announcements ———
  "routes/table/announcements.new.tsx": [
    {
      name: "post an announcement to the Table",
      kind: "create",
      as: "coordination@filet.test",
      url: () => "/announcements/new",
      body: (_demo, variant) => ({ audience: "table", organizationId: "", title: `Annonce ${variant}`, body: "Texte de l'annonce." }),
    },
  ],

  "routes/partners/matrix.$organizationId.tsx": [
    {
      name: "edit the CJQ-IU row of the contribution matrix",
      kind: "edit",
      as: "coordination@filet.test",
      url: async (demo) => `/partners/matrix/${await cjq(demo)}`,
      body: async (demo, variant) => {
        const id = await cjq(demo);
        const version = await demo.one(sql`select coalesce(sum(version), 0)::int from partner_contribution where organization_id = ${id}`);
        return { version: String(version), prevention: `Prévention, version ${variant}`, detection: "Dépistage" };
      },
    },
  ],
};
