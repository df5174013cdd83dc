import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { guardPostTexts, hasFindings } from "../forum/post-guard.server.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { NewsInput } from "./news-schema.ts";
import { newsItem } from "./tables.ts";

export type EditNewsResult = Ok<string> | NotFound | Conflict | Refused<"news.refused.guideUpdate"> | Flagged;

/**
 * Edits an article (a guide update follows its guide section: it is archived, not rewritten).
 * The texts pass the guard; the row's version must be the one the editor saw (409 otherwise).
 * Only its author or the Table coordinator (`mayChange`, decided by the caller from the row).
 */
export async function editNews(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; id: string; version: number; fields: NewsInput; mayChange: (authorPersonId: string) => boolean },
): Promise<EditNewsResult> {
  const { findings } = await guardPostTexts(db, input.partnershipId, { title: input.fields.title, body: input.fields.body });
  if (hasFindings(findings)) return flagged(findings);
  return db.transaction(async (tx): Promise<EditNewsResult> => {
    const [row] = await tx
      .select({ id: newsItem.id, kind: newsItem.kind, authorPersonId: newsItem.authorPersonId, version: newsItem.version })
      .from(newsItem)
      .where(and(eq(newsItem.partnershipId, input.partnershipId), eq(newsItem.id, input.id), isNull(newsItem.archivedAt)))
      .for("update");
    if (!row || !input.mayChange(row.authorPersonId)) return missing();
    if (row.kind !== "article") return refusal("news.refused.guideUpdate");
    if (row.version !== input.version) return conflict();
    await tx
      .update(newsItem)
      .set({ title: input.fields.title, body: input.fields.body, version: row.version + 1, updatedAt: new Date() })
      .where(eq(newsItem.id, row.id));
    await recordAuditEvent(tx, actor, { action: "news_item.edited", targetType: "news_item", targetId: row.id, partnershipId: input.partnershipId, details: { version: row.version + 1 } });
    return ok(row.id);
  });
}

/**
 * Archives a news item (soft: the row, its thread and comments stay; the feed and its page no
 * longer show it). Version-checked; its author or the Table coordinator.
 */
export async function archiveNews(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; id: string; version: number; mayChange: (authorPersonId: string) => boolean },
): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: newsItem.id, authorPersonId: newsItem.authorPersonId, version: newsItem.version, archivedAt: newsItem.archivedAt })
      .from(newsItem)
      .where(and(eq(newsItem.partnershipId, input.partnershipId), eq(newsItem.id, input.id)))
      .for("update");
    if (!row || !input.mayChange(row.authorPersonId)) return missing();
    // Archived meanwhile (by someone else, or this very form sent twice): the form is stale.
    if (row.archivedAt || row.version !== input.version) return conflict();
    const now = new Date();
    await tx
      .update(newsItem)
      .set({ archivedAt: now, archivedByPersonId: input.personId, version: row.version + 1, updatedAt: now })
      .where(eq(newsItem.id, row.id));
    await recordAuditEvent(tx, actor, { action: "news_item.archived", targetType: "news_item", targetId: row.id, partnershipId: input.partnershipId, details: {} });
    return ok(row.id);
  });
}
