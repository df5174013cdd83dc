import { and, eq, isNull, ne } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import { forumSpace } from "./tables.ts";

type StandardSpaceKind = "network" | "milieu" | "organization" | "table";

/**
 * The spaces every Table has, derived from its organizations: the whole network, one per milieu
 * (each organization type present among current organizations), one per organization's pivots,
 * and the Table's own space ("La Table": its delegates and coordinator).
 * Idempotent (a unique index; two requests at once insert once), audited when it adds one.
 * Working groups are created by people (create-space.server.ts). `kinds` narrows it to what a
 * caller needs (a news item needs the network's space only, not the spaces of organizations
 * added since someone last opened the network).
 */
export async function ensureStandardSpaces(db: Database, partnershipId: string, kinds: readonly StandardSpaceKind[] = ["network", "milieu", "organization", "table"]): Promise<number> {
  const orgs = await db
    .select({ id: organization.id, type: organization.type })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), isNull(organization.leftOn)));
  const existing = await db
    .select({ kind: forumSpace.kind, milieu: forumSpace.milieu, organizationId: forumSpace.organizationId })
    .from(forumSpace)
    .where(and(eq(forumSpace.partnershipId, partnershipId), ne(forumSpace.kind, "group")));
  const have = new Set(existing.map((s) => `${s.kind}|${s.milieu ?? ""}|${s.organizationId ?? ""}`));
  const wanted: { kind: StandardSpaceKind; milieu: string | null; organizationId: string | null }[] = [
    { kind: "network", milieu: null, organizationId: null },
    ...[...new Set(orgs.map((o) => o.type as string))].sort().map((milieu) => ({ kind: "milieu" as const, milieu, organizationId: null })),
    ...orgs.map((o) => ({ kind: "organization" as const, milieu: null, organizationId: o.id })),
    { kind: "table", milieu: null, organizationId: null },
  ];
  const missing = wanted.filter((w) => kinds.includes(w.kind) && !have.has(`${w.kind}|${w.milieu ?? ""}|${w.organizationId ?? ""}`));
  if (!missing.length) return 0;
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(forumSpace)
      .values(missing.map((m) => ({ partnershipId, ...m })))
      .onConflictDoNothing()
      .returning({ id: forumSpace.id, kind: forumSpace.kind, milieu: forumSpace.milieu, organizationId: forumSpace.organizationId });
    for (const r of rows) {
      await recordAuditEvent(tx, systemActor("network-spaces", partnershipId), {
        action: "forum_space.created",
        targetType: "forum_space",
        targetId: r.id,
        partnershipId,
        details: { kind: r.kind, milieu: r.milieu, organizationId: r.organizationId },
      });
    }
    return rows.length;
  });
}
