import { and, asc, desc, eq, gte, ilike, inArray, lt, ne, or, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { listFiles } from "../files/stored-files.server.ts";
import { agendaItemResponsibility } from "./responsibilities/tables.ts";
import { listResponsibilities } from "./responsibilities/list-responsibilities.server.ts";
import { canManageMeeting, visibleMeetings, type MeetingAccess } from "./meeting-access.server.ts";
import { meeting, meetingAgendaItem, meetingDecision, meetingGuest, meetingInvitation } from "./tables.ts";

export type MeetingRow = typeof meeting.$inferSelect;

export const meetingFileOwner = (m: { id: string; partnershipId: string; organizationId: string | null }) => ({
  partnershipId: m.partnershipId,
  organizationId: m.organizationId,
  ownerType: "meeting",
  ownerId: m.id,
});

/** One meeting the person sees; another Table's, another organization's or a not-invited one reads as missing. */
export async function loadMeeting(db: Database, access: MeetingAccess, meetingId: string): Promise<MeetingRow | null> {
  const [m] = await db.select().from(meeting).where(and(visibleMeetings(db, access), eq(meeting.id, meetingId)));
  return m ?? null;
}

export async function listMeetings(db: Database, access: MeetingAccess, when: "upcoming" | "past", now: Date) {
  const rows = await db
    .select({ m: meeting, orgName: organization.nameFr, orgAcronym: organization.acronym })
    .from(meeting)
    .leftJoin(organization, eq(organization.id, meeting.organizationId))
    // A meeting closed before its end (an explicit override) is past, not upcoming.
    .where(
      and(
        visibleMeetings(db, access),
        when === "upcoming" ? and(gte(meeting.endsAt, now), ne(meeting.status, "closed")) : or(lt(meeting.endsAt, now), eq(meeting.status, "closed")),
      ),
    )
    .orderBy(when === "upcoming" ? asc(meeting.startsAt) : desc(meeting.startsAt))
    .limit(200);
  return rows.map(({ m, orgName, orgAcronym }) => ({ ...m, organization: orgAcronym || orgName || null }));
}

/** Everything the meeting page shows. */
export async function meetingDetail(db: Database, access: MeetingAccess, m: MeetingRow, today: string) {
  const [items, invitations, guests, decisions, files, responsibilities] = await Promise.all([
    db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, m.id)).orderBy(asc(meetingAgendaItem.position)),
    db
      .select({ personId: meetingInvitation.personId, rsvp: meetingInvitation.rsvp, attendance: meetingInvitation.attendance, given: person.givenName, family: person.familyName, acronym: organization.acronym })
      .from(meetingInvitation)
      .innerJoin(person, eq(person.id, meetingInvitation.personId))
      .leftJoin(organization, eq(organization.id, person.organizationId))
      .where(eq(meetingInvitation.meetingId, m.id))
      .orderBy(asc(person.familyName), asc(person.givenName)),
    db.select({ id: meetingGuest.id, name: meetingGuest.name }).from(meetingGuest).where(eq(meetingGuest.meetingId, m.id)).orderBy(asc(meetingGuest.createdAt)),
    db.select().from(meetingDecision).where(eq(meetingDecision.meetingId, m.id)).orderBy(asc(meetingDecision.createdAt)),
    listFiles(db, meetingFileOwner(m)),
    listResponsibilities(db, access, { meetingId: m.id, today }),
  ]);
  const followUpItems = items.filter((i) => i.followUp).map((i) => i.id);
  const links = followUpItems.length
    ? await db.select().from(agendaItemResponsibility).where(inArray(agendaItemResponsibility.agendaItemId, followUpItems))
    : [];
  const carried = await listResponsibilities(db, access, { ids: links.map((l) => l.responsibilityId), today });
  const me = invitations.find((i) => i.personId === access.personId) ?? null;
  return {
    items: items.map((i) => ({
      ...i,
      decisions: decisions.filter((d) => d.agendaItemId === i.id),
      responsibilities: responsibilities.filter((r) => r.agendaItemId === i.id),
      carried: carried.filter((r) => links.some((l) => l.agendaItemId === i.id && l.responsibilityId === r.id)),
    })),
    invitations: invitations.map((i) => ({ personId: i.personId, rsvp: i.rsvp, attendance: i.attendance, name: `${i.given} ${i.family}`, organization: i.acronym })),
    guests,
    decisions,
    otherDecisions: decisions.filter((d) => !d.agendaItemId),
    otherResponsibilities: responsibilities.filter((r) => !r.agendaItemId),
    responsibilities,
    files,
    myRsvp: me ? (me.rsvp ?? "none") : null,
    canManage: canManageMeeting(access, m),
  };
}
export type MeetingDetail = Awaited<ReturnType<typeof meetingDetail>>;

/**
 * The meeting that came before (same kind, same organization for follow-ups, not cancelled) and
 * the responsibilities still open from it — its own and those it carried — for the next agenda.
 */
export async function previousOpenItems(db: Database, access: MeetingAccess, kind: string, organizationId: string | null, now: Date, today: string) {
  const [previous] = await db
    .select()
    .from(meeting)
    .where(
      and(
        visibleMeetings(db, access),
        eq(meeting.kind, kind),
        organizationId ? eq(meeting.organizationId, organizationId) : undefined,
        ne(meeting.status, "cancelled"),
        lt(meeting.startsAt, now),
      ),
    )
    .orderBy(desc(meeting.startsAt))
    .limit(1);
  if (!previous) return { previous: null, items: [] };
  const carriedLinks = await db
    .select({ id: agendaItemResponsibility.responsibilityId })
    .from(agendaItemResponsibility)
    .innerJoin(meetingAgendaItem, eq(meetingAgendaItem.id, agendaItemResponsibility.agendaItemId))
    .where(eq(meetingAgendaItem.meetingId, previous.id));
  const own = await listResponsibilities(db, access, { meetingId: previous.id, filter: "open", today });
  const carried = await listResponsibilities(db, access, { ids: carriedLinks.map((l) => l.id), filter: "open", today });
  const items = [...own, ...carried.filter((c) => !own.some((o) => o.id === c.id))];
  return { previous: { id: previous.id, title: previous.title, startsAt: previous.startsAt }, items };
}

/** The decisions register: decisions of the meetings the person sees, newest first, searchable. */
export async function listDecisions(db: Database, access: MeetingAccess, search: string) {
  const words = search.trim().slice(0, 100);
  const where: SQL | undefined = words
    ? or(ilike(meetingDecision.text, `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), ilike(meeting.title, `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    : undefined;
  return db
    .select({ id: meetingDecision.id, text: meetingDecision.text, meetingId: meeting.id, meetingTitle: meeting.title, startsAt: meeting.startsAt, item: meetingAgendaItem.title })
    .from(meetingDecision)
    .innerJoin(meeting, eq(meeting.id, meetingDecision.meetingId))
    .leftJoin(meetingAgendaItem, eq(meetingAgendaItem.id, meetingDecision.agendaItemId))
    .where(and(eq(meetingDecision.partnershipId, access.partnershipId), visibleMeetings(db, access), where))
    .orderBy(desc(meeting.startsAt), asc(meetingDecision.createdAt))
    .limit(300);
}
