import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { contentVersion } from "../forms/content-version.server.ts";
import type { CommitmentTextInput } from "./partners-schema.ts";
import { commitmentTextVersion } from "./tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

export type CommitmentText = typeof commitmentTextVersion.$inferSelect;

/** Serializes writers of one Table's commitment text: numbers are max + 1, one published at a time. */
async function lockCommitmentText(tx: Database, partnershipId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filet.commitment_text:${partnershipId}`}))`);
}

/** Every version of the Table's commitment text, newest first. */
export async function listCommitmentTexts(db: Database, partnershipId: string): Promise<CommitmentText[]> {
  return db.select().from(commitmentTextVersion).where(eq(commitmentTextVersion.partnershipId, partnershipId)).orderBy(desc(commitmentTextVersion.number));
}

export async function getCommitmentText(db: Database, partnershipId: string, versionId: string): Promise<CommitmentText | null> {
  const [row] = await db
    .select()
    .from(commitmentTextVersion)
    .where(and(eq(commitmentTextVersion.partnershipId, partnershipId), eq(commitmentTextVersion.id, versionId)));
  return row ?? null;
}

/** The version written (or already published), or why not. */
export type TextWriteResult = Ok<string> | NotFound | Conflict;

type EditorRow = Pick<CommitmentText, "id" | "status" | "titleFr" | "titleEn" | "bodyFr" | "bodyEn" | "changeNote">;

/**
 * The version of what the draft form shows (the table has no version column): the draft's text,
 * or — with no draft — which version is published (the form then starts a new draft from it). A
 * save from a page drawn before someone else saved or published answers "conflict".
 */
export function draftFormVersion(versions: readonly EditorRow[]): number {
  const draft = versions.find((v) => v.status === "draft");
  if (draft) return contentVersion(["draft", draft.id, draft.titleFr, draft.titleEn, draft.bodyFr, draft.bodyEn, draft.changeNote]);
  return contentVersion(["none", versions.find((v) => v.status === "published")?.id ?? null]);
}

/**
 * Saves the draft: updates the current draft, or starts a new one (number max + 1) when there
 * is none. Published and archived versions are never rewritten. `version` is the
 * `draftFormVersion` the form was drawn with.
 */
export async function saveCommitmentDraft(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; version: number; text: CommitmentTextInput },
): Promise<TextWriteResult> {
  return db.transaction(async (tx) => {
    await lockCommitmentText(tx, input.partnershipId);
    if (draftFormVersion(await listCommitmentTexts(tx, input.partnershipId)) !== input.version) return conflict();
    const [draft] = await tx
      .select({ id: commitmentTextVersion.id, number: commitmentTextVersion.number })
      .from(commitmentTextVersion)
      .where(and(eq(commitmentTextVersion.partnershipId, input.partnershipId), eq(commitmentTextVersion.status, "draft")))
      .limit(1);
    let id: string;
    let number: number;
    if (draft) {
      await tx.update(commitmentTextVersion).set(input.text).where(eq(commitmentTextVersion.id, draft.id));
      ({ id, number } = draft);
    } else {
      const [max] = await tx
        .select({ n: sql<number>`coalesce(max(${commitmentTextVersion.number}), 0)` })
        .from(commitmentTextVersion)
        .where(eq(commitmentTextVersion.partnershipId, input.partnershipId));
      number = Number(max?.n ?? 0) + 1;
      const [row] = await tx
        .insert(commitmentTextVersion)
        .values({ partnershipId: input.partnershipId, number, status: "draft", ...input.text, createdBy: input.personId })
        .returning({ id: commitmentTextVersion.id });
      id = row!.id;
    }
    await recordAuditEvent(tx, actor, {
      action: "commitment_text.draft_saved",
      targetType: "commitment_text_version",
      targetId: id,
      partnershipId: input.partnershipId,
      details: { number },
    });
    return ok(id);
  });
}

/** Publishes the draft; the previously published version is archived. Publishing twice is harmless. */
export async function publishCommitmentText(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; versionId: string },
): Promise<TextWriteResult> {
  return db.transaction(async (tx) => {
    await lockCommitmentText(tx, input.partnershipId);
    const [target] = await tx
      .select({ id: commitmentTextVersion.id, status: commitmentTextVersion.status, number: commitmentTextVersion.number })
      .from(commitmentTextVersion)
      .where(and(eq(commitmentTextVersion.partnershipId, input.partnershipId), eq(commitmentTextVersion.id, input.versionId)));
    if (!target) return missing();
    if (target.status === "published") return ok(target.id);
    if (target.status !== "draft") return conflict();
    const archived = await tx
      .update(commitmentTextVersion)
      .set({ status: "archived" })
      .where(
        and(
          eq(commitmentTextVersion.partnershipId, input.partnershipId),
          eq(commitmentTextVersion.status, "published"),
          ne(commitmentTextVersion.id, target.id),
        ),
      )
      .returning({ number: commitmentTextVersion.number });
    await tx
      .update(commitmentTextVersion)
      .set({ status: "published", publishedBy: input.personId, publishedAt: new Date() })
      .where(eq(commitmentTextVersion.id, target.id));
    await recordAuditEvent(tx, actor, {
      action: "commitment_text.published",
      targetType: "commitment_text_version",
      targetId: target.id,
      partnershipId: input.partnershipId,
      details: { number: target.number, archived: archived.map((a) => a.number) },
    });
    return ok(target.id);
  });
}
