import { and, asc, count, eq, gt, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { auditEvent } from "./tables.ts";
import { GENESIS_HASH, recordAuditEvent, type AuditActor } from "./record-audit-event.server.ts";
import { hashUnderScheme } from "./hash-scheme.ts";
import type { JsonObject } from "./canonical-json.ts";

export type AuditChainFault = "hash_mismatch" | "broken_link";

export interface AuditChainReport {
  ok: boolean;
  /** Events read. */
  count: number;
  /**
   * Every problem found, in id order: `broken_link` when a row does not chain on the row
   * before it (a row missing, inserted or reordered), `hash_mismatch` when its hash is not the
   * hash of its content under its own scheme (a row altered). A row can appear under both.
   */
  broken: { id: number; reason: AuditChainFault }[];
  /** True when more problems were found than `broken` lists. */
  truncated: boolean;
}

export const AUDIT_BROKEN_LIST_CAP = 1000;

/**
 * Walks the whole chain in id order, in pages, and lists every row that does not hold. Each
 * row is checked under its own hash scheme. After a faulty row the walk goes on from that
 * row's stored hash, so one altered row is reported once, not with every row after it.
 */
export async function verifyAuditChain(
  db: Database,
  options: { pageSize?: number; maxBroken?: number } = {},
): Promise<AuditChainReport> {
  const pageSize = options.pageSize ?? 1000;
  const maxBroken = options.maxBroken ?? AUDIT_BROKEN_LIST_CAP;
  const broken: AuditChainReport["broken"] = [];
  let truncated = false;
  const fault = (id: number, reason: AuditChainFault) => {
    if (broken.length < maxBroken) broken.push({ id, reason });
    else truncated = true;
  };
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvent)
      .where(gt(auditEvent.id, afterId))
      .orderBy(asc(auditEvent.id))
      .limit(pageSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      count++;
      if (row.prevHash !== prevHash) fault(row.id, "broken_link");
      const { hash, ...fields } = row;
      let expected: string | null;
      try {
        expected = hashUnderScheme({ ...fields, details: fields.details as JsonObject });
      } catch {
        expected = null;
      }
      if (expected !== hash) fault(row.id, "hash_mismatch");
      prevHash = hash;
      afterId = row.id;
    }
  }
  return { ok: broken.length === 0 && !truncated, count, broken, truncated };
}

/**
 * A verification asked for from the audit page: the reading of the whole chain is journaled too.
 * There is one chain for the platform, so a Table's privacy officer gets its verdict, but only the
 * faulty events of their own Table by number, and their Table's count (`partnershipId` set): the
 * other Tables' volume and event numbers are not theirs to read.
 */
export async function verifyAuditChainAsked(db: Database, actor: AuditActor, partnershipId: string | null = null): Promise<AuditChainReport> {
  const whole = await verifyAuditChain(db);
  const report = partnershipId ? await scopeReport(db, whole, partnershipId) : whole;
  await db.transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "audit.chain_verified",
      targetType: "audit_event",
      targetId: "",
      ...(partnershipId ? { partnershipId } : {}),
      details: { ok: report.ok, count: report.count, broken: report.broken.length },
    }),
  );
  return report;
}

async function scopeReport(db: Database, whole: AuditChainReport, partnershipId: string): Promise<AuditChainReport> {
  const ids = whole.broken.map((b) => b.id);
  const own = ids.length
    ? new Set((await db.select({ id: auditEvent.id }).from(auditEvent).where(and(eq(auditEvent.partnershipId, partnershipId), inArray(auditEvent.id, ids)))).map((r) => r.id))
    : new Set<number>();
  const [counted] = await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.partnershipId, partnershipId));
  return { ok: whole.ok, count: counted?.n ?? 0, broken: whole.broken.filter((b) => own.has(b.id)), truncated: whole.truncated };
}
