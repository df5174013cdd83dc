import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import type { DatabaseHandle } from "../db/client.server.ts";
import { partnership } from "../governance/tables.ts";
import { demoConsultationTexts, seedConsultationsDemo } from "../demo/seed-consultations.server.ts";
import { seedDemo } from "../demo/seed-demo.server.ts";
import { findIdentifyingDetails } from "./pii/find-identifying-details.ts";
import { consultation, consultationMessage } from "./tables.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db);
});
afterAll(async () => {
  await handle.close();
});

describe("demo consultations", () => {
  it("are de-identified: the guard finds nothing in them", () => {
    for (const text of demoConsultationTexts) expect(findIdentifyingDetails(text), text).toEqual([]);
  });

  it("are seeded once, however many times the seed runs", async () => {
    const [table] = await handle.db.select().from(partnership).where(eq(partnership.slug, "quebec"));
    const partnershipId = table!.id;
    await handle.db.transaction((tx) => seedConsultationsDemo(tx, partnershipId));
    await handle.db.transaction((tx) => seedConsultationsDemo(tx, partnershipId));
    const rows = await handle.db.select().from(consultation).where(eq(consultation.partnershipId, partnershipId));
    expect(rows.map((r) => r.status).sort()).toEqual(["answered", "closed", "new"]);
    expect(await handle.db.select().from(consultationMessage).where(eq(consultationMessage.partnershipId, partnershipId))).toHaveLength(3);
    const closed = rows.find((r) => r.status === "closed")!;
    expect(closed.firstResponseAt!.getTime()).toBeGreaterThan(closed.createdAt.getTime());
  });
});
