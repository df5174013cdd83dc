import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { responsibility, agendaItemResponsibility } from "./responsibilities/tables.ts";
import { openStatuses } from "./responsibilities/vocabulary.ts";
import { canManageMeeting, visibleMeetings, type MeetingAccess } from "./meeting-access.server.ts";
import { invitedPersonIds, queueMeetingNotice } from "./meeting-emails.server.ts";
import { listInvitable, onlyInvitable, shortcutInvitees } from "./meeting-people.server.ts";
import type { AgendaItemInput, MeetingInput } from "./meeting-schema.ts";
import { meeting, meetingAgendaItem, meetingInvitation } from "./tables.ts";
import { FOLLOWUP_KIND, shortcutFor } from "./vocabulary.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";

/** The meeting's id, or why not. */
export type SaveMeetingResult = Ok<string> | Invalid | Conflict | NotFound;

export interface SaveOptions {
  publicUrl: string;
  /** Every kind the Table offers (built-in and added). */
  kinds: readonly string[];
  /** Title of the "follow-up of open items" agenda item, in the author's language. */
  followUpTitle: string;
}

async function resolveInvitees(db: Database, access: MeetingAccess, kind: string, organizationId: string | null, input: MeetingInput) {
  const people = await listInvitable(db, access.partnershipId, organizationId);
  const wanted = [...new Set([...input.invitees, ...(input.inviteAll ? shortcutInvitees(people, shortcutFor(kind)) : [])])];
  return onlyInvitable(people, wanted);
}

async function insertItems(tx: Database, partnershipId: string, meetingId: string, items: AgendaItemInput[], from = 0) {
  for (const [i, item] of items.entries()) {
    await tx.insert(meetingAgendaItem).values({
      partnershipId,
      meetingId,
      position: from + i,
      title: item.title,
      presenter: item.presenter,
      durationMinutes: item.durationMinutes,
      notes: item.notes,
    });
  }
}

/** Prepares a meeting: its agenda, the open items carried from before, its invitations (emails with .ics). */
export async function createMeeting(db: Database, actor: AuditActor, access: MeetingAccess, input: MeetingInput, options: SaveOptions): Promise<SaveMeetingResult> {
  if (!options.kinds.includes(input.kind)) return invalid("kind", "form.invalid");
  const organizationId = input.kind === FOLLOWUP_KIND ? input.organizationId : null;
  if (input.kind === FOLLOWUP_KIND && !organizationId) return invalid("organizationId", "form.required");
  if (!canManageMeeting(access, { organizationId })) return invalid(input.kind === FOLLOWUP_KIND ? "organizationId" : "kind", "meetings.form.notAllowedKind");
  const invitees = await resolveInvitees(db, access, input.kind, organizationId, input);
  if (invitees.unknown.length) return invalid("invitees", "form.invalid");
  return db.transaction(async (tx) => {
    const carried = input.followUpIds.length
      ? await tx
          .select({ id: responsibility.id })
          .from(responsibility)
          .where(
            and(
              eq(responsibility.partnershipId, access.partnershipId),
              inArray(responsibility.id, input.followUpIds),
              inArray(responsibility.status, [...openStatuses]),
              organizationId ? eq(responsibility.scopeOrganizationId, organizationId) : isNull(responsibility.scopeOrganizationId),
            ),
          )
      : [];
    if (carried.length !== input.followUpIds.length) return invalid("followUpIds", "form.invalid");
    // The template named by the form must be a meeting of this Table the person sees.
    if (input.templateId) {
      const [template] = await tx.select({ id: meeting.id }).from(meeting).where(and(visibleMeetings(tx, access), eq(meeting.id, input.templateId)));
      if (!template) return invalid("templateId", "form.invalid");
    }
    const [row] = await tx
      .insert(meeting)
      .values({
        partnershipId: access.partnershipId,
        organizationId,
        kind: input.kind,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        onlineUrl: input.onlineUrl,
        objectives: input.objectives,
        templateId: input.templateId,
        createdByPersonId: access.personId,
      })
      .returning();
    const m = row!;
    let from = 0;
    if (carried.length) {
      const [item] = await tx
        .insert(meetingAgendaItem)
        .values({ partnershipId: access.partnershipId, meetingId: m.id, position: 0, title: options.followUpTitle, followUp: true, durationMinutes: 15 })
        .returning({ id: meetingAgendaItem.id });
      for (const c of carried) await tx.insert(agendaItemResponsibility).values({ agendaItemId: item!.id, responsibilityId: c.id, partnershipId: access.partnershipId });
      from = 1;
    }
    await insertItems(tx, access.partnershipId, m.id, input.items, from);
    for (const personId of invitees.ok) await tx.insert(meetingInvitation).values({ meetingId: m.id, personId, partnershipId: access.partnershipId });
    const sent = await queueMeetingNotice(tx, m, "invitation", invitees.ok, options.publicUrl);
    await recordAuditEvent(tx, actor, {
      action: "meeting.created",
      targetType: "meeting",
      targetId: m.id,
      partnershipId: access.partnershipId,
      organizationId,
      details: { kind: input.kind, invited: invitees.ok.length, emails: sent, carried: carried.length, templateId: input.templateId },
    });
    return ok(m.id);
  });
}

/**
 * Edits details, agenda and invitations. A new date, time or place raises the calendar SEQUENCE
 * and tells the people still invited; newcomers get an invitation, removed people a cancellation.
 */
export async function updateMeeting(
  db: Database,
  actor: AuditActor,
  access: MeetingAccess,
  meetingId: string,
  version: number,
  input: MeetingInput,
  options: SaveOptions,
): Promise<SaveMeetingResult> {
  const [current] = await db.select().from(meeting).where(and(eq(meeting.partnershipId, access.partnershipId), eq(meeting.id, meetingId)));
  if (!current || !canManageMeeting(access, current)) return missing();
  if (current.status === "closed" || current.status === "cancelled") return conflict();
  const invitees = await resolveInvitees(db, access, current.kind, current.organizationId, input);
  if (invitees.unknown.length) return invalid("invitees", "form.invalid");
  return db.transaction(async (tx) => {
    const moved =
      current.startsAt.getTime() !== input.startsAt.getTime() ||
      current.endsAt.getTime() !== input.endsAt.getTime() ||
      current.place !== input.place ||
      current.onlineUrl !== input.onlineUrl;
    const [m] = await tx
      .update(meeting)
      .set({
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        onlineUrl: input.onlineUrl,
        objectives: input.objectives,
        sequence: moved ? sql`${meeting.sequence} + 1` : meeting.sequence,
        version: sql`${meeting.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(meeting.partnershipId, access.partnershipId), eq(meeting.id, meetingId), eq(meeting.version, version)))
      .returning();
    if (!m) return conflict();
    // Agenda: keep rows by id (their minutes and responsibilities), add new ones, drop the others.
    const keep = input.items.map((i) => i.id).filter((id): id is string => !!id);
    await tx
      .delete(meetingAgendaItem)
      .where(and(eq(meetingAgendaItem.meetingId, meetingId), keep.length ? notInArray(meetingAgendaItem.id, keep) : undefined));
    for (const [position, item] of input.items.entries()) {
      if (item.id) {
        await tx
          .update(meetingAgendaItem)
          .set({ position, title: item.title, presenter: item.presenter, durationMinutes: item.durationMinutes, notes: item.notes })
          .where(and(eq(meetingAgendaItem.meetingId, meetingId), eq(meetingAgendaItem.id, item.id)));
      } else await insertItems(tx, access.partnershipId, meetingId, [item], position);
    }
    const before = await invitedPersonIds(tx, meetingId);
    const added = invitees.ok.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !invitees.ok.includes(id));
    const stayed = before.filter((id) => invitees.ok.includes(id));
    if (removed.length) await tx.delete(meetingInvitation).where(and(eq(meetingInvitation.meetingId, meetingId), inArray(meetingInvitation.personId, removed)));
    for (const personId of added) await tx.insert(meetingInvitation).values({ meetingId, personId, partnershipId: access.partnershipId });
    if (m.status === "planned") {
      await queueMeetingNotice(tx, m, "invitation", added, options.publicUrl);
      await queueMeetingNotice(tx, m, "cancellation", removed, options.publicUrl);
      if (moved) await queueMeetingNotice(tx, m, "change", stayed, options.publicUrl);
    }
    await recordAuditEvent(tx, actor, {
      action: "meeting.updated",
      targetType: "meeting",
      targetId: meetingId,
      partnershipId: access.partnershipId,
      organizationId: m.organizationId,
      details: { moved, sequence: m.sequence, added: added.length, removed: removed.length },
    });
    return ok(meetingId);
  });
}
