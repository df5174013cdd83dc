import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { createTestDatabase, testContext } from "../support/test-db.ts";
import { callRoute, createAuthzDataset, signIn, type AuthzDataset } from "../support/fixtures.ts";
import type { DatabaseHandle } from "../../app/modules/db/client.server.ts";
import { auditEvent } from "../../app/modules/audit/tables.ts";
import { person } from "../../app/modules/people/tables.ts";
import { account } from "../../app/modules/identity/tables.ts";
import { recordAuditEvent, type AuditActor } from "../../app/modules/audit/record-audit-event.server.ts";
import { csvCell } from "../../app/modules/exports/csv.ts";
import * as audit from "../../app/routes/admin/audit.tsx";
import * as auditCsv from "../../app/routes/admin/audit.csv.tsx";

/*
 * The privacy officer's audit log in words (issue 11 §16): names, actions in words, kinds,
 * the CSV (scope, formula injection, journaled) and the verification journaled.
 */
let handle: DatabaseHandle;
let d: AuthzDataset;
let officer: string;
let admin: string;

const actor = (partnershipId: string, accountId: string | null): AuditActor => ({ accountId, role: "table_coordinator", organizationId: null, partnershipId, requestId: "req-test", ip: "127.0.0.1" });

interface View {
  id: number;
  action: string;
  actionWords: string;
  actorName: string | null;
  actorOrganization: string | null;
  subject: string | null;
  partnershipId: string | null;
  detailsWords: string[];
}

async function csvOf(url: string, cookie: string, lang = "fr") {
  const request = new Request(new URL(url, "http://localhost:3000"), { headers: { cookie: `${cookie}; filet_lang=${lang}` } });
  const response = (await auditCsv.loader({ request, params: {}, context: testContext(handle.db) } as never)) as Response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  d = await createAuthzDataset(handle.db);
  officer = await signIn(handle.db, d.people.privacy_officer.accountId!);
  admin = await signIn(handle.db, d.people.platform_admin.accountId!);
  await handle.db.transaction(async (tx) => {
    await recordAuditEvent(tx, actor(d.tableA, d.people.table_coordinator.accountId), {
      action: "person.updated",
      targetType: "person",
      targetId: d.personOrg1.personId,
      details: { note: '=HYPERLINK("http://evil.example","x")' },
    });
    await recordAuditEvent(tx, actor(d.tableA, d.people.table_coordinator.accountId), { action: "organization.updated", targetType: "organization", targetId: d.org1 });
    await recordAuditEvent(tx, actor(d.tableA, null), { action: "old.thing_done", targetType: "thing", targetId: "x" });
    await recordAuditEvent(tx, actor(d.tableB, d.tableBCoordinator.accountId), { action: "person.updated", targetType: "person", targetId: d.personB.personId });
  });
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

describe("the audit log in words", () => {
  it("names who and on what, says the action in words, and falls back to the code", async () => {
    const page = await callRoute(audit.loader, { url: "/admin/audit", cookie: officer, context: testContext(handle.db) });
    const events = (page.data as { events: View[] }).events;
    const edit = events.find((e) => e.action === "person.updated")!;
    expect(edit.actionWords).toBe("Personne modifiée");
    expect(edit.actorName).toMatch(/\S+ \S+/);
    expect(edit.actorOrganization).toBe("Organisme Un");
    expect(edit.subject).toMatch(/\S+ \S+/);
    expect(edit.detailsWords.join(" ")).not.toContain("{");
    expect(events.find((e) => e.action === "organization.updated")!.subject).toBe("Organisme Un");
    expect(events.find((e) => e.action === "old.thing_done")!.actionWords).toBe("old.thing_done");
    // Deny by default: only Table A's events for Table A's privacy officer.
    expect(new Set(events.map((e) => e.partnershipId))).toEqual(new Set([d.tableA]));
  });

  it("filters by kind, and ignores a kind it does not know", async () => {
    const ctx = testContext(handle.db);
    const directory = await callRoute(audit.loader, { url: "/admin/audit?kind=directory", cookie: officer, context: ctx });
    const actions = new Set((directory.data as { events: View[] }).events.map((e) => e.action));
    expect(actions).toEqual(new Set(["person.updated", "organization.updated"]));
    const reads = await callRoute(audit.loader, { url: "/admin/audit?kind=audit", cookie: officer, context: ctx });
    expect((reads.data as { events: View[] }).events.every((e) => e.action.startsWith("audit."))).toBe(true);
    const bogus = await callRoute(audit.loader, { url: "/admin/audit?kind=%27;drop", cookie: officer, context: ctx });
    expect(bogus.status).toBe(200);
    expect((bogus.data as { filters: { kind?: string } }).filters.kind).toBeUndefined();
  });

  it("journals a verification asked for from the page", async () => {
    const page = await callRoute(audit.loader, { url: "/admin/audit?verify=1", cookie: admin, context: testContext(handle.db) });
    expect((page.data as { chain: { ok: boolean } }).chain.ok).toBe(true);
    const [last] = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "audit.chain_verified"), eq(auditEvent.actorAccountId, d.people.platform_admin.accountId!)))
      .orderBy(desc(auditEvent.id))
      .limit(1);
    expect(last?.details).toMatchObject({ ok: true });
  });

  it("gives a Table's privacy officer the chain's verdict with their own Table's count, never another Table's event numbers", async () => {
    const ctx = testContext(handle.db);
    const [own] = await handle.db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.partnershipId, d.tableA));
    const intact = await callRoute(audit.loader, { url: "/admin/audit?verify=1", cookie: officer, context: ctx });
    const chain = (intact.data as { chain: { ok: boolean; count: number; broken: unknown[] } }).chain;
    expect(chain.ok).toBe(true);
    expect(chain.count).toBe(own!.n);

    // Table B's event altered behind the trigger's back: the verdict says broken, lists nothing of B.
    const [other] = await handle.db.select().from(auditEvent).where(eq(auditEvent.partnershipId, d.tableB)).orderBy(desc(auditEvent.id)).limit(1);
    await handle.db.execute(sql`alter table audit_event disable trigger user`);
    try {
      await handle.db.execute(sql`update audit_event set target_id = 'tampered' where id = ${other!.id}`);
      const broken = await callRoute(audit.loader, { url: "/admin/audit?verify=1", cookie: officer, context: ctx });
      const seen = (broken.data as { chain: { ok: boolean; broken: { id: number }[] } }).chain;
      expect(seen.ok).toBe(false);
      expect(seen.broken).toEqual([]);
      const asAdmin = await callRoute(audit.loader, { url: "/admin/audit?verify=1", cookie: admin, context: ctx });
      expect((asAdmin.data as { chain: { broken: { id: number }[] } }).chain.broken.map((b) => b.id)).toContain(other!.id);
    } finally {
      await handle.db.execute(sql`update audit_event set target_id = ${other!.targetId} where id = ${other!.id}`);
      await handle.db.execute(sql`alter table audit_event enable trigger user`);
    }
  });
});

describe("the audit CSV", () => {
  it("is UTF-8 with a BOM, French headers in French, English in English, words and codes", async () => {
    const fr = await csvOf("/admin/audit.csv", officer);
    expect(fr.response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(fr.response.headers.get("content-disposition")).toMatch(/^attachment; filename="journal-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...fr.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fr.text.split("\r\n")[0]).toContain("Code de l'action");
    expect(fr.text).toContain("Personne modifiée,person.updated");
    // The account's language wins over the cookie.
    await handle.db.update(account).set({ locale: "en" }).where(eq(account.id, d.people.privacy_officer.accountId!));
    const en = await csvOf("/admin/audit.csv", officer, "en");
    await handle.db.update(account).set({ locale: "fr" }).where(eq(account.id, d.people.privacy_officer.accountId!));
    expect(en.text.split("\r\n")[0]).toContain("Action code");
    expect(en.text).toContain("Person updated,person.updated");
  });

  it("keeps the reader's scope and filters: no other Table's row, even when asked for", async () => {
    const { text } = await csvOf(`/admin/audit.csv?kind=directory&table=${d.tableB}`, officer);
    expect(text).not.toContain(d.personB.personId);
    expect(text).toContain(d.personOrg1.personId);
    expect(text).toContain("organization.updated,");
    expect(text).not.toContain("old.thing_done");
  });

  it("cannot carry a formula into a spreadsheet", async () => {
    await handle.db.update(person).set({ givenName: '=HYPERLINK("http://evil.example","x")' }).where(eq(person.id, d.personOrg1.personId));
    const { text } = await csvOf("/admin/audit.csv?kind=directory", officer);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")`);
    expect(text).not.toMatch(/,"?=HYPERLINK/);
    for (const start of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]) expect(csvCell(start).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });

  it("journals the export in the same transaction, with its scope and filters", async () => {
    await csvOf("/admin/audit.csv?kind=meetings", officer);
    const [last] = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "audit.exported"), eq(auditEvent.actorAccountId, d.people.privacy_officer.accountId!)))
      .orderBy(desc(auditEvent.id))
      .limit(1);
    expect(last?.partnershipId).toBe(d.tableA);
    expect(last?.details).toMatchObject({ scope: d.tableA, filters: { kind: "meetings" } });
  });

  it("answers 404 to a role without the permission", async () => {
    const worker = await signIn(handle.db, d.people.worker.accountId!);
    const outcome = await callRoute(auditCsv.loader, { url: "/admin/audit.csv", cookie: worker, context: testContext(handle.db) });
    expect(outcome.status).toBe(404);
  });
});
