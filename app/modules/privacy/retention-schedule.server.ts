import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { readSettingsRow, settingMonths } from "../governance/settings-row.server.ts";
import { retentionSchedule } from "./tables.ts";
import { parseRetentionSchedule, RETENTION_KINDS, ruleWithinBounds, type RetentionSchedule } from "./retention-vocabulary.ts";

export interface StoredSchedule {
  rules: RetentionSchedule;
  /** 0 while the Table has never saved its schedule (the defaults apply). */
  version: number;
  updatedAt: Date | null;
}

/**
 * The Table's retention schedule, the one source of truth for every purge. Before a Table saves
 * its schedule, the consultations' rule takes the period the Table had set in its settings
 * (`partnership.settings.consultationRetentionMonths`, the setting the schedule replaced), so
 * nothing changes for a Table until it edits the schedule; the first save writes it here.
 */
export async function readRetentionSchedule(db: Database, partnershipId: string): Promise<StoredSchedule> {
  const [row] = await db.select().from(retentionSchedule).where(eq(retentionSchedule.partnershipId, partnershipId));
  if (row) return { rules: parseRetentionSchedule(row.rules), version: row.version, updatedAt: row.updatedAt };
  const rules = parseRetentionSchedule({});
  const legacy = (await readSettingsRow(db, partnershipId)).settings.consultationRetentionMonths;
  const months = settingMonths(legacy, RETENTION_KINDS.consultations.defaultMonths);
  rules.consultations = ruleWithinBounds("consultations", { months, disposition: "destroy" });
  return { rules, version: 0, updatedAt: null };
}
