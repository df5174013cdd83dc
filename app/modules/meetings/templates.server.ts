import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { visibleMeetings, type MeetingAccess } from "./meeting-access.server.ts";
import { meeting, meetingAgendaItem, meetingInvitation } from "./tables.ts";

/** Earlier meetings of the kind (same organization for follow-ups) that can serve as a template. */
export async function listTemplates(db: Database, access: MeetingAccess, kind: string, organizationId: string | null) {
  return db
    .select({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt })
    .from(meeting)
    .where(and(visibleMeetings(db, access), eq(meeting.kind, kind), organizationId ? eq(meeting.organizationId, organizationId) : undefined, ne(meeting.status, "cancelled")))
    .orderBy(desc(meeting.startsAt))
    .limit(12);
}

/** What a template gives the new meeting: its agenda structure and its invited people. */
export async function templateAgenda(db: Database, template: typeof meeting.$inferSelect) {
  const [items, invitations] = await Promise.all([
    db.select().from(meetingAgendaItem).where(eq(meetingAgendaItem.meetingId, template.id)).orderBy(asc(meetingAgendaItem.position)),
    db.select({ personId: meetingInvitation.personId }).from(meetingInvitation).where(eq(meetingInvitation.meetingId, template.id)),
  ]);
  return { items, invitees: invitations.map((i) => i.personId) };
}
