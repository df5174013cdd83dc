import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { lockPathway } from "./pathway-lock.server.ts";
import { normalizeContent, pathwayLanguages, pathwayTextKeys, textsOf } from "./steps.ts";
import { pathwayVersion, type PathwayContent } from "./tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

/** The version written (or already there), or why not. */
export type PathwayWriteResult = Ok<string> | Conflict | NotFound;

interface NewDraft {
  partnershipId: string;
  /** person.id of the editor (shown in the history). */
  personId: string;
  content: PathwayContent;
  changeNote: string;
  /** The highest version number the editor saw: anything newer means someone else saved meanwhile. */
  baseNumber: number;
  restoredFrom?: string | null;
}

/** "fr.signs", "en.duty"…: which texts differ, for the history and the audit log. */
export function changedTexts(before: PathwayContent | null, after: PathwayContent): string[] {
  const changed: string[] = [];
  for (const language of pathwayLanguages) {
    const a = before ? textsOf(before, language) : null;
    const b = textsOf(after, language);
    for (const key of pathwayTextKeys) if (!a || a[key] !== b[key]) changed.push(`${language}.${key}`);
  }
  return changed;
}

/**
 * Every save is a new version (history is never rewritten); the previous pending draft is
 * archived so at most one draft waits for publication. Version check on the Table's latest
 * number. Resubmitting the same form (double click) finds its own draft and succeeds once.
 */
export async function createPathwayDraft(db: Database, actor: AuditActor, input: NewDraft): Promise<PathwayWriteResult> {
  const content = normalizeContent(input.content);
  return db.transaction(async (tx) => {
    await lockPathway(tx, input.partnershipId);
    const [latest] = await tx
      .select()
      .from(pathwayVersion)
      .where(eq(pathwayVersion.partnershipId, input.partnershipId))
      .orderBy(desc(pathwayVersion.number))
      .limit(1);
    const latestNumber = latest?.number ?? 0;
    if (latestNumber !== input.baseNumber) {
      const sameAsMine =
        latest &&
        latest.status === "draft" &&
        latest.number === input.baseNumber + 1 &&
        latest.createdBy === input.personId &&
        latest.changeNote === input.changeNote &&
        (latest.restoredFrom ?? null) === (input.restoredFrom ?? null) &&
        changedTexts(latest.content, content).length === 0;
      return sameAsMine ? ok(latest.id) : conflict();
    }
    await tx
      .update(pathwayVersion)
      .set({ status: "archived" })
      .where(and(eq(pathwayVersion.partnershipId, input.partnershipId), eq(pathwayVersion.status, "draft")));
    const [row] = await tx
      .insert(pathwayVersion)
      .values({
        partnershipId: input.partnershipId,
        number: latestNumber + 1,
        status: "draft",
        content,
        validatedByTable: false,
        changeNote: input.changeNote,
        restoredFrom: input.restoredFrom ?? null,
        createdBy: input.personId,
      })
      .returning({ id: pathwayVersion.id });
    await recordAuditEvent(tx, actor, {
      action: input.restoredFrom ? "pathway.restored" : "pathway.draft_saved",
      targetType: "pathway_version",
      targetId: row!.id,
      partnershipId: input.partnershipId,
      details: {
        number: latestNumber + 1,
        changed: changedTexts(latest?.content ?? null, content),
        restoredFrom: input.restoredFrom ?? null,
      },
    });
    return ok(row!.id);
  });
}

/** Copies an old version into a new draft (nothing is overwritten; publishing is a separate step). */
export async function restorePathwayVersion(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; versionId: string; baseNumber: number; changeNote: string },
): Promise<PathwayWriteResult> {
  const [source] = await db
    .select({ id: pathwayVersion.id, content: pathwayVersion.content })
    .from(pathwayVersion)
    .where(and(eq(pathwayVersion.partnershipId, input.partnershipId), eq(pathwayVersion.id, input.versionId)))
    .limit(1);
  if (!source) return missing();
  return createPathwayDraft(db, actor, {
    partnershipId: input.partnershipId,
    personId: input.personId,
    content: source.content,
    changeNote: input.changeNote,
    baseNumber: input.baseNumber,
    restoredFrom: source.id,
  });
}
