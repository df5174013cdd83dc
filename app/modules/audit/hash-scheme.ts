import { createHash } from "node:crypto";
import { canonicalJson, normalizeColumnText, normalizeDetails, type JsonObject } from "./canonical-json.ts";

/**
 * How an audit event's hash is computed. Each row keeps the scheme it was sealed with
 * (`audit_event.hash_scheme`) and is verified under it, so a new scheme never rewrites history.
 *
 * - 1: the first rule (issue 2). Kept exactly as written for the rows sealed with it. Its
 *   serializer hashed `undefined` as null while jsonb drops the key, so such a row never
 *   verified; it also hashed NUL, lone surrogates or upper-case UUIDs as sent, not as stored.
 * - 2: every field normalized first (`normalizeAuditFields`), stored as normalized, hashed as
 *   RFC 8785 canonical JSON of the fields, `hashScheme` included. New events use it.
 */
/** The fields sealed by scheme 1 (the row without `hash` and `hash_scheme`). */
export interface HashedFields {
  id: number;
  occurredAt: Date;
  actorAccountId: string | null;
  actorRole: string;
  organizationId: string | null;
  partnershipId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  requestId: string;
  ip: string;
  details: Record<string, unknown>;
  prevHash: string;
}

// ---- Scheme 1: unchanged, for the rows sealed with it. ----

/** Canonical JSON: keys sorted at every depth so the hash does not depend on key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

export function hashAuditEvent(fields: HashedFields): string {
  return createHash("sha256")
    .update(canonical({ ...fields, occurredAt: fields.occurredAt.toISOString() }))
    .digest("hex");
}

// ---- Scheme 2. ----

/** The fields sealed by scheme 2: scheme 1's, normalized, plus the scheme itself. */
export interface SealedFields extends Omit<HashedFields, "details"> {
  details: JsonObject;
  hashScheme: number;
}

const UUID_DIGITS = /^[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}$/i;

/**
 * A UUID as PostgreSQL gives it back (lower case, 8-4-4-4-12), from any form its `uuid` type
 * accepts (upper case, braces, hyphens after any group of four digits). Anything else is left
 * as is: the insert refuses it.
 */
export function normalizeUuid(value: string | null): string | null {
  if (value === null) return null;
  const inner = value.startsWith("{") && value.endsWith("}") ? value.slice(1, -1) : value;
  if (!UUID_DIGITS.test(inner)) return value;
  const hex = inner.replace(/-/g, "").toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The row as the database will store and give it back: what the writer inserts and hashes. */
export function normalizeAuditFields(fields: HashedFields): SealedFields {
  return {
    id: fields.id,
    // Millisecond precision: what PostgreSQL stores is exactly this instant.
    occurredAt: fields.occurredAt,
    actorAccountId: normalizeUuid(fields.actorAccountId),
    actorRole: normalizeColumnText(fields.actorRole),
    organizationId: normalizeUuid(fields.organizationId),
    partnershipId: normalizeUuid(fields.partnershipId),
    action: normalizeColumnText(fields.action),
    targetType: normalizeColumnText(fields.targetType),
    targetId: normalizeColumnText(fields.targetId),
    requestId: normalizeColumnText(fields.requestId),
    ip: normalizeColumnText(fields.ip),
    details: normalizeDetails(fields.details),
    prevHash: fields.prevHash,
    hashScheme: 2,
  };
}

/**
 * Scheme 2: sha256 of the RFC 8785 JSON of the fields. The fields must already be normalized
 * (as written, or as read back): the hash is of exactly what is stored.
 */
export function hashAuditEventV2(fields: SealedFields): string {
  const sealed: JsonObject = {
    id: fields.id,
    occurredAt: fields.occurredAt.toISOString(),
    actorAccountId: fields.actorAccountId,
    actorRole: fields.actorRole,
    organizationId: fields.organizationId,
    partnershipId: fields.partnershipId,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    requestId: fields.requestId,
    ip: fields.ip,
    details: fields.details,
    prevHash: fields.prevHash,
    hashScheme: fields.hashScheme,
  };
  return createHash("sha256").update(canonicalJson(sealed)).digest("hex");
}

/** The hash a stored row should carry under its own scheme; null for a scheme we do not know. */
export function hashUnderScheme(row: SealedFields): string | null {
  switch (row.hashScheme) {
    case 1:
      // Exactly the fields scheme 1 sealed: a column added later must not enter old hashes.
      return hashAuditEvent({
        id: row.id,
        occurredAt: row.occurredAt,
        actorAccountId: row.actorAccountId,
        actorRole: row.actorRole,
        organizationId: row.organizationId,
        partnershipId: row.partnershipId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        requestId: row.requestId,
        ip: row.ip,
        details: row.details,
        prevHash: row.prevHash,
      });
    case 2:
      return hashAuditEventV2(row);
    default:
      return null;
  }
}
