import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { seedDemo } from "../../app/modules/demo/seed-demo.server.ts";
import { organization, partnership } from "../../app/modules/governance/tables.ts";
import { commitmentOverview } from "../../app/modules/partners/commitments.server.ts";
import { listCommitmentTexts } from "../../app/modules/partners/commitment-text.server.ts";
import { loadContributionMatrix } from "../../app/modules/partners/contribution-matrix.server.ts";
import { getPartnerProfile, listPartners } from "../../app/modules/partners/partner-pages.server.ts";
import { createTestDatabase } from "../support/test-db.ts";
import { quebecDay } from "../../app/modules/time/days.ts";

let handle: DatabaseHandle;
let quebec: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
  quebec = (await handle.db.select({ id: partnership.id }).from(partnership).where(eq(partnership.slug, "quebec")))[0]!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe("partners demo data", () => {
  it("tells the seeds' story: text v1 (2007) and v2 (2009), most signed, one due, one late", async () => {
    const texts = await listCommitmentTexts(handle.db, quebec);
    expect(texts.map((t) => [t.number, t.status, t.publishedAt?.toISOString().slice(0, 4)])).toEqual([
      [2, "published", "2009"],
      [1, "archived", "2007"],
    ]);
    const overview = await commitmentOverview(handle.db, quebec, quebecDay());
    const by = (status: string) => overview.filter((o) => o.status === status).map((o) => o.acronym);
    expect(by("due")).toEqual(["SPVQ"]);
    expect(by("late")).toEqual(["TRAIC"]);
    expect(by("signed")).toHaveLength(overview.length - 2);
  });

  it("has a filled matrix and a delegate history with recent changes", async () => {
    const matrix = await loadContributionMatrix(handle.db, quebec);
    expect(matrix.every((r) => Object.values(r.cells).some(Boolean))).toBe(true);
    const { table, rows } = await listPartners(handle.db, quebec, quebecDay());
    expect(table.changes).toBe(2);
    expect(rows.find((r) => r.organization.acronym === "CJQ-IU")?.delegates).toEqual(["Isabelle Gingras"]);
    const [cjq] = await handle.db.select({ id: organization.id }).from(organization).where(eq(organization.acronym, "CJQ-IU"));
    const profile = await getPartnerProfile(handle.db, quebec, cjq!.id, quebecDay());
    expect(profile!.people.delegates.map((p) => p.email)).toEqual(["delegue.cjq@filet.test"]);
    expect(profile!.people.substitutes.map((p) => p.email)).toEqual(["catherine.roy@filet.test"]);
    expect(profile!.terms).toHaveLength(4);
    expect(profile!.latestCommitment?.documentFileId).toBeTruthy();
  });
});
