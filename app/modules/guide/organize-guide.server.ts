import { and, asc, eq, isNull, ne } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { contentVersion } from "../forms/content-version.server.ts";
import { lockGuideSection } from "./guide-lock.server.ts";
import { guideModule, guideSection, guideSectionVersion } from "./tables.ts";
import type { GuideWriteResult } from "./write-guide.server.ts";
import { conflict, missing, ok, type NotFound, type Ok } from "../outcome/outcome.ts";

export interface ModuleTexts {
  titleFr: string;
  titleEn: string;
  summaryFr: string;
  summaryEn: string;
}

/**
 * The version the module's edit form carries. guide_module has no version column: the number
 * is drawn from the four texts the form shows (see contentVersion).
 */
export function guideModuleVersion(m: ModuleTexts): number {
  return contentVersion(["guide_module", m.titleFr, m.titleEn, m.summaryFr, m.summaryEn]);
}

/**
 * An editor renames a module or rewrites its short introduction, in both languages. `version`
 * is what the form was drawn from: if the texts changed since, nothing is written ("conflict").
 */
export async function updateGuideModule(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; moduleId: string; version: number } & ModuleTexts,
): Promise<GuideWriteResult> {
  return db.transaction(async (tx) => {
    // The row lock: two saves of one module run one after the other, the second sees the first's texts.
    const [before] = await tx
      .select()
      .from(guideModule)
      .where(and(eq(guideModule.partnershipId, input.partnershipId), eq(guideModule.id, input.moduleId)))
      .limit(1)
      .for("update");
    if (!before) return missing();
    if (guideModuleVersion(before) !== input.version) return conflict();
    const texts = { titleFr: input.titleFr, titleEn: input.titleEn, summaryFr: input.summaryFr, summaryEn: input.summaryEn };
    const changed = (Object.keys(texts) as (keyof ModuleTexts)[]).filter((k) => before[k] !== texts[k]);
    if (changed.length === 0) return ok(before.id);
    await tx.update(guideModule).set(texts).where(eq(guideModule.id, before.id));
    await recordAuditEvent(tx, actor, {
      action: "guide.module_updated",
      targetType: "guide_module",
      targetId: before.id,
      partnershipId: input.partnershipId,
      details: { kind: before.kind, changed },
    });
    return ok(before.id);
  });
}

/**
 * Moves a section one place up or down inside its module (swapping with its neighbour).
 * Positions are renumbered 1..n on the way, so gaps and ties from older data disappear.
 * At the top (or bottom) already, nothing changes and no event is written.
 */
export async function moveGuideSection(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; sectionId: string; direction: "up" | "down" },
): Promise<Ok<string> | NotFound> {
  return db.transaction(async (tx) => {
    const [section] = await tx
      .select({ id: guideSection.id, moduleId: guideSection.moduleId })
      .from(guideSection)
      .where(and(eq(guideSection.partnershipId, input.partnershipId), eq(guideSection.id, input.sectionId), isNull(guideSection.archivedAt)))
      .limit(1);
    if (!section) return missing();
    // One mover per module at a time: two editors moving at once cannot interleave.
    await lockGuideSection(tx, `module:${section.moduleId}`);
    const siblings = await tx
      .select({ id: guideSection.id, position: guideSection.position })
      .from(guideSection)
      .where(and(eq(guideSection.moduleId, section.moduleId), isNull(guideSection.archivedAt)))
      .orderBy(asc(guideSection.position), asc(guideSection.createdAt));
    const from = siblings.findIndex((s) => s.id === section.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) return ok(section.id);
    const order = siblings.map((s) => s.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [i, id] of order.entries()) {
      if (siblings.find((s) => s.id === id)!.position !== i + 1) {
        await tx.update(guideSection).set({ position: i + 1 }).where(eq(guideSection.id, id));
      }
    }
    await recordAuditEvent(tx, actor, {
      action: "guide.section_moved",
      targetType: "guide_section",
      targetId: section.id,
      partnershipId: input.partnershipId,
      details: { moduleId: section.moduleId, direction: input.direction, from: from + 1, to: to + 1 },
    });
    return ok(section.id);
  });
}

/** True when the section is one of the Table's, withdrawn or not (archiving twice is still one archive). */
export async function guideSectionExists(db: Database, partnershipId: string, sectionId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: guideSection.id })
    .from(guideSection)
    .where(and(eq(guideSection.partnershipId, partnershipId), eq(guideSection.id, sectionId)))
    .limit(1);
  return !!row;
}

/**
 * Withdraws a section from the guide. Nothing is destroyed: the section and every version
 * stay as history (readers, search and the PDF no longer see it); a pending draft or review
 * is closed (archived) so nobody publishes it by mistake.
 */
export async function archiveGuideSection(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; sectionId: string },
): Promise<Ok<string> | NotFound> {
  return db.transaction(async (tx) => {
    await lockGuideSection(tx, input.sectionId);
    const [section] = await tx
      .select({ id: guideSection.id, moduleId: guideSection.moduleId, archivedAt: guideSection.archivedAt })
      .from(guideSection)
      .where(and(eq(guideSection.partnershipId, input.partnershipId), eq(guideSection.id, input.sectionId)))
      .limit(1);
    if (!section) return missing();
    if (section.archivedAt) return ok(section.id);
    await tx.update(guideSection).set({ archivedAt: new Date(), archivedBy: input.personId }).where(eq(guideSection.id, section.id));
    const closed = await tx
      .update(guideSectionVersion)
      .set({ status: "archived" })
      .where(and(eq(guideSectionVersion.sectionId, section.id), ne(guideSectionVersion.status, "published"), ne(guideSectionVersion.status, "archived")))
      .returning({ number: guideSectionVersion.number });
    await recordAuditEvent(tx, actor, {
      action: "guide.section_archived",
      targetType: "guide_section",
      targetId: section.id,
      partnershipId: input.partnershipId,
      details: { moduleId: section.moduleId, closedVersions: closed.map((c) => c.number) },
    });
    return ok(section.id);
  });
}
