import { and, desc, eq, isNull, max, ne } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { announceGuideRevision } from "../news/publish-news.server.ts";
import { lockGuideSection } from "./guide-lock.server.ts";
import { notifyGuideReviewers } from "./notify-reviewers.server.ts";
import { guideModule, guideReviewComment, guideSection, guideSectionVersion } from "./tables.ts";
import type { GuideSectionContent, TranslationStatus } from "./vocabulary.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";

/** The id written (a section, a version), or why not. */
export type GuideWriteResult = Ok<string> | Conflict | NotFound;

/** Key order does not survive jsonb, so contents are compared with sorted keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const sameContent = (a: GuideSectionContent, b: GuideSectionContent) => canonical(a) === canonical(b);

/** A new section in a module of the Table, with its first draft (version 1). */
export async function createGuideSection(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; moduleId: string; content: GuideSectionContent; translationStatus: TranslationStatus },
): Promise<GuideWriteResult> {
  return db.transaction(async (tx) => {
    const [mod] = await tx
      .select({ id: guideModule.id })
      .from(guideModule)
      .where(and(eq(guideModule.partnershipId, input.partnershipId), eq(guideModule.id, input.moduleId)))
      .limit(1);
    if (!mod) return missing();
    const [last] = await tx
      .select({ position: max(guideSection.position) })
      .from(guideSection)
      .where(eq(guideSection.moduleId, mod.id));
    const [section] = await tx
      .insert(guideSection)
      .values({ partnershipId: input.partnershipId, moduleId: mod.id, position: (last?.position ?? 0) + 1, createdBy: input.personId })
      .returning({ id: guideSection.id });
    await tx.insert(guideSectionVersion).values({
      partnershipId: input.partnershipId,
      sectionId: section!.id,
      number: 1,
      status: "draft",
      content: input.content,
      translationStatus: input.translationStatus,
      createdBy: input.personId,
    });
    await recordAuditEvent(tx, actor, {
      action: "guide.section_created",
      targetType: "guide_section",
      targetId: section!.id,
      partnershipId: input.partnershipId,
      details: { moduleId: mod.id },
    });
    return ok(section!.id);
  });
}

/**
 * Every save is a new draft version (history is never rewritten); an older pending draft is
 * archived. `baseNumber` is the newest number the editor saw: anything newer is a conflict,
 * except the editor's own identical draft (a double submission), which succeeds once.
 */
export async function saveGuideDraft(
  db: Database,
  actor: AuditActor,
  input: {
    partnershipId: string;
    personId: string;
    sectionId: string;
    baseNumber: number;
    content: GuideSectionContent;
    translationStatus: TranslationStatus;
    changeNote: string;
    /** Set when the draft copies an older version ("restore this version"). */
    restoredFrom?: { versionId: string; number: number };
  },
): Promise<GuideWriteResult> {
  return db.transaction(async (tx) => {
    await lockGuideSection(tx, input.sectionId);
    const [section] = await tx
      .select({ id: guideSection.id })
      .from(guideSection)
      .where(and(eq(guideSection.partnershipId, input.partnershipId), eq(guideSection.id, input.sectionId), isNull(guideSection.archivedAt)))
      .limit(1);
    if (!section) return missing();
    const [latest] = await tx
      .select()
      .from(guideSectionVersion)
      .where(eq(guideSectionVersion.sectionId, section.id))
      .orderBy(desc(guideSectionVersion.number))
      .limit(1);
    const latestNumber = latest?.number ?? 0;
    if (latestNumber !== input.baseNumber) {
      const mine =
        latest &&
        latest.status === "draft" &&
        latest.number === input.baseNumber + 1 &&
        latest.createdBy === input.personId &&
        latest.changeNote === input.changeNote &&
        latest.translationStatus === input.translationStatus &&
        sameContent(latest.content, input.content);
      return mine ? ok(latest.id) : conflict();
    }
    await tx
      .update(guideSectionVersion)
      .set({ status: "archived" })
      .where(and(eq(guideSectionVersion.sectionId, section.id), eq(guideSectionVersion.status, "draft")));
    const [row] = await tx
      .insert(guideSectionVersion)
      .values({
        partnershipId: input.partnershipId,
        sectionId: section.id,
        number: latestNumber + 1,
        status: "draft",
        content: input.content,
        translationStatus: input.translationStatus,
        changeNote: input.changeNote,
        createdBy: input.personId,
      })
      .returning({ id: guideSectionVersion.id });
    await recordAuditEvent(tx, actor, {
      action: input.restoredFrom ? "guide.restored" : "guide.draft_saved",
      targetType: "guide_section_version",
      targetId: row!.id,
      partnershipId: input.partnershipId,
      details: {
        sectionId: section.id,
        number: latestNumber + 1,
        translationStatus: input.translationStatus,
        ...(input.restoredFrom ? { restoredFrom: input.restoredFrom.versionId, restoredFromNumber: input.restoredFrom.number } : {}),
      },
    });
    return ok(row!.id);
  });
}

/**
 * Moves a version along draft → in_review → published. Publishing archives the previously
 * published version of the section; repeating a step already done (double click) succeeds
 * without a second event; a superseded (archived) version answers "conflict".
 */
export async function changeGuideVersionStatus(
  db: Database,
  actor: AuditActor,
  input: {
    partnershipId: string;
    personId: string;
    versionId: string;
    to: "in_review" | "published" | "draft";
    /** Base of the link in the notice sent to the Table's reviewers when a review opens. */
    publicUrl?: string;
    /** The publisher's language: the news item's comment thread is titled in it. */
    locale?: "fr" | "en";
  },
): Promise<GuideWriteResult> {
  return db.transaction(async (tx) => {
    const [probe] = await tx
      .select({ sectionId: guideSectionVersion.sectionId, archivedAt: guideSection.archivedAt })
      .from(guideSectionVersion)
      .innerJoin(guideSection, eq(guideSection.id, guideSectionVersion.sectionId))
      .where(and(eq(guideSectionVersion.partnershipId, input.partnershipId), eq(guideSectionVersion.id, input.versionId)))
      .limit(1);
    if (!probe) return missing();
    if (probe.archivedAt) return conflict();
    await lockGuideSection(tx, probe.sectionId);
    const [target] = await tx
      .select({ id: guideSectionVersion.id, status: guideSectionVersion.status, number: guideSectionVersion.number })
      .from(guideSectionVersion)
      .where(eq(guideSectionVersion.id, input.versionId))
      .limit(1);
    if (!target) return missing();
    if (target.status === input.to) return ok(target.id);
    const allowed =
      (input.to === "in_review" && target.status === "draft") ||
      (input.to === "draft" && target.status === "in_review") ||
      (input.to === "published" && (target.status === "draft" || target.status === "in_review"));
    if (!allowed) return conflict();
    let archived: number[] = [];
    if (input.to === "published") {
      const previous = await tx
        .update(guideSectionVersion)
        .set({ status: "archived" })
        .where(
          and(
            eq(guideSectionVersion.sectionId, probe.sectionId),
            eq(guideSectionVersion.status, "published"),
            ne(guideSectionVersion.id, target.id),
          ),
        )
        .returning({ number: guideSectionVersion.number });
      archived = previous.map((p) => p.number);
    }
    await tx
      .update(guideSectionVersion)
      .set(input.to === "published" ? { status: "published", publishedBy: input.personId, publishedAt: new Date() } : { status: input.to })
      .where(eq(guideSectionVersion.id, target.id));
    await recordAuditEvent(tx, actor, {
      action: input.to === "published" ? "guide.published" : input.to === "in_review" ? "guide.review_opened" : "guide.review_closed",
      targetType: "guide_section_version",
      targetId: target.id,
      partnershipId: input.partnershipId,
      details: { sectionId: probe.sectionId, number: target.number, from: target.status, archived },
    });
    if (input.to === "published") {
      // The pivots hear of it in the news feed (and their digest), in this transaction.
      await announceGuideRevision(tx, actor, { partnershipId: input.partnershipId, personId: input.personId, versionId: target.id, locale: input.locale, publicUrl: input.publicUrl ?? "" });
    }
    if (input.to === "in_review") {
      await notifyGuideReviewers(tx, { partnershipId: input.partnershipId, versionId: target.id, exceptPersonId: input.personId, publicUrl: input.publicUrl ?? "" });
    }
    return ok(target.id);
  });
}

/** A review comment; only a version in review takes comments (a closed review answers "conflict"). */
export async function addGuideReviewComment(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; versionId: string; body: string },
): Promise<Ok<string> | NotFound | Refused<"guide.comments.closed">> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: guideSectionVersion.id, status: guideSectionVersion.status })
      .from(guideSectionVersion)
      .where(and(eq(guideSectionVersion.partnershipId, input.partnershipId), eq(guideSectionVersion.id, input.versionId)))
      .limit(1);
    if (!target) return missing();
    if (target.status !== "in_review") return refusal("guide.comments.closed");
    // A double submission of the same text by the same person adds it once.
    const [dup] = await tx
      .select({ id: guideReviewComment.id })
      .from(guideReviewComment)
      .where(
        and(
          eq(guideReviewComment.versionId, target.id),
          eq(guideReviewComment.personId, input.personId),
          eq(guideReviewComment.body, input.body),
        ),
      )
      .limit(1);
    if (dup) return ok(dup.id);
    const [row] = await tx
      .insert(guideReviewComment)
      .values({ partnershipId: input.partnershipId, versionId: target.id, personId: input.personId, body: input.body })
      .returning({ id: guideReviewComment.id });
    await recordAuditEvent(tx, actor, {
      action: "guide.commented",
      targetType: "guide_section_version",
      targetId: target.id,
      partnershipId: input.partnershipId,
      details: { commentId: row!.id },
    });
    return ok(row!.id);
  });
}

const defaultModules = [
  { kind: "knowledge", titleFr: "Savoir", titleEn: "Knowledge" },
  { kind: "attitudes", titleFr: "Savoir-être", titleEn: "Attitudes" },
  { kind: "skills", titleFr: "Savoir-faire", titleEn: "Skills" },
] as const;

/** Creates the three empty modules of a Table's guide; existing ones are kept (idempotent). */
export async function ensureGuideModules(db: Database, actor: AuditActor, partnershipId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(guideModule)
      .values(defaultModules.map((m, i) => ({ ...m, partnershipId, position: i + 1 })))
      .onConflictDoNothing()
      .returning({ id: guideModule.id });
    if (created.length) {
      await recordAuditEvent(tx, actor, {
        action: "guide.modules_created",
        targetType: "partnership",
        targetId: partnershipId,
        partnershipId,
        details: { count: created.length },
      });
    }
    return created.length;
  });
}
