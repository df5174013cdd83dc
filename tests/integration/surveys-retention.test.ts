import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { retentionRun, retentionSchedule } from "../../app/modules/privacy/tables.ts";
import { defaultRetentionSchedule } from "../../app/modules/privacy/retention-vocabulary.ts";
import { runRetention } from "../../app/modules/privacy/run-retention.server.ts";
import { invitationByToken, submitSurveyAnswer } from "../../app/modules/surveys/answer-survey.server.ts";
import { parseDefinition } from "../../app/modules/surveys/definition-text.ts";
import { openSurvey } from "../../app/modules/surveys/open-survey.server.ts";
import { createSurvey } from "../../app/modules/surveys/save-survey.server.ts";
import { surveyResponse, surveyResponseAuthor } from "../../app/modules/surveys/tables.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { createOrganization, createPartnership, createPerson } from "../support/fixtures.ts";
import { createTestDatabase } from "../support/test-db.ts";

/**
 * Survey answers under the retention schedule, on an injected clock: past the period, destroyed
 * (responses and authors) or anonymized (author link and free text gone, choices kept), with a
 * destruction record; answers inside the period untouched.
 */
const DEFINITION = "# S | S\n? q | single | required | Q | Q\n- a | A | A\n- b | B | B\n? note | long | optional | Note | Note\n";

let handle: DatabaseHandle;
const actor = systemActor("test");

async function namedSurveyAnswered(db: DatabaseHandle["db"], table: string, answeredAt: Date) {
  const parsed = parseDefinition(DEFINITION);
  if (!parsed.ok) throw new Error("definition");
  const { value: id } = await createSurvey(db, actor, table, { titleFr: "S", titleEn: "S", anonymous: false, asksOrganizationType: false, audience: "delegates", audienceOrganizationIds: [], closesOn: "2040-01-01", sections: parsed.sections });
  await openSurvey(db, actor, { partnershipId: table, surveyId: id, expectedVersion: 1, publicUrl: "http://x", now: answeredAt });
  const mails = await db.select().from(emailMessage).where(eq(emailMessage.partnershipId, table));
  for (const m of mails) {
    const token = /\/surveys\/answer\/([A-Za-z0-9_-]+)/.exec(m.textBody)![1]!;
    const state = await invitationByToken(db, token);
    if (state.state === "open" && state.survey.id === id) await submitSurveyAnswer(db, { invitationId: state.invitationId, answers: { q: "a", note: "Une remarque libre" }, now: answeredAt });
  }
  return id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

describe("survey answers under the retention schedule", () => {
  it("destroys the responses past the period (default rule), keeps the recent ones, writes a destruction record", async () => {
    const db = handle.db;
    const table = await createPartnership(db);
    const org = await createOrganization(db, table);
    for (let i = 0; i < 2; i++) await createPerson(db, { partnershipId: table, organizationId: org, roles: [{ role: "table_member" }] });
    const old = await namedSurveyAnswered(db, table, new Date("2030-03-01T15:00:00Z"));
    const recent = await namedSurveyAnswered(db, table, new Date("2033-05-01T15:00:00Z"));
    const report = await runRetention(db, new Date("2033-06-15T12:00:00Z"));
    expect(report.counts.survey_answers).toBeGreaterThanOrEqual(2);
    expect(await db.select().from(surveyResponse).where(eq(surveyResponse.surveyId, old))).toEqual([]);
    expect(await db.select().from(surveyResponse).where(eq(surveyResponse.surveyId, recent))).toHaveLength(2);
    expect(await db.select().from(surveyResponseAuthor).where(eq(surveyResponseAuthor.partnershipId, table))).toHaveLength(2);
    const [run] = await db.select().from(retentionRun).where(and(eq(retentionRun.partnershipId, table), eq(retentionRun.kind, "survey_answers")));
    expect(run).toMatchObject({ disposition: "destroy", months: 24, count: 2, ranOn: "2033-06-15" });
  });

  it("anonymizes when the Table chose it: the author link and the free text go, the choices stay", async () => {
    const db = handle.db;
    const table = await createPartnership(db);
    const org = await createOrganization(db, table);
    for (let i = 0; i < 2; i++) await createPerson(db, { partnershipId: table, organizationId: org, roles: [{ role: "table_member" }] });
    await db.insert(retentionSchedule).values({ partnershipId: table, rules: { ...defaultRetentionSchedule(), survey_answers: { months: 12, disposition: "anonymize" } } });
    const id = await namedSurveyAnswered(db, table, new Date("2030-03-01T15:00:00Z"));
    const report = await runRetention(db, new Date("2031-06-15T12:00:00Z"));
    expect(report.counts.survey_answers).toBeGreaterThanOrEqual(2);
    const rows = await db.select().from(surveyResponse).where(eq(surveyResponse.surveyId, id));
    expect(rows.map((r) => r.answers)).toEqual([{ q: "a" }, { q: "a" }]);
    expect(await db.select().from(surveyResponseAuthor).where(eq(surveyResponseAuthor.partnershipId, table))).toEqual([]);
    const [run] = await db.select().from(retentionRun).where(and(eq(retentionRun.partnershipId, table), eq(retentionRun.kind, "survey_answers")));
    expect(run).toMatchObject({ disposition: "anonymize", months: 12, count: 2 });
    // Again the same day: nothing left to anonymize.
    const again = await runRetention(db, new Date("2031-06-15T12:00:00Z"));
    expect(again.counts.survey_answers).toBe(0);
  });
});
