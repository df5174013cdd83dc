import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { getGuideVersion } from "./read-guide.server.ts";
import { saveGuideDraft, type GuideWriteResult } from "./write-guide.server.ts";
import { missing } from "../outcome/outcome.ts";

/**
 * "Restore this version": copies an older version's texts (both languages, exercises,
 * translation status) into a NEW draft. History is never rewritten; publishing the restored
 * draft is a separate, reviewed step. `baseNumber` is the newest number the editor saw, so a
 * version saved meanwhile by someone else answers "conflict" like any draft.
 */
export async function restoreGuideVersion(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; versionId: string; baseNumber: number; changeNote: string },
): Promise<GuideWriteResult> {
  const source = await getGuideVersion(db, input.partnershipId, input.versionId);
  if (!source) return missing();
  return saveGuideDraft(db, actor, {
    partnershipId: input.partnershipId,
    personId: input.personId,
    sectionId: source.sectionId,
    baseNumber: input.baseNumber,
    content: source.content,
    translationStatus: source.translationStatus,
    changeNote: input.changeNote,
    restoredFrom: { versionId: source.id, number: source.number },
  });
}
