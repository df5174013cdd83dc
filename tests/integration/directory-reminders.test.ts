import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createDirectoryWorld, type DirectoryWorld } from "./directory-fixtures.ts";
import { sendStaleReminders, STALE_REMINDERS_JOB } from "../../app/modules/directory/stale-entries.server.ts";
import { confirmDesignation } from "../../app/modules/directory/confirm-designation.server.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { pivotDesignation } from "../../app/modules/directory/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { jobHandlers, recurringJobs } from "../../server/jobs.ts";

let world: DirectoryWorld;
const NOW = new Date("2026-11-23T13:00:00Z");
const URL_BASE = "https://filet.example.org";

beforeAll(async () => {
  // The demo's stale entry (Karine Fortier, CJQ-IU) was confirmed 8 months before NOW.
  world = await createDirectoryWorld(NOW);
  // The demo's other stale entry (SPVQ's backup pivot Isabelle Roy, for the home page) is
  // confirmed here, so these tests follow Karine's alone.
  const [isabelle] = await world.db.select({ id: person.id }).from(person).where(eq(person.email, "isabelle.roy@filet.test"));
  await world.db.update(pivotDesignation).set({ confirmedAt: NOW }).where(eq(pivotDesignation.personId, isabelle!.id));
});
afterAll(async () => {
  await world?.handle.close();
});

const mails = () => world.db.select().from(emailMessage);

describe("directory.stale_reminders", () => {
  it("is a registered daily job", () => {
    expect(jobHandlers[STALE_REMINDERS_JOB]).toBeTypeOf("function");
    expect(recurringJobs.find((j) => j.name === STALE_REMINDERS_JOB)?.schedule).toMatch(/^every day at /);
  });

  it("emails the owner and the organization's pivot coordinators once, with a link and nothing confidential", async () => {
    const before = (await mails()).length;
    expect(await sendStaleReminders(world.db, { now: NOW, publicUrl: URL_BASE })).toBe(1);
    const sent = (await mails()).slice(before);
    expect(sent.map((m) => m.toAddress).sort()).toEqual(["catherine.roy@filet.test", "pivot.cjq@filet.test"]);
    const owner = sent.find((m) => m.toAddress === "pivot.cjq@filet.test")!;
    expect(owner.textBody).toContain(`${URL_BASE}/directory/mine`);
    expect(owner.textBody).not.toMatch(/Fortier|CJQ|418/);
    const coordinator = sent.find((m) => m.toAddress === "catherine.roy@filet.test")!;
    expect(coordinator.textBody).toContain(`${URL_BASE}/directory/stale`);
    const karine = world.people["pivot.cjq@filet.test"]!;
    const [d] = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.personId, karine.personId));
    expect(d!.staleReminderSentAt?.toISOString()).toBe(NOW.toISOString());
    expect(await world.db.select().from(auditEvent).where(and(eq(auditEvent.action, "pivot.stale_reminder_sent"), eq(auditEvent.targetId, d!.id)))).toHaveLength(1);

    // The next days: nothing new.
    expect(await sendStaleReminders(world.db, { now: new Date(NOW.getTime() + 86_400_000), publicUrl: URL_BASE })).toBe(0);
    expect((await mails()).length).toBe(before + 2);
  });

  it("reminds again only after a confirmation has gone stale in turn", async () => {
    const karine = world.people["pivot.cjq@filet.test"]!;
    const [d] = await world.db.select().from(pivotDesignation).where(eq(pivotDesignation.personId, karine.personId));
    await confirmDesignation(world.db, systemActor("test"), { partnershipId: world.tables.quebec!, id: d!.id, version: d!.version, by: { personId: karine.personId }, now: NOW });
    const fiveMonths = new Date("2027-04-23T13:00:00Z");
    expect(await sendStaleReminders(world.db, { now: fiveMonths, publicUrl: URL_BASE })).toBe(0);
    // Seven months later every demo entry is stale (the others were confirmed just before NOW).
    const sevenMonths = new Date("2027-06-24T13:00:00Z");
    const reminded = await sendStaleReminders(world.db, { now: sevenMonths, publicUrl: URL_BASE });
    expect(reminded).toBeGreaterThanOrEqual(9);
    expect(await sendStaleReminders(world.db, { now: sevenMonths, publicUrl: URL_BASE })).toBe(0);
  });

  it("follows each Table's own period", async () => {
    const { partnership } = await import("../../app/modules/governance/tables.ts");
    await world.db.update(partnership).set({ settings: { directoryFreshnessMonths: 24 } }).where(eq(partnership.id, world.tables.quebec!));
    await world.db.update(pivotDesignation).set({ staleReminderSentAt: null });
    // Eight months after NOW: stale under 6 months, not under 24.
    expect(await sendStaleReminders(world.db, { now: new Date("2027-07-23T13:00:00Z"), publicUrl: URL_BASE })).toBe(1); // the other Table's entry only
  });
});
