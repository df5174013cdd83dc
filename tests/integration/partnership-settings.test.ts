import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, fixtureRoles, signIn, type AuthzDataset } from "../support/fixtures.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { readPartnershipSettings } from "../../app/modules/settings/partnership-settings.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import * as route from "../../app/routes/admin/settings.tsx";

let handle: DatabaseHandle;
let ds: AuthzDataset;
beforeAll(async () => {
  handle = await createTestDatabase();
  ds = await createAuthzDataset(handle.db);
});
afterAll(async () => {
  await handle.close();
});

const cookieOf = (accountId: string) => signIn(handle.db, accountId, { activePartnershipId: ds.tableA });

describe("Table settings (/admin/settings)", () => {
  it("opens only for the Table coordinator and the platform admin", async () => {
    for (const role of fixtureRoles) {
      const who = ds.people[role];
      const outcome = await callRoute(route.loader, { url: "/admin/settings", cookie: await cookieOf(who.accountId!), context: testContext(handle.db) });
      const allowed = role === "platform_admin" || role === "table_coordinator";
      expect(outcome.status, role).toBe(allowed ? 200 : 404);
    }
  });

  it("saves the directory's period for the coordinator's own Table, audited, with a version check", async () => {
    const cookie = await cookieOf(ds.people.table_coordinator.accountId!);
    const context = testContext(handle.db);
    const saved = await callRoute(route.action, {
      url: "/admin/settings",
      cookie,
      context,
      body: { directoryFreshnessMonths: "3", consultationRetentionMonths: "6", version: "1" },
    });
    expect(saved.location).toBe("/admin/settings?saved=1");
    expect(await readPartnershipSettings(handle.db, ds.tableA)).toMatchObject({ directoryFreshnessMonths: 3 });
    // The consultations' period is no longer a setting: it is the retention schedule's (privacy).
    expect(await readPartnershipSettings(handle.db, ds.tableA)).not.toHaveProperty("consultationRetentionMonths");
    expect(await readPartnershipSettings(handle.db, ds.tableB)).toMatchObject({ directoryFreshnessMonths: 6 });
    const events = await handle.db.select().from(auditEvent).where(eq(auditEvent.action, "partnership.settings_updated"));
    expect(events).toHaveLength(1);

    const stale = await callRoute(route.action, {
      url: "/admin/settings",
      cookie,
      context,
      body: { directoryFreshnessMonths: "4", consultationRetentionMonths: "6", version: "1" },
    });
    expect(stale.status).toBe(409);
    expect(await readPartnershipSettings(handle.db, ds.tableA)).toMatchObject({ directoryFreshnessMonths: 3 });
  });

  it("refuses periods outside 1–120 months", async () => {
    const cookie = await cookieOf(ds.people.table_coordinator.accountId!);
    const outcome = await callRoute(route.action, {
      url: "/admin/settings",
      cookie,
      context: testContext(handle.db),
      body: { directoryFreshnessMonths: "0", consultationRetentionMonths: "500", version: "2" },
    });
    expect(outcome.status).toBe(400);
    expect(outcome.data).toMatchObject({
      errors: { directoryFreshnessMonths: ["admin.settings.months"] },
    });
  });

  it("a Table B coordinator cannot change Table A: they only ever reach their own", async () => {
    const cookie = await signIn(handle.db, ds.tableBCoordinator.accountId!);
    await callRoute(route.action, {
      url: "/admin/settings",
      cookie,
      context: testContext(handle.db),
      body: { directoryFreshnessMonths: "9", consultationRetentionMonths: "9", version: "1" },
    });
    expect(await readPartnershipSettings(handle.db, ds.tableA)).toMatchObject({ directoryFreshnessMonths: 3 });
    expect(await readPartnershipSettings(handle.db, ds.tableB)).toMatchObject({ directoryFreshnessMonths: 9 });
  });
});
