import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { emailMessage } from "../../app/modules/email/tables.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { invitationByToken } from "../../app/modules/surveys/answer-survey.server.ts";
import { getSurveyResults } from "../../app/modules/surveys/get-results.server.ts";
import { listSurveys } from "../../app/modules/surveys/list-surveys.server.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { PARTNER_SURVEY_2026, TRAINING_NEEDS_SURVEY } from "../../app/modules/demo/seed-surveys.server.ts";
import { quebecTable } from "../../app/modules/demo/demo-quebec.ts";
import { discloseIndicator } from "../../app/modules/indicators/disclose-indicator.server.ts";
import { indicatorByCode } from "../../app/modules/indicators/registry.server.ts";

/**
 * The demo's surveys: the 2026 partner survey closed with enough answers for most questions to
 * show, a suppressed cell in its cross-tab by organization type; the open survey's one pending
 * invitation, its link in the invitee's email.
 */
let handle: DatabaseHandle;
let tableId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { publicUrl: "http://demo.test" });
  const [row] = await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, quebecTable.slug));
  tableId = row!.id;
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("demo surveys", () => {
  it("the 2026 partner survey: closed, anonymous, most questions shown, a suppressed cross-tab cell", async () => {
    const surveys = await listSurveys(handle.db, tableId);
    const partner = surveys.find((s) => s.titleFr === PARTNER_SURVEY_2026.titleFr)!;
    expect(partner).toMatchObject({ titleEn: "Partner survey 2026", status: "closed", anonymous: true, asksOrganizationType: true });
    expect(partner.responses).toBeGreaterThanOrEqual(15);
    expect(partner.invited).toBeGreaterThan(partner.responses);
    const results = await getSurveyResults(handle.db, partner, "fr");
    if (!results.shown) throw new Error("hidden");
    const withFigures = results.questions.filter((q) => q.figures.some((f) => f.count.kind === "value" && f.count.value > 0) || q.texts.length);
    expect(withFigures.length / results.questions.length).toBeGreaterThan(0.5);
    const crossTabs = results.questions.filter((q) => q.crossTab);
    expect(crossTabs.length).toBeGreaterThan(0);
    expect(crossTabs.some((q) => q.crossTab!.cells.flat().some((c) => c.kind === "suppressed"))).toBe(true);
    expect(results.questions.find((q) => q.key === "suggestions")!.texts.length).toBeGreaterThan(0);
  });

  it("the open survey: one pending invitation for Stéphanie Lavoie, its single-use link in her email", async () => {
    const surveys = await listSurveys(handle.db, tableId);
    const open = surveys.find((s) => s.titleFr === TRAINING_NEEDS_SURVEY.titleFr)!;
    expect(open).toMatchObject({ status: "open", invited: 1, responses: 0 });
    const [mail] = await handle.db.select().from(emailMessage).where(and(eq(emailMessage.partnershipId, tableId), eq(emailMessage.toAddress, TRAINING_NEEDS_SURVEY.invitee)));
    const token = /http:\/\/demo\.test\/surveys\/answer\/([A-Za-z0-9_-]+)/.exec(mail!.textBody)![1]!;
    const state = await invitationByToken(handle.db, token);
    expect(state.state).toBe("open");
  });
  it("feeds partner_survey_satisfaction (% agree or more) through the disclosure control", async () => {
    const definition = indicatorByCode("partner_survey_satisfaction")!;
    expect(definition).toMatchObject({ type: "percent", module: "surveys" });
    const query = { partnershipId: tableId, period: { from: "2026-04-01", to: "2027-03-31" }, by: null, today: "2026-12-01" };
    expect(await definition.compute(handle.db, query)).toEqual({ shape: "ratio", byOrganization: new Map([[null, { numerator: 13, denominator: 20 }]]) });
    const shown = await discloseIndicator(handle.db, definition, query, { exact: false, threshold: 5 });
    expect(JSON.stringify(shown)).toContain("65");
    // A period without a closed survey: nothing to count (no figure from 1 … threshold − 1 either).
    expect(await definition.compute(handle.db, { ...query, period: { from: "2025-04-01", to: "2026-03-31" } })).toEqual({ shape: "ratio", byOrganization: new Map([[null, { numerator: 0, denominator: 0 }]]) });
  });
});
