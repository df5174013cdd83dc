import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, desc, sql } from "drizzle-orm";
import { createTestDatabase } from "../../../tests/support/test-db.ts";
import type { Database, DatabaseHandle } from "../db/client.server.ts";
import { rowsOf } from "../db/rows.ts";
import { auditEvent } from "./tables.ts";
import { GENESIS_HASH, recordAuditEvent, systemActor, type AuditActor } from "./record-audit-event.server.ts";
import { hashAuditEvent, hashAuditEventV2, normalizeAuditFields, type HashedFields } from "./hash-scheme.ts";
import { canonicalJson, normalizeDetails, normalizeJson, type JsonObject } from "./canonical-json.ts";
import { verifyAuditChain } from "./verify-audit-chain.server.ts";
import { listAuditEvents, parseAuditFilters, recordAuditViewed } from "./list-audit-events.server.ts";
import { seededRandom } from "../../../tests/support/seeded-random.ts";

// ---- A small seeded generator of hostile details (no dependency). ----

const PIECES = ["a", "Z", "0", " ", "é", "ß", "中", "😀", "👩‍💻", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\u0000", "\u0001", "\n", '"', "\\", "\u2028", "\uFFFD", "\uFEFF", "~", "'"];
const NUMBERS = [0, -0, 1, -1, 0.1, 1e-7, 1e21, 2 ** 53, 2 ** 53 + 2, 2 ** 60, -(2 ** 63), 1e300, -1e300, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity];
const KEYS = ["", "__proto__", "constructor", "10", "9", "a", "A", "b", "é", "😀", "\uFF5E", "\uD800", "\uDC00", "k\u0000"];

function generator(seed: number) {
  const rand = seededRandom(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const text = () => Array.from({ length: int(7) }, () => pick(PIECES)).join("");
  const key = () => (rand() < 0.5 ? pick(KEYS) : text());
  const value = (depth: number): unknown => {
    const kind = int(depth < 3 ? 14 : 11);
    switch (kind) {
      case 0:
        return undefined;
      case 1:
        return null;
      case 2:
        return rand() < 0.5;
      case 3:
        return int(2_000_001) - 1_000_000;
      case 4:
        return pick(NUMBERS);
      case 5:
        return (rand() - 0.5) * 10 ** (int(40) - 20);
      case 6:
        return pick([0n, -1n, 2n ** 64n + 1n, -(3n ** 50n), BigInt(int(1000))]);
      case 7:
        return rand() < 0.8 ? new Date(int(4_102_444_800_000)) : new Date(NaN);
      case 8:
      case 9:
        return text();
      case 10:
        return rand() < 0.5 ? () => "fn" : Symbol("s");
      case 11:
      case 12:
        return Array.from({ length: int(5) }, () => value(depth + 1));
      default:
        return object(depth + 1);
    }
  };
  const object = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = int(6); i > 0; i--) {
      // defineProperty, so "__proto__" is a key like any other.
      Object.defineProperty(out, key(), { value: value(depth), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return { rand, text, details: () => object(0) };
}

const uuidUpper = (rand: () => number) =>
  "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx".replace(/x/g, () => Math.floor(rand() * 16).toString(16)).toUpperCase();

// ---- Helpers. ----

function withDatabase(): { get: () => Database } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return { get: () => handle!.db };
}

async function lastHash(db: Database): Promise<string> {
  const [last] = await db.select({ hash: auditEvent.hash }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(1);
  return last?.hash ?? GENESIS_HASH;
}

async function nextId(db: Database): Promise<number> {
  const [next] = rowsOf<{ id: string | number }>(await db.execute(sql`select nextval(pg_get_serial_sequence('audit_event', 'id')) as id`));
  return Number(next?.id);
}

/** The writer as it was before scheme 2: fields hashed as given, with scheme 1. */
async function recordSchemeOne(db: Database, details: Record<string, unknown>): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7412000002)`);
    const prevHash = await lastHash(tx);
    const fields: HashedFields = {
      id: await nextId(tx),
      occurredAt: new Date(),
      actorAccountId: null,
      actorRole: "system",
      organizationId: null,
      partnershipId: null,
      action: "test.scheme_one",
      targetType: "",
      targetId: "",
      requestId: "old-writer",
      ip: "",
      details,
      prevHash,
    };
    await tx.insert(auditEvent).values({ ...fields, hashScheme: 1, hash: hashAuditEvent(fields) });
    return fields.id;
  });
}

/** A row written by someone with SQL access, bypassing the writer. */
async function forge(db: Database, options: { hash?: string; prevHash?: string } = {}): Promise<number> {
  const id = await nextId(db);
  const prevHash = options.prevHash ?? (await lastHash(db));
  const fields = normalizeAuditFields({
    id,
    occurredAt: new Date(),
    actorAccountId: null,
    actorRole: "system",
    organizationId: null,
    partnershipId: null,
    action: "test.forged",
    targetType: "",
    targetId: "",
    requestId: "forger",
    ip: "",
    details: { forged: true },
    prevHash,
  });
  const hash = options.hash ?? hashAuditEventV2(fields);
  await db.execute(sql`
    insert into audit_event (id, occurred_at, actor_role, action, request_id, details, hash_scheme, prev_hash, hash)
    values (${id}, ${fields.occurredAt.toISOString()}, 'system', 'test.forged', 'forger', '{"forged": true}'::jsonb, 2, ${prevHash}, ${hash})`);
  return id;
}

const actor = systemActor("test");
const record = (db: Database, details: Record<string, unknown> = {}, who: AuditActor = actor) =>
  db.transaction((tx) => recordAuditEvent(tx, who, { action: "test.event", details }));

// ---- Tests. ----

const SEED = Number(process.env.AUDIT_PROPERTY_SEED ?? 20_260_409);
const CASES = 300;

describe("canonical hashing (scheme 2): what is stored is what is hashed", () => {
  const db = withDatabase();

  it(`random hostile details in ${CASES} events keep the chain valid (seed ${SEED})`, async () => {
    const gen = generator(SEED);
    const sent: Record<string, unknown>[] = [];
    for (let i = 0; i < CASES; i++) {
      const details = gen.details();
      sent.push(details);
      const who: AuditActor = {
        accountId: gen.rand() < 0.3 ? uuidUpper(gen.rand) : null,
        role: gen.text(),
        organizationId: gen.rand() < 0.3 ? `{${uuidUpper(gen.rand)}}` : null,
        partnershipId: gen.rand() < 0.3 ? uuidUpper(gen.rand).replace(/-/g, "") : null,
        requestId: gen.text(),
        ip: gen.text(),
      };
      await db.get().transaction((tx) =>
        recordAuditEvent(tx, who, { action: `test.random${gen.text()}`, targetType: gen.text(), targetId: gen.text(), details }),
      );
    }
    expect(await verifyAuditChain(db.get())).toEqual({ ok: true, count: CASES, broken: [], truncated: false });

    // The stored details are the normalized ones, to the byte of their canonical JSON.
    const rows = await db.get().select({ details: auditEvent.details, hashScheme: auditEvent.hashScheme }).from(auditEvent).orderBy(asc(auditEvent.id));
    expect(rows).toHaveLength(CASES);
    rows.forEach((row, i) => {
      expect(row.hashScheme).toBe(2);
      expect(canonicalJson(row.details as JsonObject)).toBe(canonicalJson(normalizeDetails(sent[i])));
    });
  });

  it("normalization is idempotent and a JSON round trip leaves it unchanged (many more values, no database)", () => {
    const gen = generator(SEED + 1);
    for (let i = 0; i < 3000; i++) {
      const once = normalizeDetails(gen.details());
      const text = canonicalJson(once);
      expect(canonicalJson(normalizeDetails(once))).toBe(text);
      expect(canonicalJson(normalizeJson(JSON.parse(JSON.stringify(once))))).toBe(text);
      expect(canonicalJson(JSON.parse(JSON.stringify(once)))).toBe(text);
    }
  });

  it("GET /admin/audit?after=abc is recorded and the chain still verifies (issue 9)", async () => {
    const filters = parseAuditFilters(new URLSearchParams("after=abc&before=-1&from=2026-13-01&to=2026-02-30&table=nope&action=role."));
    expect(Object.keys(filters)).toEqual(["action"]);
    expect(parseAuditFilters(new URLSearchParams("from=2024-02-29"))).toEqual({ from: "2024-02-29" });
    await recordAuditViewed(db.get(), actor, { partnershipId: null, filters });
    // Even handed undefined filters directly, nothing undefined reaches the details.
    await recordAuditViewed(db.get(), actor, { partnershipId: null, filters: { after: undefined, action: undefined } });
    const viewed = await listAuditEvents(db.get(), { partnershipId: null, action: "audit.viewed" });
    expect(viewed.events.map((e) => e.details)).toEqual([
      { scope: "all", filters: {} },
      { scope: "all", filters: { action: "role." } },
    ]);
    expect(await verifyAuditChain(db.get())).toMatchObject({ ok: true, broken: [] });
  });

  it("a NUL, a broken UTF-8 sequence or an upper-case Table id in the URL neither fails nor breaks the chain", async () => {
    const table = "9F0C2B7E-3A4D-4C1B-8E2F-0A1B2C3D4E5F";
    const filters = parseAuditFilters(new URLSearchParams(`action=a%00b&actor=%ED%A0%80&table=${table}`));
    expect(filters).toEqual({ action: "a\uFFFDb", actor: "\uFFFD\uFFFD\uFFFD", table: table.toLowerCase() });
    const page = await listAuditEvents(db.get(), { partnershipId: filters.table ?? null, action: filters.action, actorEmail: filters.actor });
    expect(page.events).toEqual([]);
    await recordAuditViewed(db.get(), actor, { partnershipId: table, filters: { ...filters, table } });
    const [row] = await db.get().select().from(auditEvent).orderBy(desc(auditEvent.id)).limit(1);
    expect(row?.partnershipId).toBe(table.toLowerCase());
    expect(await verifyAuditChain(db.get())).toMatchObject({ ok: true, broken: [] });
  });
});

describe("hash schemes and tampering", () => {
  const db = withDatabase();

  it("rows sealed with scheme 1 still verify, followed by scheme-2 rows", async () => {
    for (let i = 0; i < 3; i++) await recordSchemeOne(db.get(), { i, nested: { b: [1, "x"], a: null } });
    for (let i = 0; i < 3; i++) await record(db.get(), { i, when: new Date(), big: 2n ** 70n, gone: undefined });
    const schemes = await db.get().select({ s: auditEvent.hashScheme }).from(auditEvent).orderBy(asc(auditEvent.id));
    expect(schemes.map((r) => r.s)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(await verifyAuditChain(db.get())).toEqual({ ok: true, count: 6, broken: [], truncated: false });
  });

  it("lists a scheme-1 row sealed with the old undefined defect, and the rows after it still verify", async () => {
    const defective = await recordSchemeOne(db.get(), { filters: { after: undefined } });
    await record(db.get(), { after: "defect" });
    expect(await verifyAuditChain(db.get())).toEqual({
      ok: false,
      count: 8,
      broken: [{ id: defective, reason: "hash_mismatch" }],
      truncated: false,
    });
  });

  it("lists every forged row, each once, with the right reason, and the rows after them verify", async () => {
    const before = (await verifyAuditChain(db.get())).broken;
    const wrongHash = await forge(db.get(), { hash: "f".repeat(64) });
    await record(db.get(), { after: "forged hash" });
    const wrongLink = await forge(db.get(), { prevHash: "e".repeat(64) });
    await record(db.get(), { after: "forged link" });
    const both = await forge(db.get(), { prevHash: "d".repeat(64), hash: "c".repeat(64) });
    await record(db.get(), { after: "forged both" });
    const report = await verifyAuditChain(db.get());
    expect(report).toEqual({
      ok: false,
      count: 14,
      broken: [
        ...before,
        { id: wrongHash, reason: "hash_mismatch" },
        { id: wrongLink, reason: "broken_link" },
        { id: both, reason: "broken_link" },
        { id: both, reason: "hash_mismatch" },
      ],
      truncated: false,
    });
    // The same walk across small pages finds the same.
    expect(await verifyAuditChain(db.get(), { pageSize: 2 })).toEqual(report);
  });

  it("caps the list and says so", async () => {
    const report = await verifyAuditChain(db.get(), { maxBroken: 2 });
    expect(report.ok).toBe(false);
    expect(report.broken).toHaveLength(2);
    expect(report.truncated).toBe(true);
    expect(report.count).toBe(14);
  });

  it("a row relabelled to another scheme no longer verifies", async () => {
    const id = await nextId(db.get());
    const prevHash = await lastHash(db.get());
    const fields = normalizeAuditFields({
      id, occurredAt: new Date(), actorAccountId: null, actorRole: "system", organizationId: null, partnershipId: null,
      action: "test.relabelled", targetType: "", targetId: "", requestId: "", ip: "", details: {}, prevHash,
    });
    // Sealed under scheme 2, stored claiming scheme 1.
    await db.get().insert(auditEvent).values({ ...fields, hashScheme: 1, hash: hashAuditEventV2(fields) });
    const report = await verifyAuditChain(db.get());
    expect(report.broken.at(-1)).toEqual({ id, reason: "hash_mismatch" });
  });
});
