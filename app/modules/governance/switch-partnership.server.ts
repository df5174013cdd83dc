import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { setActivePartnership } from "../identity/session.server.ts";
import { getPartnership } from "./list-partnerships.server.ts";

/** A platform admin changes the Table they work in, for this session only. */
export async function switchActivePartnership(
  db: Database,
  actor: AuditActor,
  input: { sessionIdHash: string; partnershipId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const table = await getPartnership(tx, input.partnershipId);
    if (!table) return false;
    await setActivePartnership(tx, input.sessionIdHash, table.id);
    await recordAuditEvent(tx, actor, {
      action: "partnership.switched",
      targetType: "partnership",
      targetId: table.id,
      partnershipId: table.id,
      organizationId: null,
    });
    return true;
  });
}
