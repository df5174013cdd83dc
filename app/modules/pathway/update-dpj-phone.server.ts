import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { partnership } from "../governance/tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

/** The Table's DPJ line and its row version, for the pathway editor's settings form. */
export async function getDpjPhoneSetting(
  db: Database,
  partnershipId: string,
): Promise<{ dpjPhone: string; version: number } | null> {
  const [row] = await db
    .select({ dpjPhone: partnership.dpjPhone, version: partnership.version })
    .from(partnership)
    .where(eq(partnership.id, partnershipId))
    .limit(1);
  return row ?? null;
}

/** Sets the regional DPJ reporting line shown on the pathway (version-checked, audited). */
export async function updateDpjPhone(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; dpjPhone: string; version: number },
): Promise<Ok | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ dpjPhone: partnership.dpjPhone })
      .from(partnership)
      .where(eq(partnership.id, input.partnershipId))
      .limit(1);
    if (!before) return missing();
    const updated = await tx
      .update(partnership)
      .set({ dpjPhone: input.dpjPhone, version: sql`${partnership.version} + 1`, updatedAt: new Date() })
      .where(and(eq(partnership.id, input.partnershipId), eq(partnership.version, input.version)))
      .returning({ id: partnership.id });
    if (updated.length === 0) return conflict();
    await recordAuditEvent(tx, actor, {
      action: "partnership.dpj_phone_updated",
      targetType: "partnership",
      targetId: input.partnershipId,
      partnershipId: input.partnershipId,
      organizationId: null,
      details: { from: before.dpjPhone, to: input.dpjPhone },
    });
    return ok();
  });
}
