import { describe, expect, it } from "vitest";
import { buildCalendarFile } from "./ics.server.ts";

describe("calendar files", () => {
  it("writes an invitation that calendars can import and later replace", () => {
    const file = buildCalendarFile(
      [
        {
          uid: "meeting-42@filet",
          sequence: 2,
          summary: "Rencontre de la Table",
          location: "Salle 3, Québec",
          start: new Date("2026-12-03T14:00:00Z"),
          end: new Date("2026-12-03T16:00:00Z"),
        },
      ],
      { method: "REQUEST", name: "Filet" },
    );
    const text = file.content.replace(/\r\n /g, "");
    expect(file.contentType).toContain("method=REQUEST");
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("METHOD:REQUEST");
    expect(text).toContain("UID:meeting-42@filet");
    expect(text).toContain("SEQUENCE:2");
    expect(text).toContain("DTSTART:20261203T140000Z");
    expect(text).toContain("DTEND:20261203T160000Z");
    expect(text).toContain("SUMMARY:Rencontre de la Table");
    expect(text).toContain("LOCATION:Salle 3\\, Québec");
    expect(text).toContain("STATUS:CONFIRMED");
  });

  it("marks a cancelled event so calendars remove it", () => {
    const file = buildCalendarFile(
      [{ uid: "s-1@filet", sequence: 3, summary: "Formation", start: new Date("2026-05-12T00:00:00Z"), end: new Date("2026-05-13T00:00:00Z"), allDay: true, cancelled: true }],
      { method: "CANCEL", name: "Filet" },
    );
    expect(file.content).toContain("METHOD:CANCEL");
    expect(file.content).toContain("STATUS:CANCELLED");
    expect(file.content).toMatch(/DTSTART;VALUE=DATE:20260512/);
  });
});
