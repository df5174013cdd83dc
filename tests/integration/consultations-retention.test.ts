import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, like } from "drizzle-orm";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import type { AuditActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { consultation, consultationMessage, consultationMetric } from "../../app/modules/consultations/tables.ts";
import { createConsultation } from "../../app/modules/consultations/create-consultation.server.ts";
import { closeConsultation, replyToConsultation } from "../../app/modules/consultations/update-consultation.server.ts";
import { purgeExpiredConsultations, PURGE_CONSULTATIONS_JOB } from "../../app/modules/consultations/purge-consultations.server.ts";
import type { Viewer } from "../../app/modules/consultations/access.server.ts";
import { loadActiveRoles } from "../../app/modules/identity/current-user.server.ts";
import { jobHandlers, recurringJobs } from "../../server/jobs.ts";
import { RETENTION_JOB } from "../../app/modules/privacy/run-retention.server.ts";
import { saveRetentionSchedule } from "../../app/modules/privacy/save-retention-schedule.server.ts";
import { readRetentionSchedule } from "../../app/modules/privacy/retention-schedule.server.ts";
import { CJQ_PIVOT, createWorld, WORKER, type World } from "./consultations-fixtures.ts";

let world: World;
let worker: Viewer & { organizationId: string | null };
let pivot: Viewer;
const actor: AuditActor = { accountId: null, role: "test", organizationId: null, partnershipId: null, requestId: "retention-test", ip: "" };
const NOW = new Date("2027-06-15T12:00:00Z");
const months = (n: number) => new Date(Date.UTC(2027, 5 - n, 10, 12));

beforeAll(async () => {
  world = await createWorld();
  const w = world.people[WORKER]!;
  const p = world.people[CJQ_PIVOT]!;
  worker = { personId: w.personId, partnershipId: w.partnershipId!, organizationId: w.organizationId, roles: await loadActiveRoles(world.db, w.personId) };
  pivot = { personId: p.personId, partnershipId: p.partnershipId!, roles: await loadActiveRoles(world.db, p.personId) };
});
afterAll(async () => {
  await world.handle.close();
});

/** A consultation created `createdMonthsAgo`, answered after 90 minutes, closed `closedMonthsAgo` (or left open). */
async function consultationAged(subject: string, createdMonthsAgo: number, closedMonthsAgo: number | null, urgency: "low" | "normal" | "high" = "normal") {
  const result = await createConsultation(world.db, actor, {
    viewer: worker,
    target: { pivotPersonId: pivot.personId },
    fields: { subject, context: "Contexte général sans détail.", question: "Que faire?", urgency },
    publicUrl: "http://localhost:3000",
  });
  if (result.kind !== "ok") throw new Error(`create failed: ${result.kind}`);
  const created = months(createdMonthsAgo);
  await world.db.update(consultation).set({ createdAt: created }).where(eq(consultation.id, result.value));
  const reply = await replyToConsultation(world.db, actor, pivot, {
    id: result.value,
    body: `Réponse du pivot à ${subject}`,
    publicUrl: "http://localhost:3000",
    now: new Date(created.getTime() + 90 * 60_000),
  });
  expect(reply.kind).toBe("ok");
  if (closedMonthsAgo !== null) {
    const [row] = await world.db.select().from(consultation).where(eq(consultation.id, result.value));
    expect(await closeConsultation(world.db, actor, worker, { id: result.value, version: row!.version, publicUrl: "", now: months(closedMonthsAgo) })).toMatchObject({ kind: "ok" });
  }
  return result.value;
}

describe("retention of closed consultations", () => {
  it("is a daily job of the runner", () => {
    expect(jobHandlers[PURGE_CONSULTATIONS_JOB]).toBeTypeOf("function");
    expect(recurringJobs).toContainEqual({ name: RETENTION_JOB, schedule: "every day at 04:00" });
    expect(jobHandlers[RETENTION_JOB]).toBe(jobHandlers[PURGE_CONSULTATIONS_JOB]);
  });

  it("deletes consultations closed longer ago than the Table's period, keeping anonymous counts and an audit entry", async () => {
    const expired = await consultationAged("Objet expiré A", 15, 13, "high");
    // Closed 12 months and 5 days before NOW: just past the default period.
    const alsoExpired = await consultationAged("Objet expiré B", 14, 12);
    const recent = await consultationAged("Objet récent", 8, 2);
    const open = await consultationAged("Objet ouvert ancien", 20, null);

    const metricsBefore = await world.db.select().from(consultationMetric);
    const report = await purgeExpiredConsultations(world.db, NOW);
    expect(report.purged).toBe(2);

    const left = await world.db.select({ id: consultation.id }).from(consultation).where(inArray(consultation.id, [expired, alsoExpired, recent, open]));
    expect(left.map((r) => r.id).sort()).toEqual([recent, open].sort());
    expect(await world.db.select().from(consultationMessage).where(inArray(consultationMessage.consultationId, [expired, alsoExpired]))).toEqual([]);
    // No text of the purged consultations anywhere (their replies included).
    expect(await world.db.select().from(consultationMessage).where(like(consultationMessage.body, "%Objet expiré%"))).toEqual([]);
    expect(await world.db.select().from(consultation).where(like(consultation.subject, "%Objet expiré%"))).toEqual([]);

    const metrics = (await world.db.select().from(consultationMetric)).filter((m) => !metricsBefore.some((b) => b.id === m.id));
    expect(metrics).toHaveLength(2);
    const high = metrics.find((m) => m.urgency === "high")!;
    expect(high).toMatchObject({
      partnershipId: worker.partnershipId,
      targetOrganizationId: world.orgs["CJQ-IU"],
      askerOrganizationId: worker.organizationId,
      month: "2026-03-01",
      responseMinutes: 90,
    });
    expect(Object.keys(high).sort()).toEqual(["askerOrganizationId", "createdAt", "id", "month", "partnershipId", "responseMinutes", "targetOrganizationId", "urgency"]);

    const audits = await world.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "consultation.purged"), inArray(auditEvent.targetId, [expired, alsoExpired])));
    expect(audits).toHaveLength(2);
    for (const a of audits) expect(JSON.stringify(a.details)).not.toContain("Objet");
  });

  it("follows the Table's own retention period", async () => {
    const fourMonths = await consultationAged("Objet de quatre mois", 6, 4);
    expect((await purgeExpiredConsultations(world.db, NOW)).purged).toBe(0);
    // The Table's schedule is the one source of truth for the period.
    const schedule = await readRetentionSchedule(world.db, worker.partnershipId);
    const saved = await saveRetentionSchedule(world.db, actor, {
      partnershipId: worker.partnershipId,
      personId: worker.personId,
      version: schedule.version,
      rules: { ...schedule.rules, consultations: { months: 3, disposition: "destroy" } },
    });
    expect(saved.kind).toBe("ok");
    // At least this one (the demo's closed consultation may go too, depending on the day the demo was seeded).
    expect((await purgeExpiredConsultations(world.db, NOW)).purged).toBeGreaterThanOrEqual(1);
    expect(await world.db.select().from(consultation).where(eq(consultation.id, fourMonths))).toEqual([]);
  });
});
