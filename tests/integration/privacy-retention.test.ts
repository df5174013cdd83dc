import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { verifyAuditChain } from "../../app/modules/audit/verify-audit-chain.server.ts";
import { storedFile } from "../../app/modules/files/tables.ts";
import { forumPost, forumPostRevision, forumThread } from "../../app/modules/forum/tables.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { pivotActivity } from "../../app/modules/pivot-activities/tables.ts";
import { readRetentionSchedule } from "../../app/modules/privacy/retention-schedule.server.ts";
import { REDACTION_MARK, defaultRetentionSchedule } from "../../app/modules/privacy/retention-vocabulary.ts";
import { runRetention, RETENTION_JOB } from "../../app/modules/privacy/run-retention.server.ts";
import { retentionRun, retentionSchedule } from "../../app/modules/privacy/tables.ts";
import * as retentionRoute from "../../app/routes/privacy/retention.tsx";
import { jobHandlers, recurringJobs } from "../../server/jobs.ts";
import { callRoute } from "../support/fixtures.ts";
import { ADMIN, createWorld, PRIVACY, TABLE_COORD, WORKER, type World } from "./consultations-fixtures.ts";

let world: World;
let tableId: string;
/** The injected clock: ten years after the demo, so every rule finds something past its period. */
const NOW = new Date("2036-06-15T12:00:00Z");

beforeAll(async () => {
  world = await createWorld();
  tableId = world.people[TABLE_COORD]!.partnershipId!;
});
afterAll(async () => {
  await world.handle.close();
});

const get = async (email: string) => callRoute(retentionRoute.loader as never, { url: "/privacy/retention", cookie: await world.cookie(email), context: world.context });
const post = async (email: string, body: Record<string, string>) =>
  callRoute(retentionRoute.action as never, { url: "/privacy/retention", cookie: await world.cookie(email), method: "POST", body, context: world.context });

function formOf(version: number, overrides: Record<string, string> = {}) {
  const body: Record<string, string> = { version: String(version) };
  for (const [kind, rule] of Object.entries(defaultRetentionSchedule())) {
    body[`${kind}_months`] = String(rule.months);
    body[`${kind}_disposition`] = rule.disposition;
  }
  return { ...body, ...overrides };
}

describe("the retention schedule", () => {
  it("is a daily job of the runner", () => {
    expect(jobHandlers[RETENTION_JOB]).toBeTypeOf("function");
    expect(recurringJobs).toContainEqual({ name: RETENTION_JOB, schedule: "every day at 04:00" });
  });

  it("before any save, takes the consultations' period the Table had set in its settings (migration of the old setting)", async () => {
    const [row] = await world.db.select({ settings: partnership.settings }).from(partnership).where(eq(partnership.id, tableId));
    await world.db.delete(retentionSchedule).where(eq(retentionSchedule.partnershipId, tableId));
    await world.db.update(partnership).set({ settings: { ...row!.settings, consultationRetentionMonths: 18 } }).where(eq(partnership.id, tableId));
    const schedule = await readRetentionSchedule(world.db, tableId);
    expect(schedule.version).toBe(0);
    expect(schedule.rules.consultations).toEqual({ months: 18, disposition: "destroy" });
    expect(schedule.rules.audit_events).toEqual({ months: 84, disposition: "count_only" });
  });

  it("is shown to the Table coordinator and the Table's privacy officer only (404 for others, the platform admin included)", async () => {
    expect((await get(TABLE_COORD)).status).toBe(200);
    expect((await get(PRIVACY)).status).toBe(200);
    expect((await get(WORKER)).status).toBe(404);
    expect((await get(ADMIN)).status).toBe(404);
    const page = (await get(PRIVACY)).data as { rules: { consultations: { months: number } }; version: number; nextRun: string };
    expect(page.rules.consultations.months).toBe(18);
    expect(page.version).toBe(0);
    expect(new Date(page.nextRun).getTime()).toBeGreaterThan(Date.now());
  });

  it("saves within the bounds, audited, with a version check (409 when stale, 400 outside the bounds)", async () => {
    const below = await post(PRIVACY, formOf(0, { audit_events_months: "12" }));
    expect(below.status).toBe(400);
    expect(below.data).toMatchObject({ errors: { audit_events_months: ["privacy.retention.months"] } });
    expect((await post(PRIVACY, formOf(0, { thread_posts_disposition: "destroy" }))).status).toBe(400);
    expect((await post(PRIVACY, formOf(0, { consultations_months: "abc" }))).status).toBe(400);

    const saved = await post(PRIVACY, formOf(0, { consultations_months: "6", activity_notes_disposition: "anonymize" }));
    expect(saved.location).toBe("/privacy/retention?saved=1");
    expect((await readRetentionSchedule(world.db, tableId)).rules.consultations.months).toBe(6);
    expect((await post(TABLE_COORD, formOf(0))).status).toBe(409);
    expect((await post(TABLE_COORD, formOf(1, { consultations_months: "12" }))).location).toBe("/privacy/retention?saved=1");
    const events = await world.db.select().from(auditEvent).where(eq(auditEvent.action, "privacy.retention_schedule_updated"));
    expect(events).toHaveLength(2);
    expect(events[1]!.details).toEqual({ changed: { consultations: { months: 12, disposition: "destroy" } } });
  });

  it("runs every rule on an injected clock, writing a destruction record (kind, count, rule, day — no content), audited, and leaves the audit chain valid", async () => {
    // A document whose record is gone, and one still attached to a live meeting.
    const [meetingFile] = await world.db.select({ id: storedFile.id, ownerType: storedFile.ownerType }).from(storedFile).where(eq(storedFile.partnershipId, tableId)).limit(1);
    const [orphan] = await world.db
      .insert(storedFile)
      .values({ partnershipId: tableId, ownerType: "meeting", ownerId: "00000000-0000-4000-8000-000000000000", fileName: "x.pdf", mediaType: "application/pdf", byteSize: 1, sha256: "0", content: new Uint8Array([1]), createdAt: new Date("2030-01-01T00:00:00Z") })
      .returning({ id: storedFile.id });
    const postsBefore = await world.db.select({ id: forumPost.id }).from(forumPost).where(eq(forumPost.partnershipId, tableId));
    const notesBefore = await world.db.select({ id: pivotActivity.id }).from(pivotActivity).where(and(eq(pivotActivity.partnershipId, tableId), sql`${pivotActivity.notes} <> ''`));

    const report = await runRetention(world.db, NOW);
    expect(report.partnerships).toBeGreaterThanOrEqual(1);
    // The demo's 2026 partner survey is past its 24 months: its answers are destroyed.
    expect(report.counts.survey_answers).toBeGreaterThan(0);
    expect(report.counts.documents).toBeGreaterThanOrEqual(1);

    // Documents: the orphan went, a file still attached to its record stayed.
    expect(await world.db.select().from(storedFile).where(eq(storedFile.id, orphan!.id))).toEqual([]);
    if (meetingFile) expect(await world.db.select({ id: storedFile.id }).from(storedFile).where(eq(storedFile.id, meetingFile.id))).toHaveLength(1);
    // Thread posts: text replaced, no earlier wording left.
    if (postsBefore.length) {
      const texts = await world.db.select({ body: forumPost.body }).from(forumPost).innerJoin(forumThread, eq(forumThread.id, forumPost.threadId)).where(eq(forumPost.partnershipId, tableId));
      expect(texts.every((p) => p.body === REDACTION_MARK)).toBe(true);
      expect(await world.db.select().from(forumPostRevision).where(eq(forumPostRevision.partnershipId, tableId))).toEqual([]);
    }
    // Activity notes emptied, the activities kept for the counts.
    if (notesBefore.length) {
      expect(await world.db.select().from(pivotActivity).where(and(eq(pivotActivity.partnershipId, tableId), sql`${pivotActivity.notes} <> ''`))).toEqual([]);
      expect(await world.db.select({ id: pivotActivity.id }).from(pivotActivity).where(eq(pivotActivity.id, notesBefore[0]!.id))).toHaveLength(1);
    }
    // Inactive accounts deactivated, the platform admin kept.
    const [admin] = await world.db.select({ status: account.status }).from(account).where(eq(account.id, world.people[ADMIN]!.accountId!));
    expect(admin!.status).toBe("active");
    const [worker] = await world.db.select({ status: account.status }).from(account).where(eq(account.id, world.people[WORKER]!.accountId!));
    expect(worker!.status).toBe("deactivated");

    const runs = await world.db.select().from(retentionRun).where(and(eq(retentionRun.partnershipId, tableId), eq(retentionRun.ranOn, "2036-06-15")));
    expect(runs.map((r) => r.kind)).toEqual(expect.arrayContaining(["documents", "inactive_accounts", "audit_events"]));
    for (const r of runs) {
      expect(r.ranOn).toBe("2036-06-15");
      expect(Object.keys(r).sort()).toEqual(["count", "createdAt", "disposition", "id", "kind", "months", "partnershipId", "ranOn", "trigger"]);
    }
    const audits = await world.db.select().from(auditEvent).where(eq(auditEvent.action, "privacy.retention_applied"));
    expect(audits.length).toBe((await world.db.select().from(retentionRun).where(eq(retentionRun.ranOn, "2036-06-15"))).length);
    // Audit events are counted, never deleted: the chain still verifies.
    expect(runs.find((r) => r.kind === "audit_events")).toMatchObject({ disposition: "count_only", months: 84 });
    expect((await verifyAuditChain(world.db)).ok).toBe(true);

    // A second run the same day finds nothing more for the kinds it destroyed.
    const again = await runRetention(world.db, NOW);
    expect(again.counts.documents).toBe(0);
    expect(again.counts.thread_posts).toBe(0);
    expect(again.counts.inactive_accounts).toBe(0);
  });
});
