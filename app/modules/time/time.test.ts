import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysUntil, isCalendarDate, quebecDay } from "./days.ts";
import { fromWallClock, wallClock } from "./wall-clock.ts";

describe("Québec's day", () => {
  it("is Québec's calendar, not UTC's", () => {
    // 23:30 in Québec (EST, UTC−5) is 04:30 the next day in UTC.
    expect(quebecDay(new Date("2026-12-24T04:30:00Z"))).toBe("2026-12-23");
    expect(new Date("2026-12-24T04:30:00Z").toISOString().slice(0, 10)).toBe("2026-12-24");
    // In summer (EDT, UTC−4) the day turns at 04:00 UTC.
    expect(quebecDay(new Date("2026-07-01T03:59:00Z"))).toBe("2026-06-30");
    expect(quebecDay(new Date("2026-07-01T04:00:00Z"))).toBe("2026-07-01");
  });

  it("follows daylight saving days", () => {
    // 2026-03-08: clocks jump from 02:00 to 03:00; 2026-11-01: from 02:00 back to 01:00.
    expect(quebecDay(fromWallClock(2026, 3, 8, 0, 30))).toBe("2026-03-08");
    expect(quebecDay(fromWallClock(2026, 3, 8, 23, 30))).toBe("2026-03-08");
    expect(quebecDay(fromWallClock(2026, 11, 1, 23, 59))).toBe("2026-11-01");
    expect(fromWallClock(2026, 3, 8, 23, 30).toISOString()).toBe("2026-03-09T03:30:00.000Z");
    expect(fromWallClock(2026, 11, 1, 23, 30).toISOString()).toBe("2026-11-02T04:30:00.000Z");
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDays("2026-11-01", -1)).toBe("2026-10-31");
    expect(daysUntil("2026-03-09", "2026-03-07")).toBe(2);
    expect(daysUntil("2026-11-02", "2026-10-31")).toBe(2);
    expect(wallClock(new Date("2026-03-08T07:30:00Z"))).toMatchObject({ day: 8, hour: 3, minute: 30 });
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-05-10", 0)).toBe("2026-05-10");
  });

  it("counts days until a day, negative once past", () => {
    expect(daysUntil("2026-12-25", "2026-12-23")).toBe(2);
    expect(daysUntil("2026-12-23", "2026-12-23")).toBe(0);
    expect(daysUntil("2026-12-20", "2026-12-23")).toBe(-3);
    expect(daysUntil("2029-01-01", "2028-01-01")).toBe(366);
  });

  it("adds months to a day, clamping to the month's end", () => {
    expect(addMonths("2026-08-31", -6)).toBe("2026-02-28");
    expect(addMonths("2027-08-31", -6)).toBe("2027-02-28");
    expect(addMonths("2028-08-31", -6)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-02-15", -14)).toBe("2024-12-15");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
  });

  it("adds months to an instant, keeping its time of day", () => {
    expect(addMonths(new Date("2026-08-31T12:00:00Z"), -6).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(addMonths(new Date("2028-03-31T23:30:00Z"), -1).toISOString()).toBe("2028-02-29T23:30:00.000Z");
    const at = new Date("2026-05-05T05:05:05Z");
    addMonths(at, 2);
    expect(at.toISOString()).toBe("2026-05-05T05:05:05.000Z");
  });

  it("accepts only real calendar dates", () => {
    expect(isCalendarDate("2026-12-23")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("9999-99-99")).toBe(false);
    expect(isCalendarDate("2026-1-5")).toBe(false);
    expect(isCalendarDate("")).toBe(false);
  });
});
