import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { seedMeetingsDemo } from "../../app/modules/demo/seed-meetings.server.ts";
import { quebecTable } from "../../app/modules/demo/demo-quebec.ts";
import { meeting, meetingDecision } from "../../app/modules/meetings/tables.ts";
import { responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { quebecDay } from "../../app/modules/time/days.ts";

let handle: DatabaseHandle;
let tableId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  tableId = (await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, quebecTable.slug)))[0]!.id;
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("the meetings demo", () => {
  it("tells the Table's story: 2009 welcome, past meetings with minutes and decisions, one upcoming, a regional pivot meeting", async () => {
    const meetings = await handle.db.select().from(meeting).where(eq(meeting.partnershipId, tableId));
    expect(meetings.some((m) => m.startsAt.getUTCFullYear() === 2009 && m.status === "closed")).toBe(true);
    expect(meetings.filter((m) => m.kind === "table" && m.status === "planned" && m.startsAt > new Date())).toHaveLength(1);
    // The regional pivot meeting held last month, and the next one whose date poll is open (issue 14 §5).
    expect(meetings.filter((m) => m.kind === "regional_pivots" && m.status === "closed")).toHaveLength(1);
    expect(meetings.filter((m) => m.kind === "regional_pivots" && m.status === "planned" && m.pollStatus === "open")).toHaveLength(1);
    expect(meetings.filter((m) => m.kind === "org_followup" && m.organizationId)).toHaveLength(1);
    expect((await handle.db.select().from(meetingDecision).where(eq(meetingDecision.partnershipId, tableId))).length).toBeGreaterThanOrEqual(4);
  });

  it("has responsibilities done, open, dropped and one overdue; seeding again adds nothing", async () => {
    const all = await handle.db.select().from(responsibility).where(eq(responsibility.partnershipId, tableId));
    // Only those born in meetings (the action plan's demo adds standalone ones).
    const rows = all.filter((r) => r.meetingId);
    const today = quebecDay(new Date());
    expect(rows.filter((r) => r.status === "done").length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((r) => r.status === "dropped" && r.droppedReason)).toHaveLength(1);
    expect(rows.filter((r) => (r.status === "todo" || r.status === "in_progress") && r.dueOn < today)).toHaveLength(1);
    expect(rows.filter((r) => (r.status === "todo" || r.status === "in_progress") && r.dueOn >= today)).toHaveLength(1);
    await handle.db.transaction((tx) => seedMeetingsDemo(tx, tableId));
    expect(await handle.db.select().from(responsibility).where(eq(responsibility.partnershipId, tableId))).toHaveLength(all.length);
  });
});
