import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { organization } from "../../app/modules/governance/tables.ts";
import { jobHandlers } from "../../server/jobs.ts";
import { COMMITMENT_REMINDERS_JOB } from "../../app/modules/partners/commitment-reminders.server.ts";
import { commitmentTextVersion, partnerCommitment } from "../../app/modules/partners/tables.ts";
import { createTestDatabase, testConfig } from "../support/test-db.ts";
import { createOrganization, createTable, createUser, type TestUser } from "./pathway-support.ts";

/**
 * An organization of the Table that never signed a commitment is reminded too, by the daily
 * partners.commitment_reminders job: once, then again at most every 90 days (clock injected).
 */
let handle: DatabaseHandle;
let tableA: string;
let tableB: string;
let orgSigned: string;
let orgUnsigned: string;
let orgLeft: string;
let textV1: string;
const u = {} as Record<"coordinator" | "delegateUnsigned" | "delegateSigned" | "coordinatorB", TestUser>;
const config = testConfig({ FILET_PUBLIC_URL: "https://filet.example.org" });

const NOW = new Date("2026-11-23T13:10:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const runJob = (now: Date) => jobHandlers[COMMITMENT_REMINDERS_JOB]!({}, { db: handle.db, config, jobId: "test", now, attempt: 1, isLastAttempt: true });
const mails = () => handle.db.select().from(emailMessage);
const reminders = () => handle.db.select().from(auditEvent).where(eq(auditEvent.action, "partner.commitment.unsigned_reminder_sent"));

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  tableA = await createTable(db, "TableA");
  tableB = await createTable(db, "TableB");
  orgSigned = await createOrganization(db, tableA, "Signée");
  orgUnsigned = await createOrganization(db, tableA, "Jamais signée");
  orgLeft = await createOrganization(db, tableA, "Partie");
  await db.update(organization).set({ leftOn: "2020-06-30" }).where(eq(organization.id, orgLeft));
  await createOrganization(db, tableB, "Table B sans texte");
  u.coordinator = await createUser(db, { partnershipId: tableA, roles: [{ role: "table_coordinator" }] });
  u.delegateUnsigned = await createUser(db, { partnershipId: tableA, organizationId: orgUnsigned, roles: [{ role: "table_member", organizationId: orgUnsigned }] });
  u.delegateSigned = await createUser(db, { partnershipId: tableA, organizationId: orgSigned, roles: [{ role: "table_member", organizationId: orgSigned }] });
  u.coordinatorB = await createUser(db, { partnershipId: tableB, roles: [{ role: "table_coordinator" }] });
  const [v] = await db
    .insert(commitmentTextVersion)
    .values({ partnershipId: tableA, number: 1, status: "published", titleFr: "Engagement", titleEn: "Commitment", bodyFr: "Texte", bodyEn: "Text", publishedAt: new Date("2026-01-01") })
    .returning({ id: commitmentTextVersion.id });
  textV1 = v!.id;
  await db.insert(partnerCommitment).values({ partnershipId: tableA, organizationId: orgSigned, textVersionId: textV1, startsOn: "2026-01-01", endsOn: "2029-12-31", signatoryName: "S", signedOn: "2026-01-01" });
});
afterAll(async () => {
  await handle?.close();
});

describe("reminders to organizations that never signed", () => {
  it("emails the organization's delegates and the Table coordinators once, with a link and no name", async () => {
    const start = (await mails()).length;
    await runJob(NOW);
    const sent = (await mails()).slice(start);
    expect(sent.map((m) => m.toAddress).sort()).toEqual([u.coordinator.email, u.delegateUnsigned.email].sort());
    expect(sent[0]!.subject).toContain("engagement");
    expect(sent[0]!.textBody).toContain("https://filet.example.org/partners/commitments");
    expect(sent[0]!.textBody).not.toContain("Jamais signée");
    // Not the signed organization, not the one that left, not Table B (no published text to sign).
    expect(sent.some((m) => m.toAddress === u.delegateSigned.email || m.toAddress === u.coordinatorB.email)).toBe(false);
    const events = await reminders();
    expect(events).toHaveLength(1);
    expect(events[0]!.targetId).toBe(orgUnsigned);
    expect(events[0]!.details).toMatchObject({ recipients: 2 });
  });

  it("stays quiet for 90 days, then reminds again", async () => {
    const start = (await mails()).length;
    await runJob(later(1));
    await runJob(later(89));
    expect((await mails()).length).toBe(start);
    await runJob(later(90));
    expect((await mails()).length).toBe(start + 2);
    await runJob(later(91));
    expect((await mails()).length).toBe(start + 2);
    expect(await reminders()).toHaveLength(2);
  });

  it("stops once the organization signs", async () => {
    await handle.db.insert(partnerCommitment).values({ partnershipId: tableA, organizationId: orgUnsigned, textVersionId: textV1, startsOn: "2027-03-01", endsOn: "2030-02-28", signatoryName: "S", signedOn: "2027-03-01" });
    const start = (await mails()).length;
    await runJob(later(200));
    expect((await mails()).length).toBe(start);
    expect(await reminders()).toHaveLength(2);
  });
});
