import { can } from "../authz/decide.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { parseAuditFilters, type AuditFilters, type AuditQuery } from "./list-audit-events.server.ts";

export interface AuditScope {
  /** A grant that holds everywhere (platform admin): reads across Tables and verifies the chain. */
  global: boolean;
  partnershipId: string | null;
  filters: AuditFilters;
  query: AuditQuery;
}

/**
 * Which events a reader may see, for the page and its CSV alike. Deny by default: only a
 * global grant reads every Table; anyone else reads their current Table or nothing (null).
 */
export function auditScope(user: CurrentUser, params: URLSearchParams): AuditScope | null {
  const global = can(user.roles, "audit.read", { partnershipId: null });
  if (!global && !user.partnershipId) return null;
  const filters = parseAuditFilters(params);
  const partnershipId = global ? (filters.table ?? null) : user.partnershipId;
  return {
    global,
    partnershipId,
    filters,
    query: {
      partnershipId,
      action: filters.action,
      kind: filters.kind,
      actorEmail: filters.actor,
      targetType: filters.targetType,
      from: filters.from,
      to: filters.to,
      before: filters.before,
      after: filters.after,
    },
  };
}
