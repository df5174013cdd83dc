import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { Role } from "../identity/tables.ts";

export interface RoleChange {
  role: Role;
  partnershipId: string | null;
  organizationId: string | null;
  personId: string;
}

/**
 * What must follow a role change in the same transaction, kept by the feature that owns its
 * history (the partners' delegate terms follow table_member). The caller passes it, as with
 * `Reindex`, so people need not know the features built on it. Each returns details added to
 * the role's audit event.
 */
export interface RoleEffects {
  granted(tx: Database, actor: AuditActor, change: RoleChange): Promise<Record<string, unknown>>;
  revoked(tx: Database, actor: AuditActor, change: RoleChange): Promise<Record<string, unknown>>;
}
