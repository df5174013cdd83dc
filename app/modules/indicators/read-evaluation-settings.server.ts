import type { Database } from "../db/client.server.ts";
import { readSettingsRow } from "../governance/settings-row.server.ts";
import { parseEvaluationSettings, type EvaluationSettings } from "./evaluation-settings.ts";

export async function readEvaluationSettings(db: Database, partnershipId: string): Promise<EvaluationSettings> {
  return parseEvaluationSettings((await readSettingsRow(db, partnershipId)).settings);
}
