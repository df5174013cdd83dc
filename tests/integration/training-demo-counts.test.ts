import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { partnership } from "../../app/modules/governance/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { trainingRegistration, trainingSession } from "../../app/modules/training/tables.ts";
import { sessionResults } from "../../app/modules/training-evaluation/evaluation-results.server.ts";
import { trainingEvaluationResponse, trainingObservation, trainingQuestionnaire } from "../../app/modules/training-evaluation/tables.ts";
import { trainingStats } from "../../app/modules/training-evaluation/training-stats.server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { RECENT_SESSIONS } from "../../app/modules/demo/seed-training-history.server.ts";

let handle: DatabaseHandle;
let quebec: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  const [row] = await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, "quebec"));
  quebec = row!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe("the demo's training record", () => {
  it("reads as the seeds say for 2009–2012 (32 sessions, about 450 trained), plus the recent season", async () => {
    const stats = await trainingStats(handle.db, quebec);
    expect(stats.sessionsGiven).toBe(32 + RECENT_SESSIONS);
    expect(stats.peopleTrained).toBeGreaterThanOrEqual(510);
    expect(stats.peopleTrained).toBeLessThanOrEqual(560);
    expect(stats.byOrganization.length).toBeGreaterThan(5);
    expect(stats.byMilieu.length).toBeGreaterThanOrEqual(4);
    const seedYears = stats.byYear.filter((y) => y.key >= "2009" && y.key <= "2012");
    expect(seedYears.reduce((n, y) => n + y.sessions, 0)).toBe(32);
    expect(seedYears.reduce((n, y) => n + y.people, 0)).toBeGreaterThanOrEqual(430);
    expect(seedYears.reduce((n, y) => n + y.people, 0)).toBeLessThanOrEqual(470);
    expect(stats.byYear.reduce((n, y) => n + y.sessions, 0)).toBe(32 + RECENT_SESSIONS);
  });

  it("has both questionnaires, submitted observation grids and anonymous answers, one session under the 3-answer threshold", async () => {
    const kinds = (await handle.db.select({ kind: trainingQuestionnaire.kind }).from(trainingQuestionnaire).where(eq(trainingQuestionnaire.partnershipId, quebec))).map((r) => r.kind);
    expect(kinds.sort()).toEqual(["evaluation", "observation"]);
    expect((await handle.db.select().from(trainingObservation).where(eq(trainingObservation.partnershipId, quebec))).length).toBeGreaterThan(0);
    const responses = await handle.db.select({ sessionId: trainingEvaluationResponse.sessionId }).from(trainingEvaluationResponse).where(eq(trainingEvaluationResponse.partnershipId, quebec));
    expect(responses.length).toBeGreaterThan(100);
    const given = await handle.db.select().from(trainingSession).where(and(eq(trainingSession.partnershipId, quebec), eq(trainingSession.status, "given")));
    given.sort((a, b) => (a.dates[0] ?? "").localeCompare(b.dates[0] ?? ""));
    expect((await sessionResults(handle.db, quebec, given.at(-2)!.id)).shown).toBe(false);
  });

  it("the demo worker (intervenant.ecole@) completed a given session, observed by the observer account", async () => {
    const [worker] = await handle.db.select({ id: person.id }).from(person).innerJoin(account, eq(account.personId, person.id)).where(eq(account.email, "intervenant.ecole@filet.test"));
    const done = await handle.db
      .select({ sessionId: trainingRegistration.sessionId, observer: trainingSession.observerPersonId })
      .from(trainingRegistration)
      .innerJoin(trainingSession, eq(trainingSession.id, trainingRegistration.sessionId))
      .where(and(eq(trainingRegistration.personId, worker!.id), isNotNull(trainingRegistration.completedAt), eq(trainingSession.status, "given")));
    expect(done.length).toBeGreaterThan(0);
    const [observer] = await handle.db.select({ id: person.id }).from(person).innerJoin(account, eq(account.personId, person.id)).where(eq(account.email, "valerie.poulin@filet.test"));
    expect(done.some((d) => d.observer === observer!.id)).toBe(true);
  });
});
