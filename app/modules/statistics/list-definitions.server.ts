import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { statisticsCategory, statisticsCategoryOption, statisticsDataElement, statisticsDataSet } from "./tables.ts";
import type { CategoryShape } from "./vocabulary.ts";

export type DataSetRow = typeof statisticsDataSet.$inferSelect;
export type DataElementRow = typeof statisticsDataElement.$inferSelect;
export type CategoryRow = CategoryShape & { version: number };

export interface ElementShape extends DataElementRow {
  categories: CategoryShape[];
}

/** The Table's categories with their options, in order. */
export async function listCategories(db: Database, partnershipId: string, ids?: readonly string[]): Promise<CategoryRow[]> {
  if (ids && ids.length === 0) return [];
  const cats = await db
    .select()
    .from(statisticsCategory)
    .where(and(eq(statisticsCategory.partnershipId, partnershipId), ids ? inArray(statisticsCategory.id, [...ids]) : undefined))
    .orderBy(asc(statisticsCategory.nameFr));
  if (!cats.length) return [];
  const options = await db
    .select()
    .from(statisticsCategoryOption)
    .where(and(eq(statisticsCategoryOption.partnershipId, partnershipId), inArray(statisticsCategoryOption.categoryId, cats.map((c) => c.id))))
    .orderBy(asc(statisticsCategoryOption.position));
  return cats.map((c) => ({
    id: c.id,
    code: c.code,
    nameFr: c.nameFr,
    nameEn: c.nameEn,
    version: c.version,
    options: options.filter((o) => o.categoryId === c.id).map((o) => ({ id: o.id, code: o.code, nameFr: o.nameFr, nameEn: o.nameEn })),
  }));
}

export async function listDataSets(db: Database, partnershipId: string): Promise<DataSetRow[]> {
  return db.select().from(statisticsDataSet).where(eq(statisticsDataSet.partnershipId, partnershipId)).orderBy(asc(statisticsDataSet.createdAt));
}

export async function loadDataSet(db: Database, partnershipId: string, id: string): Promise<DataSetRow | null> {
  const [row] = await db.select().from(statisticsDataSet).where(and(eq(statisticsDataSet.partnershipId, partnershipId), eq(statisticsDataSet.id, id)));
  return row ?? null;
}

/** A data set's elements in order, each with its categories (and their options). */
export async function listElements(db: Database, partnershipId: string, dataSetId: string): Promise<ElementShape[]> {
  const rows = await db
    .select()
    .from(statisticsDataElement)
    .where(and(eq(statisticsDataElement.partnershipId, partnershipId), eq(statisticsDataElement.dataSetId, dataSetId)))
    .orderBy(asc(statisticsDataElement.position));
  const categories = await listCategories(db, partnershipId, [...new Set(rows.flatMap((r) => r.categoryIds))]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  return rows.map((r) => ({ ...r, categories: r.categoryIds.map((id) => byId.get(id)).filter((c): c is CategoryRow => !!c) }));
}
