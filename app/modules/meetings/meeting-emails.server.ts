import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { buildCalendarFile, type CalendarFile } from "../calendar/ics.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { localTime } from "./dates.ts";
import { meetingInvitation } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

export interface MeetingForCalendar {
  id: string;
  partnershipId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  sequence: number;
}

/** The same UID for every version of the meeting, so calendars replace the event. */
export const meetingUid = (meetingId: string) => `meeting-${meetingId}@filet`;

export function meetingCalendarFile(m: MeetingForCalendar, method: "REQUEST" | "CANCEL" | "PUBLISH", publicUrl: string): CalendarFile {
  const url = `${publicUrl}/meetings/${m.id}`;
  return buildCalendarFile(
    [
      {
        uid: meetingUid(m.id),
        sequence: m.sequence,
        summary: m.title,
        description: url,
        location: [m.place, m.onlineUrl].filter(Boolean).join(" — "),
        url,
        start: m.startsAt,
        end: m.endsAt,
        cancelled: method === "CANCEL",
      },
    ],
    { method, name: m.title, fileName: method === "CANCEL" ? "annulation.ics" : "rencontre.ics" },
  );
}

/** Addresses of people (their account's address first, else their directory address). */
export async function emailsOf(db: Database, partnershipId: string, personIds: readonly string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ email: person.email, accountEmail: account.email, status: account.status })
    .from(person)
    .leftJoin(account, eq(account.personId, person.id))
    .where(and(eq(person.partnershipId, partnershipId), inArray(person.id, [...personIds])));
  return [...new Set(rows.filter((r) => r.status !== "deactivated").map((r) => r.accountEmail || r.email).filter(Boolean))];
}

export async function invitedPersonIds(db: Database, meetingId: string): Promise<string[]> {
  const rows = await db.select({ personId: meetingInvitation.personId }).from(meetingInvitation).where(eq(meetingInvitation.meetingId, meetingId));
  return rows.map((r) => r.personId);
}

export type MeetingNotice = "invitation" | "change" | "cancellation" | "minutes";

function when(m: MeetingForCalendar): string {
  return `${quebecDay(m.startsAt)} ${localTime(m.startsAt)}–${localTime(m.endsAt)}`;
}

/** Bilingual notice, a link and the calendar file; never the minutes themselves. */
function message(notice: MeetingNotice, m: MeetingForCalendar, publicUrl: string): { subject: string; text: string } {
  const link = `${publicUrl}/meetings/${m.id}`;
  const at = when(m);
  switch (notice) {
    case "invitation":
      return {
        subject: `Filet — Invitation : ${m.title} (${at}) / Invitation`,
        text: `Bonjour,\n\nVous êtes invité·e à « ${m.title} », le ${at}. L'ordre du jour et la réponse (présence) sont sur la page de la rencontre :\n${link}\n\nLe fichier joint ajoute la rencontre à votre agenda.\n\nHello,\n\nYou are invited to "${m.title}", ${at}. The agenda and your answer are on the meeting page:\n${link}\n\nThe attached file adds the meeting to your calendar.\n`,
      };
    case "change":
      return {
        subject: `Filet — Changement : ${m.title} (${at}) / Meeting changed`,
        text: `Bonjour,\n\nLa date, l'heure ou le lieu de « ${m.title} » a changé : ${at}.\n${link}\n\nLe fichier joint met votre agenda à jour.\n\nHello,\n\nThe date, time or place of "${m.title}" changed: ${at}.\n${link}\n\nThe attached file updates your calendar.\n`,
      };
    case "cancellation":
      return {
        subject: `Filet — Annulation : ${m.title} / Meeting cancelled`,
        text: `Bonjour,\n\nLa rencontre « ${m.title} » prévue le ${at} est annulée.\n${link}\n\nHello,\n\nThe meeting "${m.title}" planned for ${at} is cancelled.\n${link}\n`,
      };
    case "minutes":
      return {
        subject: `Filet — Compte rendu disponible : ${m.title} / Minutes available`,
        text: `Bonjour,\n\nLe compte rendu de « ${m.title} » est disponible :\n${link}\n\nHello,\n\nThe minutes of "${m.title}" are available:\n${link}\n`,
      };
  }
}

/** Queues one notice per address in the caller's transaction, with the .ics when it concerns the calendar. */
export async function queueMeetingNotice(
  tx: Database,
  m: MeetingForCalendar,
  notice: MeetingNotice,
  personIds: readonly string[],
  publicUrl: string,
): Promise<number> {
  const addresses = await emailsOf(tx, m.partnershipId, personIds);
  const method = notice === "cancellation" ? "CANCEL" : notice === "minutes" ? null : "REQUEST";
  const file = method ? meetingCalendarFile(m, method, publicUrl) : null;
  const { subject, text } = message(notice, m, publicUrl);
  for (const to of addresses) {
    await queueEmail(tx, { to, subject, text, partnershipId: m.partnershipId, attachments: file ? [file] : undefined });
  }
  return addresses.length;
}
