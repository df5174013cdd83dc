import { and, desc, asc, eq, gte, lt, gt, ilike, like, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "./record-audit-event.server.ts";
import { account } from "../identity/tables.ts";
import { auditEvent } from "./tables.ts";
import { normalizeText } from "./canonical-json.ts";
import { AUDIT_KINDS, auditKinds, type AuditKind } from "./action-kinds.ts";

// 25 events a page: each row carries who, what and the details in words (about 1 KB), and a page stays under its budget (issue 10); older ones are a cursor away.
export const AUDIT_PAGE_SIZE = 25;

export interface AuditQuery {
  /** The Table whose events are read; null means every Table (platform admins only). */
  partnershipId: string | null;
  /** Prefix of the action: "role." finds role.granted and role.revoked. */
  action?: string;
  /** A kind of event: any of its action prefixes. */
  kind?: AuditKind;
  actorEmail?: string;
  targetType?: string;
  /** Inclusive UTC calendar days, YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
  /** Keyset pagination by id, newest first: rows older than `before`, or newer than `after`. */
  before?: number | null;
  after?: number | null;
  limit?: number;
}

export interface AuditRow {
  id: number;
  occurredAt: Date;
  actorAccountId: string | null;
  actorEmail: string | null;
  actorRole: string;
  organizationId: string | null;
  partnershipId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  requestId: string;
  ip: string;
  details: Record<string, unknown>;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function nextDay(day: string): Date {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * Reads the journal, newest first, filtered. The Table is in the WHERE clause: a privacy
 * officer never sees another Table's events. Returns the page and the ids to continue from.
 */
export async function listAuditEvents(db: Database, query: AuditQuery) {
  const limit = query.limit ?? AUDIT_PAGE_SIZE;
  const where: SQL[] = [];
  if (query.partnershipId) where.push(eq(auditEvent.partnershipId, query.partnershipId));
  if (query.action) where.push(like(auditEvent.action, `${escapeLike(query.action)}%`));
  if (query.kind) where.push(or(...AUDIT_KINDS[query.kind].map((p) => like(auditEvent.action, `${escapeLike(p)}%`)))!);
  if (query.actorEmail) where.push(ilike(account.email, `%${escapeLike(query.actorEmail.toLowerCase())}%`));
  if (query.targetType) where.push(eq(auditEvent.targetType, query.targetType));
  if (query.from) where.push(gte(auditEvent.occurredAt, new Date(`${query.from}T00:00:00.000Z`)));
  if (query.to) where.push(lt(auditEvent.occurredAt, nextDay(query.to)));
  const paging = query.after ? gt(auditEvent.id, query.after) : query.before ? lt(auditEvent.id, query.before) : undefined;
  const rows: AuditRow[] = await db
    .select({
      id: auditEvent.id,
      occurredAt: auditEvent.occurredAt,
      actorAccountId: auditEvent.actorAccountId,
      actorEmail: account.email,
      actorRole: auditEvent.actorRole,
      organizationId: auditEvent.organizationId,
      partnershipId: auditEvent.partnershipId,
      action: auditEvent.action,
      targetType: auditEvent.targetType,
      targetId: auditEvent.targetId,
      requestId: auditEvent.requestId,
      ip: auditEvent.ip,
      details: auditEvent.details,
    })
    .from(auditEvent)
    .leftJoin(account, eq(account.id, auditEvent.actorAccountId))
    .where(and(...where, paging))
    // Going back ("newer") reads upwards from the cursor, then the page is flipped.
    .orderBy(query.after ? asc(auditEvent.id) : desc(auditEvent.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (query.after) page.reverse();
  const first = page[0]?.id ?? null;
  const last = page[page.length - 1]?.id ?? null;
  return {
    events: page,
    // Older rows exist when we read downwards and got one extra, or when we came from a newer page.
    olderCursor: last !== null && (query.after ? true : more) ? last : null,
    newerCursor: first !== null && (query.after ? more : !!query.before) ? first : null,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day (2026-13-01 or 2026-02-30 would become an Invalid Date in the query). */
function isDay(day: string): boolean {
  if (!DAY.test(day)) return false;
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
const cursor = z.coerce.number().int().positive().optional().catch(undefined);

/** The viewer's filters from the query string; anything malformed is dropped, not an error. */
export const auditFilterSchema = z.object({
  // Lower case, as the database gives a uuid back (and as the audit event stores it).
  table: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
    .transform((id) => id.toLowerCase())
    .optional()
    .catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(auditKinds as [AuditKind, ...AuditKind[]]).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  targetType: z.string().trim().max(50).optional().catch(undefined),
  from: z.string().refine(isDay).optional().catch(undefined),
  to: z.string().refine(isDay).optional().catch(undefined),
  before: cursor,
  after: cursor,
  verify: z.literal("1").optional().catch(undefined),
});

export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** The filters that are set, and only those: no key left undefined (they go into audit details). */
function setFilters(filters: AuditFilters): AuditFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as AuditFilters;
}

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  // NUL (%00) is refused by PostgreSQL in any text: it becomes U+FFFD before reaching a query.
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== "").map(([k, v]) => [k, normalizeText(v)]));
  return setFilters(auditFilterSchema.parse(raw));
}

/** Reading the journal is itself journaled: who looked, at what, with which filters. */
export async function recordAuditViewed(db: Database, actor: AuditActor, input: { partnershipId: string | null; filters: AuditFilters }) {
  await db.transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "audit.viewed",
      targetType: "audit_event",
      targetId: "",
      partnershipId: input.partnershipId ?? actor.partnershipId,
      details: { scope: input.partnershipId ?? "all", filters: setFilters(input.filters) },
    }),
  );
}
