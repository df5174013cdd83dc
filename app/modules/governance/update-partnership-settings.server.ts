import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { parsePartnershipSettings, type PartnershipSettings } from "./partnership-settings.server.ts";
import { partnership } from "./tables.ts";

const months = z.coerce
  .number({ message: "admin.settings.months" })
  .int("admin.settings.months")
  .min(1, "admin.settings.months")
  .max(120, "admin.settings.months");

export const partnershipSettingsSchema = z.object({
  directoryFreshnessMonths: months,
  consultationRetentionMonths: months,
  version: z.coerce.number().int().min(1),
});

export async function getPartnershipSettingsForm(
  db: Database,
  partnershipId: string,
): Promise<(PartnershipSettings & { version: number }) | null> {
  const [row] = await db
    .select({ settings: partnership.settings, dpjPhone: partnership.dpjPhone, version: partnership.version })
    .from(partnership)
    .where(eq(partnership.id, partnershipId));
  return row ? { ...parsePartnershipSettings(row.settings, row.dpjPhone), version: row.version } : null;
}

/** Merges the two periods into partnership.settings, with a version check and an audit entry. */
export async function updatePartnershipSettings(
  db: Database,
  actor: AuditActor,
  input: z.output<typeof partnershipSettingsSchema> & { partnershipId: string },
): Promise<"ok" | "conflict" | "not_found"> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ settings: partnership.settings })
      .from(partnership)
      .where(eq(partnership.id, input.partnershipId));
    if (!current) return "not_found";
    const settings = {
      ...current.settings,
      directoryFreshnessMonths: input.directoryFreshnessMonths,
      consultationRetentionMonths: input.consultationRetentionMonths,
    };
    const updated = await tx
      .update(partnership)
      .set({ settings, version: sql`${partnership.version} + 1`, updatedAt: new Date() })
      .where(and(eq(partnership.id, input.partnershipId), eq(partnership.version, input.version)))
      .returning({ id: partnership.id });
    if (updated.length === 0) return "conflict";
    await recordAuditEvent(tx, actor, {
      action: "partnership.settings_updated",
      targetType: "partnership",
      targetId: input.partnershipId,
      partnershipId: input.partnershipId,
      details: {
        directoryFreshnessMonths: input.directoryFreshnessMonths,
        consultationRetentionMonths: input.consultationRetentionMonths,
      },
    });
    return "ok";
  });
}
