import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import type { MeetingAccess } from "./meeting-access.server.ts";
import { canManageMeeting } from "./meeting-access.server.ts";
import { meetingActivityReview, meetingInvitation, meetingPollAnswer, meetingPollSlot, meetingRegistration } from "./tables.ts";
import { isPivotMeetingKind, pollAnswers, type PollAnswer } from "./vocabulary.ts";
import type { MeetingRow } from "./get-meeting.server.ts";

export interface PollSlotView {
  id: string;
  startsAt: Date;
  endsAt: Date;
  chosen: boolean;
  tally: Record<PollAnswer, number>;
}

/**
 * What a pivot meeting's page adds (null for other kinds): the registrations (the whole list
 * for the organizer, one's own state for a pivot), the time poll with its tally per slot and the
 * person's own answers, the activity reviews by agenda item, and the meeting's thread.
 */
export async function pivotMeetingDetail(db: Database, access: MeetingAccess, m: MeetingRow) {
  if (!isPivotMeetingKind(m.kind)) return null;
  const canManage = canManageMeeting(access, m);
  const [registrations, invited, slots, answers, reviews] = await Promise.all([
    db
      .select({
        personId: meetingRegistration.personId,
        registeredAt: meetingRegistration.registeredAt,
        given: person.givenName,
        family: person.familyName,
        acronym: organization.acronym,
      })
      .from(meetingRegistration)
      .innerJoin(person, eq(person.id, meetingRegistration.personId))
      .leftJoin(organization, eq(organization.id, person.organizationId))
      .where(and(eq(meetingRegistration.meetingId, m.id), isNull(meetingRegistration.withdrawnAt)))
      .orderBy(asc(person.familyName), asc(person.givenName)),
    db
      .select({ personId: meetingInvitation.personId })
      .from(meetingInvitation)
      .where(and(eq(meetingInvitation.meetingId, m.id), eq(meetingInvitation.personId, access.personId))),
    db.select().from(meetingPollSlot).where(eq(meetingPollSlot.meetingId, m.id)).orderBy(asc(meetingPollSlot.position)),
    db
      .select({
        slotId: meetingPollAnswer.slotId,
        personId: meetingPollAnswer.personId,
        answer: meetingPollAnswer.answer,
      })
      .from(meetingPollAnswer)
      .where(eq(meetingPollAnswer.meetingId, m.id)),
    db.select().from(meetingActivityReview).where(eq(meetingActivityReview.meetingId, m.id)),
  ]);
  const isInvited = invited.length > 0;
  const empty = () => Object.fromEntries(pollAnswers.map((a) => [a, 0])) as Record<PollAnswer, number>;
  const pollSlots: PollSlotView[] = slots.map((s) => {
    const tally = empty();
    for (const a of answers) if (a.slotId === s.id) tally[a.answer] += 1;
    return {
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      chosen: s.chosen,
      tally,
    };
  });
  const mine = Object.fromEntries(answers.filter((a) => a.personId === access.personId).map((a) => [a.slotId, a.answer])) as Record<string, PollAnswer>;
  return {
    canManage,
    /** May register: a designated pivot invited to the meeting, while it is planned. */
    mayRegister: !!access.mayRegister && isInvited && m.status === "planned",
    registered: registrations.some((r) => r.personId === access.personId),
    registrations: canManage
      ? registrations.map((r) => ({
          personId: r.personId,
          name: `${r.given} ${r.family}`,
          organization: r.acronym,
          registeredAt: r.registeredAt,
        }))
      : null,
    registeredCount: registrations.length,
    poll: slots.length
      ? {
          status: m.pollStatus,
          slots: pollSlots,
          mine,
          mayAnswer: isInvited && m.pollStatus === "open" && m.status === "planned",
          respondents: new Set(answers.map((a) => a.personId)).size,
        }
      : null,
    mayOpenPoll: canManage && m.status === "planned" && m.pollStatus !== "open",
    reviews: Object.fromEntries(
      reviews.map((r) => [
        r.agendaItemId,
        {
          fromDay: r.fromDay,
          toDay: r.toDay,
          protectedBelow: r.protectedBelow,
          rows: r.rows,
          takenAt: r.createdAt,
        },
      ]),
    ),
    mayReview: canManage && (m.status === "planned" || m.status === "held"),
    threadId: m.forumThreadId,
  };
}
export type PivotMeetingDetail = NonNullable<Awaited<ReturnType<typeof pivotMeetingDetail>>>;
