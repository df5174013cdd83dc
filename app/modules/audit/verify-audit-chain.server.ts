import { asc, gt } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { auditEvent } from "./tables.ts";
import { GENESIS_HASH, hashAuditEvent } from "./record-audit-event.server.ts";

export type AuditChainReport =
  | { ok: true; count: number }
  | { ok: false; count: number; brokenId: number; reason: "hash_mismatch" | "broken_link" };

/** Walks the whole chain in id order, in pages, and names the first row that does not hold. */
export async function verifyAuditChain(db: Database, pageSize = 1000): Promise<AuditChainReport> {
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
    if (rows.length === 0) return { ok: true, count };
    for (const row of rows) {
      count++;
      if (row.prevHash !== prevHash) return { ok: false, count, brokenId: row.id, reason: "broken_link" };
      const { hash, ...fields } = row;
      if (hashAuditEvent(fields) !== hash) return { ok: false, count, brokenId: row.id, reason: "hash_mismatch" };
      prevHash = hash;
      afterId = row.id;
    }
  }
}
