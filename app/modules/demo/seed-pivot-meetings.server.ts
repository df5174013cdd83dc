import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { activityReviewCounts } from "../meetings/add-activity-review.server.ts";
import { fromLocal } from "../meetings/dates.ts";
import { meeting, meetingActivityReview, meetingAgendaItem, meetingInvitation, meetingPollAnswer, meetingPollSlot, meetingRegistration } from "../meetings/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { pivotActivity } from "../pivot-activities/tables.ts";
import type { PollAnswer } from "../meetings/vocabulary.ts";
import { addDays, quebecDay } from "../time/days.ts";

/**
 * Pivot meetings in the demo (issue 14 §5): the held regional meeting gains the registrations of
 * the pivots who came, and an upcoming regional meeting has its date still open — a poll of
 * three slots answered by a few pivots — with the review of the pivots' activities on its agenda
 * (a few activities are logged in the last weeks so that it has counts).
 * coord-pivots.spvq@ has not answered yet (the browser test answers as them). Run right after
 * the meetings demo, in the same transaction (nothing happens without the regional meeting).
 */
export async function seedPivotMeetingsDemo(tx: Database, partnershipId: string, now: Date = new Date()): Promise<void> {
  const [held] = await tx
    .select()
    .from(meeting)
    .where(and(eq(meeting.partnershipId, partnershipId), eq(meeting.kind, "regional_pivots")))
    .orderBy(desc(meeting.startsAt))
    .limit(1);
  if (!held) return;
  const came = await tx
    .select({ personId: meetingInvitation.personId })
    .from(meetingInvitation)
    .where(and(eq(meetingInvitation.meetingId, held.id), eq(meetingInvitation.attendance, "present")));
  const registeredAt = fromLocal(addDays(quebecDay(held.startsAt), -10), "10:00");
  for (const { personId } of came) await tx.insert(meetingRegistration).values({ meetingId: held.id, personId, partnershipId, registeredAt });

  const pivots = await tx
    .selectDistinct({ id: person.id, email: person.email, organizationId: roleAssignment.organizationId })
    .from(person)
    .innerJoin(roleAssignment, and(eq(roleAssignment.personId, person.id), isNull(roleAssignment.revokedAt)))
    .where(and(eq(person.partnershipId, partnershipId), inArray(roleAssignment.role, ["pivot", "pivot_coordinator"])));
  const coordinator = await tx.select({ id: person.id }).from(person).where(and(eq(person.partnershipId, partnershipId), eq(person.email, "coordination@filet.test")));
  const today = quebecDay(now);
  const day = addDays(today, 35);
  const [upcoming] = await tx
    .insert(meeting)
    .values({
      partnershipId,
      kind: "regional_pivots",
      title: "Prochaine rencontre régionale des intervenants pivots",
      startsAt: fromLocal(day, "13:00"),
      endsAt: fromLocal(day, "16:00"),
      place: "Maison de la coopération, Québec",
      objectives: "- Faire le retour sur les activités des pivots depuis la dernière rencontre\n- Choisir deux priorités régionales pour le printemps",
      pollStatus: "open",
      createdByPersonId: coordinator[0]?.id ?? null,
    })
    .returning();
  const m = upcoming!;
  const invited = [...new Set([...pivots.map((p) => p.id), ...coordinator.map((c) => c.id)])];
  for (const personId of invited) await tx.insert(meetingInvitation).values({ meetingId: m.id, personId, partnershipId });
  const slots = [];
  for (const [position, offset] of [35, 37, 42].entries()) {
    const d = addDays(today, offset);
    const [slot] = await tx
      .insert(meetingPollSlot)
      .values({ partnershipId, meetingId: m.id, position, startsAt: fromLocal(d, "13:00"), endsAt: fromLocal(d, "16:00") })
      .returning({ id: meetingPollSlot.id });
    slots.push(slot!.id);
  }
  const patterns: PollAnswer[][] = [
    ["yes", "if_needed", "no"],
    ["no", "yes", "yes"],
    ["yes", "yes", "if_needed"],
    ["if_needed", "no", "yes"],
  ];
  const answering = pivots.filter((p) => p.email !== "coord-pivots.spvq@filet.test").slice(0, patterns.length);
  for (const [i, p] of answering.entries()) {
    for (const [j, slotId] of slots.entries()) {
      await tx.insert(meetingPollAnswer).values({ slotId, personId: p.id, meetingId: m.id, partnershipId, answer: patterns[i]![j]!, answeredAt: now });
    }
  }
  // Two pivots registered already (the others are still to answer).
  for (const p of answering.slice(0, 2)) await tx.insert(meetingRegistration).values({ meetingId: m.id, personId: p.id, partnershipId, registeredAt: now });
  for (const p of answering.slice(0, 2)) await tx.update(meetingInvitation).set({ rsvp: "yes", answeredAt: now }).where(and(eq(meetingInvitation.meetingId, m.id), eq(meetingInvitation.personId, p.id)));
  // A few activities shared since the last regional meeting (counts only, no notes), so the review has figures.
  const types = ["awareness_session", "consultation_given", "management_briefing", "awareness_session", "meeting_attended", "case_discussion"] as const;
  for (const [i, p] of pivots.filter((p) => p.organizationId).slice(0, 6).entries()) {
    for (let k = 0; k <= i % 3; k += 1) {
      await tx.insert(pivotActivity).values({ partnershipId, organizationId: p.organizationId!, personId: p.id, type: types[(i + k) % types.length]!, occurredOn: addDays(today, -(3 + 4 * i + k)), durationMinutes: 60 });
    }
  }
  const [item] = await tx
    .insert(meetingAgendaItem)
    .values({ partnershipId, meetingId: m.id, position: 0, title: "Retour sur les activités des pivots", durationMinutes: 45 })
    .returning({ id: meetingAgendaItem.id });
  await tx.insert(meetingAgendaItem).values({ partnershipId, meetingId: m.id, position: 1, title: "Priorités régionales du printemps", durationMinutes: 60 });
  const review = await activityReviewCounts(tx, m, now);
  await tx.insert(meetingActivityReview).values({ agendaItemId: item!.id, meetingId: m.id, partnershipId, ...review });
}
