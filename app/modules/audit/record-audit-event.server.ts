import { desc, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { auditEvent } from "./tables.ts";
import { rowsOf } from "../db/rows.ts";
import { hashAuditEventV2, normalizeAuditFields, type HashedFields } from "./hash-scheme.ts";

export { hashAuditEvent, type HashedFields } from "./hash-scheme.ts";

/** Who did something, from where: built once per request by the route layer. */
export interface AuditActor {
  accountId: string | null;
  role: string;
  organizationId: string | null;
  partnershipId: string | null;
  requestId: string;
  ip: string;
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  /** Overrides the actor's Table/organization when the event concerns another scope. */
  partnershipId?: string | null;
  organizationId?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = "0".repeat(64);
const AUDIT_CHAIN_LOCK = 7_412_000_002;

/**
 * Appends one event to the chain. Call it inside the transaction of the change it records:
 * the event and the change commit or roll back together. The advisory lock serializes writers
 * until commit, so two transactions never chain onto the same predecessor.
 */
export async function recordAuditEvent(tx: Database, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ id: auditEvent.id, hash: auditEvent.hash })
    .from(auditEvent)
    .orderBy(desc(auditEvent.id))
    .limit(1);
  const [next] = rowsOf<{ id: string | number }>(
    await tx.execute(sql`select nextval(pg_get_serial_sequence('audit_event', 'id')) as id`),
  );
  const id = Number(next?.id);
  // Millisecond precision: what PostgreSQL stores is exactly what was hashed.
  const occurredAt = new Date();
  const given: HashedFields = {
    id,
    occurredAt,
    actorAccountId: actor.accountId,
    actorRole: actor.role,
    organizationId: entry.organizationId !== undefined ? entry.organizationId : actor.organizationId,
    partnershipId: entry.partnershipId !== undefined ? entry.partnershipId : actor.partnershipId,
    action: entry.action,
    targetType: entry.targetType ?? "",
    targetId: entry.targetId ?? "",
    requestId: actor.requestId,
    ip: actor.ip,
    details: entry.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  // Normalized once (scheme 2): the row stored is the row hashed, whatever the details hold.
  const fields = normalizeAuditFields(given);
  await tx.insert(auditEvent).values({ ...fields, hash: hashAuditEventV2(fields) });
}

/** An actor for work the system does by itself (jobs, CLI). */
export function systemActor(source: string, partnershipId: string | null = null): AuditActor {
  return { accountId: null, role: "system", organizationId: null, partnershipId, requestId: source, ip: "" };
}
