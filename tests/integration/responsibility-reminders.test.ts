import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { jobHandlers, recurringJobs } from "../../server/jobs.ts";
import { RESPONSIBILITY_REMINDERS_JOB, sendResponsibilityReminders } from "../../app/modules/meetings/responsibilities/reminders.server.ts";
import { responsibility } from "../../app/modules/meetings/responsibilities/tables.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { createAuthzDataset, type AuthzDataset } from "../support/fixtures.ts";

let handle: DatabaseHandle;
let ds: AuthzDataset;
const URL_BASE = "https://filet.example.org";
// 13:00 UTC = 08:00 in Québec, when the daily job runs.
const day = (d: string) => new Date(`${d}T13:00:00Z`);
let dueSoonId: string;
let overdueOrgId: string;

const mails = () => handle.db.select().from(emailMessage);
const run = (d: string) => sendResponsibilityReminders(handle.db, { now: day(d), publicUrl: URL_BASE });

beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
  const base = { partnershipId: ds.tableA, createdByPersonId: ds.people.table_coordinator.personId };
  const rows = await handle.db
    .insert(responsibility)
    .values([
      { ...base, what: "Préparer le bilan", ownerPersonId: ds.people.pivot.personId, dueOn: "2026-03-13" },
      { ...base, what: "Relancer le ministère", ownerOrganizationId: ds.org1, dueOn: "2026-03-01" },
      { ...base, what: "Déjà faite", ownerPersonId: ds.people.pivot.personId, dueOn: "2026-03-01", status: "done" },
      { ...base, what: "Plus tard", ownerPersonId: ds.people.pivot.personId, dueOn: "2026-06-01" },
    ])
    .returning({ id: responsibility.id });
  dueSoonId = rows[0]!.id;
  overdueOrgId = rows[1]!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe("responsibilities.reminders", () => {
  it("is a registered daily job", () => {
    expect(jobHandlers[RESPONSIBILITY_REMINDERS_JOB]).toBeTypeOf("function");
    expect(recurringJobs.find((j) => j.name === RESPONSIBILITY_REMINDERS_JOB)?.schedule).toMatch(/^every day at /);
  });

  it("reminds the owner 3 days before the due date, once; an organization's delegates when overdue, once", async () => {
    expect(await run("2026-03-09")).toEqual({ dueSoon: 0, overdue: 1 });
    const first = await mails();
    // Organization owner → its delegate (table_member of org 1), not the pivot coordinator.
    expect(first.map((m) => m.toAddress)).toEqual([ds.people.table_member.email]);
    expect(first[0]!.textBody).toContain(`${URL_BASE}/responsibilities/${overdueOrgId}`);
    expect(first[0]!.textBody).not.toContain("Relancer");

    expect(await run("2026-03-10")).toEqual({ dueSoon: 1, overdue: 0 });
    const second = (await mails()).slice(first.length);
    expect(second.map((m) => m.toAddress)).toEqual([ds.people.pivot.email]);
    // People read "13 mars 2026", never an ISO date (issue 11 #10).
    expect(second[0]!.subject).toContain("13 mars 2026");
    expect(second[0]!.textBody).toContain("due on Mar 13, 2026");
    const [row] = await handle.db.select().from(responsibility).where(eq(responsibility.id, dueSoonId));
    expect(row!.dueSoonRemindedFor).toBe("2026-03-13");
    expect(await handle.db.select().from(auditEvent).where(and(eq(auditEvent.action, "responsibility.reminder_sent"), eq(auditEvent.targetId, dueSoonId)))).toHaveLength(1);

    // Same day again, and the next days: nothing new.
    expect(await run("2026-03-10")).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await run("2026-03-11")).toEqual({ dueSoon: 0, overdue: 0 });
  });

  it("repeats an overdue reminder at most weekly", async () => {
    // dueSoon item becomes overdue on the 14th: its first overdue reminder.
    expect(await run("2026-03-14")).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await run("2026-03-15")).toEqual({ dueSoon: 0, overdue: 0 });
    // The organization's item was reminded on the 9th: again on the 16th, not before.
    expect(await run("2026-03-15")).toEqual({ dueSoon: 0, overdue: 0 });
    expect(await run("2026-03-16")).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await run("2026-03-21")).toEqual({ dueSoon: 0, overdue: 1 });
    expect(await run("2026-03-22")).toEqual({ dueSoon: 0, overdue: 0 });
  });

  it("stops once done, and a new due date allows a new 'due soon' reminder", async () => {
    await handle.db.update(responsibility).set({ status: "done" }).where(eq(responsibility.id, overdueOrgId));
    await handle.db.update(responsibility).set({ dueOn: "2026-04-02", dueSoonRemindedFor: null, overdueRemindedAt: null }).where(eq(responsibility.id, dueSoonId));
    expect(await run("2026-03-30")).toEqual({ dueSoon: 1, overdue: 0 });
    expect(await run("2026-03-31")).toEqual({ dueSoon: 0, overdue: 0 });
  });
});
