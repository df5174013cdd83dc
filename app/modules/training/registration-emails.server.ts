import { buildCalendarFile, type CalendarFile } from "../calendar/ics.server.ts";
import type { Database } from "../db/client.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import type { WaitReason } from "./vocabulary.ts";

/** What an email about a session needs to know (no participant list, nothing confidential). */
export interface SessionForEmail {
  id: string;
  partnershipId: string;
  dates: string[];
  place: string;
  online: boolean;
  calendarSequence: number;
}

export type TrainingEmailKind =
  | "registered"
  | "waitlisted"
  | "promoted"
  | "reminder"
  | "changed"
  | "registration_cancelled"
  | "session_cancelled";

/** One stable UID per day of the session: calendars replace the event when SEQUENCE rises. */
export function sessionEventUid(sessionId: string, dayIndex: number): string {
  return `filet-training-${sessionId}-day${dayIndex + 1}@filet`;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/** The session's days as whole-day events: REQUEST to add or update them, CANCEL to remove them. */
export function sessionCalendarFile(session: SessionForEmail, method: "REQUEST" | "CANCEL"): CalendarFile {
  const where = session.online ? "En ligne / Online" : session.place;
  return buildCalendarFile(
    session.dates.map((day, i) => ({
      uid: sessionEventUid(session.id, i),
      sequence: session.calendarSequence,
      summary: `Formation Filet — jour ${i + 1} / Filet training — day ${i + 1}`,
      location: where,
      start: new Date(`${day}T00:00:00Z`),
      end: nextDay(day),
      allDay: true,
      cancelled: method === "CANCEL",
    })),
    { method, name: "Filet — formation / training", fileName: method === "CANCEL" ? "annulation-formation.ics" : "formation.ics" },
  );
}

/**
 * When a session loses days (2 → 1), the removed days' events must leave the calendars too: a
 * CANCEL for their UIDs (same SEQUENCE as the update). `before` is the session's dates before the
 * change; null when no day was removed.
 */
export function removedDaysCalendarFile(session: SessionForEmail, before: readonly string[]): CalendarFile | null {
  const removed = before.map((day, i) => ({ day, i })).filter(({ i }) => i >= session.dates.length);
  if (removed.length === 0) return null;
  const where = session.online ? "En ligne / Online" : session.place;
  return buildCalendarFile(
    removed.map(({ day, i }) => ({
      uid: sessionEventUid(session.id, i),
      sequence: session.calendarSequence,
      summary: `Formation Filet — jour ${i + 1} (retiré) / Filet training — day ${i + 1} (removed)`,
      location: where,
      start: new Date(`${day}T00:00:00Z`),
      end: nextDay(day),
      allDay: true,
      cancelled: true,
    })),
    { method: "CANCEL", name: "Filet — formation / training", fileName: "jour-retire-formation.ics" },
  );
}

function longDate(day: string, locale: "fr-CA" | "en-CA"): string {
  return new Intl.DateTimeFormat(locale, { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

const datesFr = (s: SessionForEmail) => s.dates.map((d) => longDate(d, "fr-CA")).join(" et ");
const datesEn = (s: SessionForEmail) => s.dates.map((d) => longDate(d, "en-CA")).join(" and ");
const placeFr = (s: SessionForEmail) => (s.online ? "en ligne" : s.place);
const placeEn = (s: SessionForEmail) => (s.online ? "online" : s.place);

const reasonText = {
  capacity: ["La séance est complète.", "The session is full."],
  organization_cap: [
    "Votre organisation a atteint sa part maximale des places de cette séance (la Table veut des groupes mixtes).",
    "Your organization holds its maximum share of this session's seats (the Table wants mixed groups).",
  ],
} as const;

function content(kind: TrainingEmailKind, s: SessionForEmail, extra: { reason?: WaitReason | null; nominated?: boolean; link: string; removed?: string[] }) {
  const fr = `la séance du ${datesFr(s)} (${placeFr(s)})`;
  const en = `the session of ${datesEn(s)} (${placeEn(s)})`;
  const by = extra.nominated
    ? ["Votre coordonnateur ou coordonnatrice pivot vous a inscrit·e. ", "Your pivot coordinator registered you. "]
    : ["", ""];
  const reason = extra.reason ? reasonText[extra.reason] : ["", ""];
  const texts: Record<TrainingEmailKind, [string, string, string]> = {
    registered: ["Inscription confirmée / Registration confirmed", `${by[0]}Votre inscription à ${fr} est confirmée. Le fichier joint ajoute les deux jours à votre agenda.`, `${by[1]}Your registration for ${en} is confirmed. The attached file adds both days to your calendar.`],
    waitlisted: ["Liste d'attente / Waiting list", `${by[0]}Vous êtes sur la liste d'attente de ${fr}. ${reason[0]} Vous serez inscrit·e automatiquement si une place se libère.`, `${by[1]}You are on the waiting list for ${en}. ${reason[1]} You will be registered automatically if a seat frees up.`],
    promoted: ["Une place s'est libérée / A seat is yours", `Une place s'est libérée : vous êtes maintenant inscrit·e à ${fr}. Le fichier joint ajoute les deux jours à votre agenda.`, `A seat freed up: you are now registered for ${en}. The attached file adds both days to your calendar.`],
    reminder: ["Rappel : formation à venir / Reminder: upcoming training", `Rappel : vous êtes inscrit·e à ${fr}.`, `Reminder: you are registered for ${en}.`],
    changed: ["Formation modifiée / Training changed", `Les dates ou le lieu ont changé : ${fr}. Le fichier joint met votre agenda à jour.`, `The dates or place changed: ${en}. The attached file updates your calendar.`],
    registration_cancelled: ["Inscription annulée / Registration cancelled", `Votre inscription à ${fr} est annulée.`, `Your registration for ${en} is cancelled.`],
    session_cancelled: ["Formation annulée / Training cancelled", `La séance du ${datesFr(s)} est annulée. Nous sommes désolés.`, `The session of ${datesEn(s)} is cancelled. We are sorry.`],
  };
  const [subject, textFr0, textEn0] = texts[kind];
  const removed = extra.removed ?? [];
  const textFr = removed.length
    ? `${textFr0}\nJour(s) retiré(s) : ${removed.map((d) => longDate(d, "fr-CA")).join(", ")}. Le second fichier joint les retire de votre agenda.`
    : textFr0;
  const textEn = removed.length
    ? `${textEn0}\nDay(s) removed: ${removed.map((d) => longDate(d, "en-CA")).join(", ")}. The second attached file removes them from your calendar.`
    : textEn0;
  return { subject: `Filet — ${subject}`, text: `Bonjour,\n\n${textFr}\n${extra.link}\n\nHello,\n\n${textEn}\n${extra.link}\n` };
}

const withCalendar: Partial<Record<TrainingEmailKind, "REQUEST" | "CANCEL">> = {
  registered: "REQUEST",
  promoted: "REQUEST",
  reminder: "REQUEST",
  changed: "REQUEST",
  registration_cancelled: "CANCEL",
  session_cancelled: "CANCEL",
};

/**
 * Queues one training email in the caller's transaction. The calendar file goes only to people
 * holding a seat (a waiting person has nothing in their calendar; `seat: false` leaves it off).
 */
export async function queueTrainingEmail(
  tx: Database,
  input: {
    to: string;
    kind: TrainingEmailKind;
    session: SessionForEmail;
    publicUrl: string;
    reason?: WaitReason | null;
    nominated?: boolean;
    seat?: boolean;
    /** For "changed": the session's dates before the change (days beyond the new count get a CANCEL). */
    datesBefore?: readonly string[];
  },
): Promise<void> {
  if (!input.to) return;
  const seated = input.seat !== false;
  const removedFile = input.kind === "changed" && seated && input.datesBefore ? removedDaysCalendarFile(input.session, input.datesBefore) : null;
  const { subject, text } = content(input.kind, input.session, {
    reason: input.reason,
    nominated: input.nominated,
    link: `${input.publicUrl}/training/register`,
    removed: removedFile ? input.datesBefore!.slice(input.session.dates.length) : [],
  });
  const method = withCalendar[input.kind];
  const attachments: CalendarFile[] = method && seated ? [sessionCalendarFile(input.session, method)] : [];
  if (removedFile) attachments.push(removedFile);
  await queueEmail(tx, { to: input.to, subject, text, partnershipId: input.session.partnershipId, attachments });
}
