import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../support/test-db.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { systemActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { createSession, loadSession } from "../../app/modules/identity/session.server.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { getCurrentUser } from "../../app/modules/identity/current-user.server.ts";
import { deactivateAccount, reactivateAccount } from "../../app/modules/identity/manage-account.server.ts";
import { AccountStateError, NotFoundError, SelfDeactivationError } from "../../app/modules/identity/errors.ts";
import { accountRow, createAccount, seedTable, uniqueEmail } from "./identity-fixtures.ts";

let handle: DatabaseHandle;
let table: Awaited<ReturnType<typeof seedTable>>;
beforeAll(async () => {
  handle = await createTestDatabase();
  table = await seedTable(handle.db);
});
afterAll(async () => {
  await handle.close();
});

const MIN = 60_000;
const newAccount = () => createAccount(handle.db, { email: uniqueEmail(), partnershipId: table.partnershipId, organizationId: table.organizationId, roles: ["worker"] });
const open = (accountId: string, now: Date) => createSession(handle.db, { accountId, mfaPassed: true, ip: "127.0.0.1", userAgent: "test", now });

describe("session lifetime", () => {
  it("ends after 30 minutes without activity", async () => {
    const { accountId } = await newAccount();
    const start = new Date("2026-03-02T09:00:00Z");
    const token = await open(accountId, start);
    expect(await loadSession(handle.db, token, new Date(start.getTime() + 29 * MIN))).not.toBeNull();
    // Activity at 29 min pushes the idle limit.
    expect(await loadSession(handle.db, token, new Date(start.getTime() + 58 * MIN))).not.toBeNull();
    expect(await loadSession(handle.db, token, new Date(start.getTime() + 89 * MIN))).toBeNull();
    // Once ended, it stays ended.
    expect(await loadSession(handle.db, token, new Date(start.getTime() + 90 * MIN))).toBeNull();
  });

  it("ends 12 hours after sign-in, however active", async () => {
    const { accountId } = await newAccount();
    const start = new Date("2026-03-03T08:00:00Z");
    const token = await open(accountId, start);
    for (let t = 20; t < 12 * 60; t += 20) {
      expect(await loadSession(handle.db, token, new Date(start.getTime() + t * MIN)), `at ${t} min`).not.toBeNull();
    }
    expect(await loadSession(handle.db, token, new Date(start.getTime() + 12 * 60 * MIN + 1))).toBeNull();
  });

  it("only accepts well-formed cookies of its own name", async () => {
    const { accountId } = await newAccount();
    const token = await open(accountId, new Date());
    const request = (cookie: string) => new Request("http://localhost/", { headers: { cookie } });
    expect(await getCurrentUser(handle.db, request(`filet_session=${token}`), false)).not.toBeNull();
    expect(await getCurrentUser(handle.db, request(`__Host-filet_session=${token}`), false)).toBeNull();
    expect(await getCurrentUser(handle.db, request(`filet_session=${token}x`), false)).toBeNull();
  });
});

describe("deactivation", () => {
  const admin = () => ({ ...systemActor("test", null), accountId: null, role: "platform_admin", partnershipId: table.partnershipId });
  const scope = () => ({ partnershipId: table.partnershipId, organizationIds: "all" as const });

  it("ends every session of the account at once", async () => {
    const { accountId } = await newAccount();
    const a = await open(accountId, new Date());
    const b = await open(accountId, new Date());
    await deactivateAccount(handle.db, admin(), { accountId, ...scope() });
    expect(await loadSession(handle.db, a)).toBeNull();
    expect(await loadSession(handle.db, b)).toBeNull();
    const row = await accountRow(handle.db, accountId);
    expect(row.status).toBe("deactivated");
    expect(row.deactivatedAt).not.toBeNull();
    await expect(deactivateAccount(handle.db, admin(), { accountId, ...scope() })).rejects.toBeInstanceOf(AccountStateError);
    await reactivateAccount(handle.db, admin(), { accountId, ...scope() });
    expect((await accountRow(handle.db, accountId)).status).toBe("active");
    // Reactivation does not bring old sessions back.
    expect(await loadSession(handle.db, a)).toBeNull();
  });

  it("refuses sessions at the next request even when the status changed behind its back", async () => {
    const { accountId } = await newAccount();
    const token = await open(accountId, new Date());
    await handle.db.update(account).set({ status: "deactivated" }).where(eq(account.id, accountId));
    expect(await loadSession(handle.db, token)).toBeNull();
  });

  it("treats an account outside the manager's organizations or Table as missing", async () => {
    const { accountId } = await newAccount();
    const other = await seedTable(handle.db);
    await expect(
      deactivateAccount(handle.db, admin(), { accountId, partnershipId: table.partnershipId, organizationIds: [table.otherOrganizationId] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(deactivateAccount(handle.db, admin(), { accountId, partnershipId: other.partnershipId, organizationIds: "all" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deactivateAccount(handle.db, admin(), { accountId, partnershipId: table.partnershipId, organizationIds: [] })).rejects.toBeInstanceOf(NotFoundError);
    expect((await accountRow(handle.db, accountId)).status).toBe("active");
  });

  it("does not let anyone deactivate their own account", async () => {
    const { accountId } = await newAccount();
    await expect(
      deactivateAccount(handle.db, { ...admin(), accountId }, { accountId, ...scope() }),
    ).rejects.toBeInstanceOf(SelfDeactivationError);
  });
});
