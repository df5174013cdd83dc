import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { person } from "../people/tables.ts";
import { guideModule, guideReviewComment, guideSection, guideSectionVersion } from "./tables.ts";
import type { GuideModuleKind, GuideSectionContent, GuideVersionStatus, TranslationStatus } from "./vocabulary.ts";

export interface GuideModuleRow {
  id: string;
  kind: GuideModuleKind;
  titleFr: string;
  titleEn: string;
  summaryFr: string;
  summaryEn: string;
  isDemo: boolean;
}

export interface GuideVersionRow {
  id: string;
  sectionId: string;
  number: number;
  status: GuideVersionStatus;
  content: GuideSectionContent;
  translationStatus: TranslationStatus;
  changeNote: string;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface GuideSectionEntry {
  id: string;
  moduleId: string;
  position: number;
  isDemo: boolean;
  /** The version readers see, or null while the section has never been published. */
  published: GuideVersionRow | null;
  /** The newest version (what editors continue from). */
  latest: GuideVersionRow | null;
}

const versionColumns = {
  id: guideSectionVersion.id,
  sectionId: guideSectionVersion.sectionId,
  number: guideSectionVersion.number,
  status: guideSectionVersion.status,
  content: guideSectionVersion.content,
  translationStatus: guideSectionVersion.translationStatus,
  changeNote: guideSectionVersion.changeNote,
  createdAt: guideSectionVersion.createdAt,
  publishedAt: guideSectionVersion.publishedAt,
};

export async function listGuideModules(db: Database, partnershipId: string): Promise<GuideModuleRow[]> {
  return db
    .select({
      id: guideModule.id,
      kind: guideModule.kind,
      titleFr: guideModule.titleFr,
      titleEn: guideModule.titleEn,
      summaryFr: guideModule.summaryFr,
      summaryEn: guideModule.summaryEn,
      isDemo: guideModule.isDemo,
    })
    .from(guideModule)
    .where(eq(guideModule.partnershipId, partnershipId))
    .orderBy(asc(guideModule.position));
}

/**
 * Every section of the Table's guide (optionally one module) with its published and latest
 * versions. A guide holds tens of sections, so the versions are read in one query.
 */
export async function listGuideSections(db: Database, partnershipId: string, moduleId?: string): Promise<GuideSectionEntry[]> {
  const sections = await db
    .select({ id: guideSection.id, moduleId: guideSection.moduleId, position: guideSection.position, isDemo: guideSection.isDemo })
    .from(guideSection)
    .where(
      and(eq(guideSection.partnershipId, partnershipId), isNull(guideSection.archivedAt), moduleId ? eq(guideSection.moduleId, moduleId) : undefined),
    )
    .orderBy(asc(guideSection.position), asc(guideSection.createdAt));
  if (sections.length === 0) return [];
  const versions = await db
    .select(versionColumns)
    .from(guideSectionVersion)
    .where(
      and(
        eq(guideSectionVersion.partnershipId, partnershipId),
        inArray(
          guideSectionVersion.sectionId,
          sections.map((s) => s.id),
        ),
      ),
    )
    .orderBy(desc(guideSectionVersion.number));
  return sections.map((s) => {
    const mine = versions.filter((v) => v.sectionId === s.id);
    return { ...s, published: mine.find((v) => v.status === "published") ?? null, latest: mine[0] ?? null };
  });
}

export async function getGuideSection(db: Database, partnershipId: string, sectionId: string): Promise<GuideSectionEntry | null> {
  const [row] = await db
    .select({ moduleId: guideSection.moduleId })
    .from(guideSection)
    .where(and(eq(guideSection.partnershipId, partnershipId), eq(guideSection.id, sectionId), isNull(guideSection.archivedAt)))
    .limit(1);
  if (!row) return null;
  const all = await listGuideSections(db, partnershipId, row.moduleId);
  return all.find((s) => s.id === sectionId) ?? null;
}

export async function listSectionVersions(db: Database, partnershipId: string, sectionId: string): Promise<GuideVersionRow[]> {
  return db
    .select(versionColumns)
    .from(guideSectionVersion)
    .where(and(eq(guideSectionVersion.partnershipId, partnershipId), eq(guideSectionVersion.sectionId, sectionId)))
    .orderBy(desc(guideSectionVersion.number));
}

export async function getGuideModule(db: Database, partnershipId: string, moduleId: string): Promise<GuideModuleRow | null> {
  const rows = await listGuideModules(db, partnershipId);
  return rows.find((m) => m.id === moduleId) ?? null;
}

export async function getGuideVersion(db: Database, partnershipId: string, versionId: string): Promise<GuideVersionRow | null> {
  const [row] = await db
    .select(versionColumns)
    .from(guideSectionVersion)
    .where(and(eq(guideSectionVersion.partnershipId, partnershipId), eq(guideSectionVersion.id, versionId)))
    .limit(1);
  return row ?? null;
}

export interface ReviewComment {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string;
}

export async function listReviewComments(db: Database, partnershipId: string, versionId: string): Promise<ReviewComment[]> {
  const rows = await db
    .select({
      id: guideReviewComment.id,
      body: guideReviewComment.body,
      createdAt: guideReviewComment.createdAt,
      givenName: person.givenName,
      familyName: person.familyName,
    })
    .from(guideReviewComment)
    .innerJoin(person, eq(person.id, guideReviewComment.personId))
    .where(and(eq(guideReviewComment.partnershipId, partnershipId), eq(guideReviewComment.versionId, versionId)))
    .orderBy(asc(guideReviewComment.createdAt));
  return rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.createdAt, authorName: `${r.givenName} ${r.familyName}` }));
}
