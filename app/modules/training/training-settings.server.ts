import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { partnership } from "../governance/tables.ts";
import { parseTrainingSettings, type TrainingSettings } from "./training-settings.ts";

export type { TrainingSettings } from "./training-settings.ts";

/** The Table's training settings with defaults (callers scope the Table before). */
export async function readTrainingSettings(db: Database, partnershipId: string): Promise<TrainingSettings> {
  const [row] = await db.select({ settings: partnership.settings }).from(partnership).where(eq(partnership.id, partnershipId)).limit(1);
  return parseTrainingSettings(row?.settings?.training);
}
