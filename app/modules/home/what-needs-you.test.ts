import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../db/client.server.ts";
import { seedDemo } from "../demo/seed-demo.server.ts";
import { account } from "../identity/tables.ts";
import { loadActiveRoles, type CurrentUser } from "../identity/current-user.server.ts";
import { person } from "../people/tables.ts";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import { whatNeedsYou } from "./what-needs-you.server.ts";
import { meeting } from "../meetings/tables.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
}, 180_000);
afterAll(async () => {
  await handle?.close();
});

async function member(email: string): Promise<CurrentUser & { partnershipId: string }> {
  const [row] = await handle.db
    .select({ accountId: account.id, personId: person.id, givenName: person.givenName, familyName: person.familyName, partnershipId: person.partnershipId, organizationId: person.organizationId })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(eq(account.email, email));
  const roles = await loadActiveRoles(handle.db, row!.personId);
  return { ...row!, email, locale: "fr", roles, mfaEnabled: false, mfaRequired: false, sessionIdHash: "", mfaPassed: true, mfaByProvider: false } as CurrentUser & { partnershipId: string };
}

const needsOf = async (email: string) => (await whatNeedsYou(handle.db, await member(email))).map((n) => `${n.kind} ${n.count} ${n.href.replace(/[0-9a-f-]{36}/, ":id")}`);

// Each demo persona's list, as the demo seed tells it (issue 11 #6), most urgent first.
describe("what needs you, per role (demo data)", () => {
  it("a pivot: the urgent consultation addressed to her, then her stale directory entry", async () => {
    expect(await needsOf("pivot.cjq@filet.test")).toEqual(["urgentConsultations 1 /consultations", "myStaleEntry 1 /directory/mine"]);
  });

  it("a pivot coordinator: their organization's stale entry and the designation ending soon (not their own entry)", async () => {
    expect(await needsOf("coord-pivots.spvq@filet.test")).toEqual([
      "myOverdueResponsibilities 1 /responsibilities/mine",
      "endingDesignations 1 /directory/designations",
      "staleEntries 1 /directory/stale",
    ]);
  });

  it("the Table coordinator: overdue responsibilities, the report due to a funder, commitments, sessions to staff", async () => {
    expect(await needsOf("coordination@filet.test")).toEqual([
      "overdueResponsibilities 1 /responsibilities?filter=overdue",
      "dueReports 1 /funding/:id",
      "lateCommitments 1 /partners/commitments",
      "sessionsToStaff 12 /training/pairs",
      "dueCommitments 1 /partners/commitments",
    ]);
  });

  it("a trainer: the session waiting for their availability; an observer: the grids to fill", async () => {
    expect(await needsOf("formateur.pipq@filet.test")).toEqual(["availabilityToGive 1 /training/availability"]);
    expect(await needsOf("valerie.poulin@filet.test")).toEqual(["gridsToFill 2 /training/mine"]);
  });

  it("a worker: the answer to their consultation and the training open to them", async () => {
    expect(await needsOf("intervenant.ecole@filet.test")).toEqual(["answeredConsultations 1 /consultations", "openTrainings 1 /training/register"]);
  });

  it("roles without work of their own here get an empty list (the home then says nothing needs them)", async () => {
    expect(await needsOf("evaluation@filet.test")).toEqual([]);
    expect(await needsOf("vie-privee@filet.test")).toEqual([]);
  });

  it("counts only the person's Table: the other Table's coordinator sees its own commitments only", async () => {
    expect(await needsOf("coordination.ca@filet.test")).toEqual(["lateCommitments 2 /partners/commitments"]);
  });

  it("a designation that has ended, or a meeting without agenda far ahead, counts for nobody", async () => {
    const coordinator = await member("coordination@filet.test");
    // Forty days from now the designation ending in 21 days is over and the stale entry older still.
    const later = await whatNeedsYou(handle.db, await member("coord-pivots.spvq@filet.test"), new Date(Date.now() + 40 * 86_400_000));
    expect(later.map((n) => n.kind)).not.toContain("endingDesignations");
    expect((await whatNeedsYou(handle.db, coordinator)).map((n) => n.kind)).not.toContain("meetingsToPrepare");
  });

  it("a Table meeting next week with no agenda is a meeting to prepare, linked to that meeting", async () => {
    const coordinator = await member("coordination@filet.test");
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const [m] = await handle.db
      .insert(meeting)
      .values({ partnershipId: coordinator.partnershipId, kind: "table", title: "Rencontre à préparer", startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) })
      .returning({ id: meeting.id });
    const need = (await whatNeedsYou(handle.db, coordinator)).find((n) => n.kind === "meetingsToPrepare");
    expect(need).toEqual({ kind: "meetingsToPrepare", count: 1, href: `/meetings/${m!.id}`, days: 21 });
    // Nobody else in the Table prepares it.
    expect((await whatNeedsYou(handle.db, await member("pivot.cjq@filet.test"))).map((n) => n.kind)).not.toContain("meetingsToPrepare");
    await handle.db.delete(meeting).where(eq(meeting.id, m!.id));
  });
});
