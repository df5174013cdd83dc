import { describe, expect, it } from "vitest";
import { fromLocal } from "./dates.ts";
import { readPollSlots } from "./pivot-meeting-actions.server.ts";

const now = new Date("2026-12-04T15:00:00Z");
const row = (i: number, day: string, start = "09:00", end = "12:00") => ({ [`slotDay-${i}`]: day, [`slotStart-${i}`]: start, [`slotEnd-${i}`]: end });

describe("the poll form's slots", () => {
  it("reads 2–6 rows on the Québec clock and ignores blank rows", () => {
    const read = readPollSlots({ ...row(0, "2027-01-08"), ...row(3, "2027-07-08", "13:00", "16:00"), "slotDay-1": "", "slotStart-1": "", "slotEnd-1": "" }, now);
    expect(read).toEqual({
      ok: true,
      slots: [
        { startsAt: fromLocal("2027-01-08", "09:00"), endsAt: fromLocal("2027-01-08", "12:00") },
        { startsAt: fromLocal("2027-07-08", "13:00"), endsAt: fromLocal("2027-07-08", "16:00") },
      ],
    });
    // Winter is UTC−5, summer UTC−4.
    if (read.ok) expect(read.slots.map((s) => s.startsAt.toISOString())).toEqual(["2027-01-08T14:00:00.000Z", "2027-07-08T17:00:00.000Z"]);
  });

  it("refuses one slot, the same slot twice, a day that does not exist, an end before its start, a slot gone by", () => {
    expect(readPollSlots(row(0, "2027-01-08"), now)).toMatchObject({ ok: false, errors: { "slotDay-0": ["meetings.poll.slotCount"] } });
    expect(readPollSlots({ ...row(0, "2027-01-08"), ...row(1, "2027-01-08") }, now)).toMatchObject({ ok: false });
    expect(readPollSlots({ ...row(0, "2027-02-30"), ...row(1, "2027-01-08") }, now)).toMatchObject({ ok: false, errors: { "slotDay-0": ["meetings.form.invalidDay"] } });
    expect(readPollSlots({ ...row(0, "2027-01-08", "12:00", "09:00"), ...row(1, "2027-01-09") }, now)).toMatchObject({ ok: false, errors: { "slotEnd-0": ["meetings.form.endAfterStart"] } });
    expect(readPollSlots({ ...row(0, "2026-12-01"), ...row(1, "2027-01-09") }, now)).toMatchObject({ ok: false, errors: { "slotDay-0": ["meetings.poll.slotPast"] } });
  });
});
