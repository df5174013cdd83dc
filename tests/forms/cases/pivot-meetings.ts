import { and, asc, eq, sql } from "drizzle-orm";
import { fromLocal } from "../../../app/modules/meetings/dates.ts";
import { meeting, meetingInvitation, meetingPollSlot } from "../../../app/modules/meetings/tables.ts";
import type { Demo, FormCase } from "../harness.ts";

/**
 * The pivot meetings' forms on the meeting page (issue 14 §5). They join the meeting page's
 * other cases in index.ts (one route file, one list). The demo's upcoming regional meeting has an
 * open poll; a poll to open and one to decide come from small fixtures made on first need.
 */

/** The demo's upcoming regional pivot meeting (its date poll open). */
const upcomingRegional = (demo: Demo) =>
  demo.one(sql`select id from meeting where partnership_id = ${demo.tableId} and kind = 'regional_pivots' and status = 'planned' and poll_status = 'open' order by starts_at limit 1`);

/** A regional pivot meeting of the coordinator, planned, with the coordinator and the SPVQ pivot coordinator invited. */
async function fixtureRegional(demo: Demo, title: string, withPoll: boolean): Promise<string> {
  const [known] = await demo.db.select({ id: meeting.id }).from(meeting).where(and(eq(meeting.partnershipId, demo.tableId), eq(meeting.title, title)));
  if (known) return known.id;
  const me = await demo.one(sql`select id from person where partnership_id = ${demo.tableId} and email = 'coordination@filet.test'`);
  const spvq = await demo.one(sql`select id from person where partnership_id = ${demo.tableId} and email = 'coord-pivots.spvq@filet.test'`);
  const [m] = await demo.db
    .insert(meeting)
    .values({
      partnershipId: demo.tableId,
      kind: "regional_pivots",
      title,
      startsAt: fromLocal("2027-03-10", "13:00"),
      endsAt: fromLocal("2027-03-10", "16:00"),
      place: "Maison de la coopération",
      pollStatus: withPoll ? "open" : null,
      createdByPersonId: me,
    })
    .returning({ id: meeting.id });
  for (const personId of [me, spvq]) await demo.db.insert(meetingInvitation).values({ partnershipId: demo.tableId, meetingId: m!.id, personId });
  if (withPoll) {
    for (const [position, day] of ["2027-03-10", "2027-03-12"].entries()) {
      await demo.db.insert(meetingPollSlot).values({ partnershipId: demo.tableId, meetingId: m!.id, position, startsAt: fromLocal(day, "13:00"), endsAt: fromLocal(day, "16:00") });
    }
  }
  return m!.id;
}

const slotsOf = async (demo: Demo, meetingId: string) =>
  (await demo.db.select({ id: meetingPollSlot.id }).from(meetingPollSlot).where(eq(meetingPollSlot.meetingId, meetingId)).orderBy(asc(meetingPollSlot.position))).map((s) => s.id);
const versionOf = async (demo: Demo, meetingId: string) => String((await demo.db.select({ version: meeting.version }).from(meeting).where(eq(meeting.id, meetingId)))[0]!.version);

export const pivotMeetingPageCases: FormCase[] = [
  {
    name: "register for a regional pivot meeting",
    kind: "action",
    as: "coord-pivots.spvq@filet.test",
    url: async (demo) => `/meetings/${await upcomingRegional(demo)}`,
    body: () => ({ intent: "register" }),
  },
  {
    name: "answer the date poll of a pivot meeting",
    kind: "action",
    as: "coord-pivots.spvq@filet.test",
    url: async (demo) => `/meetings/${await upcomingRegional(demo)}`,
    body: async (demo, variant) => {
      const slots = await slotsOf(demo, await upcomingRegional(demo));
      return { intent: "answerPoll", ...Object.fromEntries(slots.map((id, i) => [`answer-${id}`, (i + variant) % 2 ? "yes" : "if_needed"])) };
    },
  },
  {
    name: "open a date poll for a pivot meeting",
    kind: "edit",
    as: "coordination@filet.test",
    url: async (demo) => `/meetings/${await fixtureRegional(demo, "Essai — rencontre des pivots à dater", false)}`,
    body: async (demo, variant) => ({
      intent: "openPoll",
      version: await versionOf(demo, await fixtureRegional(demo, "Essai — rencontre des pivots à dater", false)),
      "slotDay-0": "2027-04-0" + (variant % 9 || 1),
      "slotStart-0": "09:00",
      "slotEnd-0": "12:00",
      "slotDay-1": "2027-04-1" + (variant % 9),
      "slotStart-1": "13:00",
      "slotEnd-1": "16:00",
    }),
  },
  {
    name: "pick the date of a pivot meeting from its poll",
    kind: "edit",
    as: "coordination@filet.test",
    url: async (demo) => `/meetings/${await fixtureRegional(demo, "Essai — sondage à trancher", true)}`,
    body: async (demo, variant) => {
      const id = await fixtureRegional(demo, "Essai — sondage à trancher", true);
      const slots = await slotsOf(demo, id);
      return { intent: "pickSlot", version: await versionOf(demo, id), slotId: slots[variant % slots.length]! };
    },
  },
  {
    name: "put the review of the pivots' activities on the agenda",
    kind: "edit",
    as: "coordination@filet.test",
    url: async (demo) => `/meetings/${await upcomingRegional(demo)}`,
    body: async (demo) => ({ intent: "activityReview", version: await versionOf(demo, await upcomingRegional(demo)) }),
  },
  {
    name: "open the meeting's discussion thread",
    kind: "action",
    as: "pivot.cjq@filet.test",
    url: async (demo) => `/meetings/${await upcomingRegional(demo)}`,
    body: () => ({ intent: "thread" }),
  },
];
