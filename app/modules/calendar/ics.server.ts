import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export interface CalendarEvent {
  /** Stable across updates so calendars replace the event instead of adding a second one. */
  uid: string;
  /** Raised on every change (RFC 5545 SEQUENCE); a calendar ignores an older one. */
  sequence: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Timed event: start and end instants. */
  start: Date;
  end: Date;
  /** A whole day (training days): only the date part of `start`/`end` counts, end exclusive. */
  allDay?: boolean;
  cancelled?: boolean;
}

export interface CalendarFile {
  fileName: string;
  contentType: string;
  content: string;
}

/**
 * One .ics file (RFC 5545) for one or more events: an invitation when `method` is REQUEST,
 * a cancellation when CANCEL, a plain calendar entry when PUBLISH. Times are written in UTC
 * so every calendar places them right without a time-zone table.
 */
export function buildCalendarFile(
  events: CalendarEvent[],
  options: { method?: "REQUEST" | "CANCEL" | "PUBLISH"; name: string; fileName?: string },
): CalendarFile {
  const method = ICalCalendarMethod[options.method ?? "PUBLISH"];
  // ical-generator escapes event texts but writes the calendar NAME as given: a CR/LF in it (a
  // meeting title) would add lines, even a whole VEVENT, to every invitee's calendar.
  const name = [...options.name].map((c) => (c < " " || c === "\u007f" ? " " : c)).join("");
  const calendar = ical({ name, prodId: { company: "Filet", product: "Filet", language: "FR" }, method });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description ?? null,
      location: event.location ?? null,
      url: event.url ?? null,
      start: event.start,
      end: event.end,
      allDay: event.allDay ?? false,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  const methodParam = options.method && options.method !== "PUBLISH" ? `; method=${options.method}` : "";
  return {
    fileName: options.fileName ?? "invitation.ics",
    contentType: `text/calendar; charset=utf-8${methodParam}`,
    content: calendar.toString(),
  };
}

/** Serves a calendar file for download (e.g. "add to my calendar" on a meeting page). */
export function calendarDownloadResponse(file: CalendarFile): Response {
  return new Response(file.content, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
