import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { seedDemo } from "../demo/seed-demo.server.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { organization, partnership } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { quebecDay } from "../time/days.ts";
import { resolveAudience } from "./audience.server.ts";

let handle: DatabaseHandle;
let partnershipId: string;
const today = quebecDay();
const AUTHOR = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  const [t] = await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, "quebec"));
  partnershipId = t!.id;
});
afterAll(async () => {
  await handle.close();
});

async function designatedToday(organizationId?: string): Promise<string[]> {
  const rows = await handle.db
    .selectDistinct({ personId: pivotDesignation.personId })
    .from(pivotDesignation)
    .where(
      and(
        eq(pivotDesignation.partnershipId, partnershipId),
        lte(pivotDesignation.since, today),
        or(isNull(pivotDesignation.until), gte(pivotDesignation.until, today)),
        organizationId ? eq(pivotDesignation.organizationId, organizationId) : undefined,
      ),
    );
  return rows.map((r) => r.personId);
}

describe("the pivots audiences", () => {
  it("reach every pivot designated today, each emailed at their active account", async () => {
    const designated = await designatedToday();
    expect(designated.length).toBeGreaterThan(2);
    const recipients = await resolveAudience(handle.db, { partnershipId, audience: "pivots", organizationId: null, authorPersonId: AUTHOR });
    const ids = recipients.map((r) => r.personId);
    expect(ids).toEqual(expect.arrayContaining(designated));
    expect(new Set(ids).size).toBe(ids.length);
    // The demo's pivots all have accounts: every one is emailed.
    expect(recipients.filter((r) => designated.includes(r.personId)).every((r) => r.email)).toBe(true);
  });

  it("count a pivot without an active account as a recipient who is not emailed, and leave out an ended designation", async () => {
    const [org] = await handle.db.select().from(organization).where(and(eq(organization.partnershipId, partnershipId), eq(organization.acronym, "SPVQ")));
    const [fresh] = await handle.db.insert(person).values({ partnershipId, organizationId: org!.id, givenName: "Nouvelle", familyName: "Pivot", email: "" }).returning({ id: person.id });
    const [ended] = await handle.db.insert(person).values({ partnershipId, organizationId: org!.id, givenName: "Ancienne", familyName: "Pivot", email: "" }).returning({ id: person.id });
    await handle.db.insert(pivotDesignation).values([
      { partnershipId, organizationId: org!.id, personId: fresh!.id, since: "2024-01-01" },
      { partnershipId, organizationId: org!.id, personId: ended!.id, since: "2020-01-01", until: "2021-06-30" },
    ]);
    const all = await resolveAudience(handle.db, { partnershipId, audience: "pivots", organizationId: null, authorPersonId: AUTHOR });
    expect(all).toContainEqual({ personId: fresh!.id, email: null });
    expect(all.map((r) => r.personId)).not.toContain(ended!.id);
    const ofOrg = await resolveAudience(handle.db, { partnershipId, audience: "organization_pivots", organizationId: org!.id, authorPersonId: AUTHOR });
    expect(ofOrg.map((r) => r.personId)).toEqual(expect.arrayContaining(await designatedToday(org!.id)));
    expect(ofOrg.length).toBeLessThan(all.length);
  });

  it("leave the author out", async () => {
    const [first] = await designatedToday();
    const recipients = await resolveAudience(handle.db, { partnershipId, audience: "pivots", organizationId: null, authorPersonId: first! });
    expect(recipients.map((r) => r.personId)).not.toContain(first);
  });
});
