import { and, eq, max, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";
import type { CategoryEditInput, CategoryInput, DataElementInput, DataSetInput } from "./definition-schema.ts";
import { loadDataSet } from "./list-definitions.server.ts";
import { statisticsCategory, statisticsCategoryOption, statisticsDataElement, statisticsDataSet, statisticsValue } from "./tables.ts";

/** Whose Table the definitions belong to, and who writes them. */
export interface StatisticsAccess {
  partnershipId: string;
  personId: string;
}

async function audit(tx: Database, actor: AuditActor, partnershipId: string, targetType: string, targetId: string, action: string, details: Record<string, unknown> = {}) {
  await recordAuditEvent(tx, actor, { action, targetType, targetId, partnershipId, details });
}

async function elementCodeTaken(db: Database, dataSetId: string, code: string, except: string | null): Promise<boolean> {
  const [row] = await db.select({ id: statisticsDataElement.id }).from(statisticsDataElement).where(and(eq(statisticsDataElement.dataSetId, dataSetId), eq(statisticsDataElement.code, code)));
  return !!row && row.id !== except;
}

export async function createDataSet(db: Database, actor: AuditActor, access: StatisticsAccess, input: DataSetInput): Promise<Ok<string>> {
  const [row] = await db
    .insert(statisticsDataSet)
    .values({ partnershipId: access.partnershipId, ...input })
    .returning({ id: statisticsDataSet.id });
  await audit(db, actor, access.partnershipId, "statistics_data_set", row!.id, "statistics_data_set.created", { periodType: input.periodType, organizationTypes: input.organizationTypes.join(",") });
  return ok(row!.id);
}

export async function updateDataSet(db: Database, actor: AuditActor, access: StatisticsAccess, id: string, version: number, input: DataSetInput): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const current = await loadDataSet(tx, access.partnershipId, id);
    if (!current) return missing();
    const rows = await tx
      .update(statisticsDataSet)
      .set({ ...input, version: sql`${statisticsDataSet.version} + 1`, updatedAt: new Date() })
      .where(and(eq(statisticsDataSet.partnershipId, access.partnershipId), eq(statisticsDataSet.id, id), eq(statisticsDataSet.version, version)))
      .returning({ id: statisticsDataSet.id });
    if (rows.length === 0) return conflict();
    const changed = (["nameFr", "nameEn", "periodType", "entryWindowDays", "timelinessDays", "firstPeriod", "lastPeriod"] as const).filter((k) => current[k] !== input[k]);
    if (current.organizationTypes.join(",") !== input.organizationTypes.join(",")) changed.push("organizationTypes" as never);
    await audit(tx, actor, access.partnershipId, "statistics_data_set", id, "statistics_data_set.updated", { changed: changed.join(",") });
    return ok(id);
  });
}

async function categoriesExist(db: Database, partnershipId: string, ids: readonly string[]): Promise<boolean> {
  for (const id of ids) {
    const [row] = await db.select({ id: statisticsCategory.id }).from(statisticsCategory).where(and(eq(statisticsCategory.partnershipId, partnershipId), eq(statisticsCategory.id, id)));
    if (!row) return false;
  }
  return true;
}

export async function createDataElement(db: Database, actor: AuditActor, access: StatisticsAccess, dataSetId: string, input: DataElementInput): Promise<Ok<string> | NotFound | Invalid> {
  const [set] = await db.select({ id: statisticsDataSet.id }).from(statisticsDataSet).where(and(eq(statisticsDataSet.partnershipId, access.partnershipId), eq(statisticsDataSet.id, dataSetId))).for("update");
  if (!set) return missing();
  if (!(await categoriesExist(db, access.partnershipId, input.categoryIds))) return invalid("rowCategoryId", "form.invalid");
  const [last] = await db.select({ n: max(statisticsDataElement.position) }).from(statisticsDataElement).where(eq(statisticsDataElement.dataSetId, dataSetId));
  if (await elementCodeTaken(db, dataSetId, input.code, null)) return invalid("code", "statistics.form.code.taken");
  {
    const [row] = await db
      .insert(statisticsDataElement)
      .values({ partnershipId: access.partnershipId, dataSetId, ...input, position: (last?.n ?? 0) + 1 })
      .returning({ id: statisticsDataElement.id });
    await audit(db, actor, access.partnershipId, "statistics_data_element", row!.id, "statistics_data_element.created", { dataSetId, code: input.code, categories: input.categoryIds.length });
    return ok(row!.id);
  }
}

/** Renames an element, changes its indicator; its categories change only while it has no value. */
export async function updateDataElement(db: Database, actor: AuditActor, access: StatisticsAccess, dataSetId: string, id: string, version: number, input: DataElementInput): Promise<Ok<string> | NotFound | Conflict | Invalid> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(statisticsDataElement)
      .where(and(eq(statisticsDataElement.partnershipId, access.partnershipId), eq(statisticsDataElement.dataSetId, dataSetId), eq(statisticsDataElement.id, id)));
    if (!current) return missing();
    if (current.version !== version) return conflict();
    const recategorized = current.categoryIds.join(",") !== input.categoryIds.join(",");
    if (recategorized) {
      const [used] = await tx.select({ n: sql<number>`count(*)` }).from(statisticsValue).where(eq(statisticsValue.dataElementId, id));
      if (Number(used?.n ?? 0) > 0) return invalid("rowCategoryId", "statistics.form.categoriesLocked");
      if (!(await categoriesExist(tx, access.partnershipId, input.categoryIds))) return invalid("rowCategoryId", "form.invalid");
    }
    if (await elementCodeTaken(tx, dataSetId, input.code, id)) return invalid("code", "statistics.form.code.taken");
    const rows = await tx
      .update(statisticsDataElement)
      .set({ ...input, version: sql`${statisticsDataElement.version} + 1`, updatedAt: new Date() })
      .where(and(eq(statisticsDataElement.id, id), eq(statisticsDataElement.version, version)))
      .returning({ id: statisticsDataElement.id });
    if (rows.length === 0) return conflict();
    await audit(tx, actor, access.partnershipId, "statistics_data_element", id, "statistics_data_element.updated", { dataSetId, code: input.code, recategorized });
    return ok(id);
  });
}

export async function createCategory(db: Database, actor: AuditActor, access: StatisticsAccess, input: CategoryInput): Promise<Ok<string> | Invalid> {
  const [taken] = await db.select({ id: statisticsCategory.id }).from(statisticsCategory).where(and(eq(statisticsCategory.partnershipId, access.partnershipId), eq(statisticsCategory.code, input.code)));
  if (taken) return invalid("code", "statistics.form.code.taken");
  {
    const [row] = await db.insert(statisticsCategory).values({ partnershipId: access.partnershipId, code: input.code, nameFr: input.nameFr, nameEn: input.nameEn }).returning({ id: statisticsCategory.id });
    await db.insert(statisticsCategoryOption).values(input.options.map((o, i) => ({ partnershipId: access.partnershipId, categoryId: row!.id, ...o, position: i + 1 })));
    await audit(db, actor, access.partnershipId, "statistics_category", row!.id, "statistics_category.created", { code: input.code, options: input.options.length });
    return ok(row!.id);
  }
}

/** Renames a category and its options (by code), appends options; none goes away (values refer to their codes). */
export async function updateCategory(db: Database, actor: AuditActor, access: StatisticsAccess, id: string, version: number, input: CategoryEditInput): Promise<Ok<string> | NotFound | Conflict | Invalid> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(statisticsCategory).where(and(eq(statisticsCategory.partnershipId, access.partnershipId), eq(statisticsCategory.id, id)));
    if (!current) return missing();
    if (current.version !== version) return conflict();
    const existing = await tx
      .select({ code: statisticsCategoryOption.code, position: statisticsCategoryOption.position, nameFr: statisticsCategoryOption.nameFr, nameEn: statisticsCategoryOption.nameEn }).from(statisticsCategoryOption).where(eq(statisticsCategoryOption.categoryId, id));
    if (input.options.some((o) => !existing.some((e) => e.code === o.code))) return invalid("options", "statistics.form.options.unknown");
    if (new Set(input.options.map((o) => o.code)).size !== input.options.length) return invalid("options", "statistics.form.options.duplicate");
    if (input.newOptions.some((o) => existing.some((e) => e.code === o.code))) return invalid("newOptions", "statistics.form.options.duplicate");
    if (existing.length + input.newOptions.length > 30) return invalid("newOptions", "statistics.form.options.tooMany");
    const rows = await tx
      .update(statisticsCategory)
      .set({ nameFr: input.nameFr, nameEn: input.nameEn, version: sql`${statisticsCategory.version} + 1`, updatedAt: new Date() })
      .where(and(eq(statisticsCategory.id, id), eq(statisticsCategory.version, version)))
      .returning({ id: statisticsCategory.id });
    if (rows.length === 0) return conflict();
    const renamed = input.options.filter((o) => {
      const before = existing.find((e) => e.code === o.code)!;
      return before.nameFr !== o.nameFr || before.nameEn !== o.nameEn;
    });
    for (const o of renamed) {
      await tx
        .update(statisticsCategoryOption)
        .set({ nameFr: o.nameFr, nameEn: o.nameEn })
        .where(and(eq(statisticsCategoryOption.categoryId, id), eq(statisticsCategoryOption.code, o.code)));
    }
    if (input.newOptions.length) {
      const start = Math.max(0, ...existing.map((e) => e.position));
      await tx.insert(statisticsCategoryOption).values(input.newOptions.map((o, i) => ({ partnershipId: access.partnershipId, categoryId: id, ...o, position: start + i + 1 })));
    }
    await audit(tx, actor, access.partnershipId, "statistics_category", id, "statistics_category.updated", { optionsAdded: input.newOptions.length, optionsRenamed: renamed.map((o) => o.code) });
    return ok(id);
  });
}
