import type { Database } from "../db/client.server.ts";
import { readSettingsRow } from "../governance/settings-row.server.ts";
import { parseMeetingKinds } from "./meeting-kinds.ts";
import type { CustomMeetingKind } from "./vocabulary.ts";

/** The meeting kinds the Table added to the built-in ones (partnership.settings.meetingKinds). */
export async function readMeetingKinds(db: Database, partnershipId: string): Promise<CustomMeetingKind[]> {
  return parseMeetingKinds((await readSettingsRow(db, partnershipId)).settings.meetingKinds);
}
