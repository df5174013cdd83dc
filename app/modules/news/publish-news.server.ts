import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { flagged, type Flagged } from "../consultations/guard-refusal.server.ts";
import { guardPostTexts, hasFindings } from "../forum/post-guard.server.ts";
import { guideSectionVersion } from "../guide/tables.ts";
import { ok, type Ok } from "../outcome/outcome.ts";
import { translator } from "../../i18n/catalog.ts";
import type { NewsInput } from "./news-schema.ts";
import { openNewsThread } from "./news-thread.server.ts";
import { newsItem } from "./tables.ts";

export interface Publisher {
  partnershipId: string;
  personId: string;
  locale: "fr" | "en";
}

/**
 * An article: its title and body pass the identifying-details guard (the forum posts' finder,
 * mentions of colleagues allowed); then the item, its comment thread and the audit event commit
 * together. The route has checked `news.publish` in this Table.
 */
export async function publishNews(db: Database, actor: AuditActor, input: { publisher: Publisher; fields: NewsInput; publicUrl: string }): Promise<Ok<string> | Flagged> {
  const { publisher, fields } = input;
  const { findings } = await guardPostTexts(db, publisher.partnershipId, { title: fields.title, body: fields.body });
  if (hasFindings(findings)) return flagged(findings);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(newsItem)
      .values({ partnershipId: publisher.partnershipId, kind: "article", title: fields.title, body: fields.body, authorPersonId: publisher.personId })
      .returning({ id: newsItem.id });
    const id = row!.id;
    const threadId = await openNewsThread(tx, actor, { ...publisher, newsId: id, title: fields.title, publicUrl: input.publicUrl });
    if (threadId) await tx.update(newsItem).set({ forumThreadId: threadId }).where(eq(newsItem.id, id));
    await recordAuditEvent(tx, actor, {
      action: "news_item.published",
      targetType: "news_item",
      targetId: id,
      partnershipId: publisher.partnershipId,
      details: { kind: "article", threadId },
    });
    return ok(id);
  });
}

/**
 * "Section révisée : …": called by the guide's publish step, in its transaction, when a section
 * version is published. One item per version (a unique index): publishing the same version
 * again, or two requests at once, adds nothing. Its body is the version's change note; its
 * title is rendered from the guide in the reader's language (the French one is stored).
 */
export async function announceGuideRevision(
  tx: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; versionId: string; locale?: "fr" | "en"; publicUrl: string },
): Promise<string | null> {
  const [version] = await tx
    .select({ sectionId: guideSectionVersion.sectionId, number: guideSectionVersion.number, content: guideSectionVersion.content, changeNote: guideSectionVersion.changeNote })
    .from(guideSectionVersion)
    .where(and(eq(guideSectionVersion.partnershipId, input.partnershipId), eq(guideSectionVersion.id, input.versionId)));
  if (!version) return null;
  const [row] = await tx
    .insert(newsItem)
    .values({
      partnershipId: input.partnershipId,
      kind: "guide_update",
      title: version.content.titleFr,
      body: version.changeNote,
      authorPersonId: input.personId,
      guideSectionId: version.sectionId,
      guideVersionId: input.versionId,
    })
    .onConflictDoNothing()
    .returning({ id: newsItem.id });
  if (!row) return null;
  const locale = input.locale ?? "fr";
  const sectionTitle = locale === "en" && version.content.titleEn.trim() ? version.content.titleEn : version.content.titleFr;
  const title = translator(locale)("news.guideUpdate.title", { section: sectionTitle });
  // A section title the guard would stop (unlikely: the guide is reviewed) leaves the item without a thread rather than the guide unpublished.
  const threadId = await openNewsThread(tx, actor, { partnershipId: input.partnershipId, personId: input.personId, newsId: row.id, title, locale, publicUrl: input.publicUrl });
  if (threadId) await tx.update(newsItem).set({ forumThreadId: threadId }).where(eq(newsItem.id, row.id));
  await recordAuditEvent(tx, actor, {
    action: "news_item.published",
    targetType: "news_item",
    targetId: row.id,
    partnershipId: input.partnershipId,
    details: { kind: "guide_update", sectionId: version.sectionId, versionId: input.versionId, number: version.number, threadId },
  });
  return row.id;
}
