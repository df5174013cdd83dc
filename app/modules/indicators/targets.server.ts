import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { indicatorTarget } from "./tables.ts";

export interface TargetRow {
  id: string;
  indicatorCode: string;
  periodKey: string;
  scopeKind: "table" | "organization" | "organization_type" | "territory";
  scopeKey: string;
  target: number;
  note: string;
  version: number;
}

const columns = {
  id: indicatorTarget.id,
  indicatorCode: indicatorTarget.indicatorCode,
  periodKey: indicatorTarget.periodKey,
  scopeKind: indicatorTarget.scopeKind,
  scopeKey: indicatorTarget.scopeKey,
  target: indicatorTarget.target,
  note: indicatorTarget.note,
  version: indicatorTarget.version,
};

/** The Table-wide targets of some periods, by "code|period". */
export async function tableTargets(db: Database, partnershipId: string, periodKeys: readonly string[]): Promise<Map<string, TargetRow>> {
  if (!periodKeys.length) return new Map();
  const rows = await db
    .select(columns)
    .from(indicatorTarget)
    .where(and(eq(indicatorTarget.partnershipId, partnershipId), inArray(indicatorTarget.periodKey, [...periodKeys]), eq(indicatorTarget.scopeKind, "table")));
  return new Map(rows.map((r) => [`${r.indicatorCode}|${r.periodKey}`, r]));
}

/** Every target of one indicator and period (all scopes), for its page. */
export async function indicatorTargets(db: Database, partnershipId: string, code: string, periodKey: string): Promise<TargetRow[]> {
  return db
    .select(columns)
    .from(indicatorTarget)
    .where(and(eq(indicatorTarget.partnershipId, partnershipId), eq(indicatorTarget.indicatorCode, code), eq(indicatorTarget.periodKey, periodKey)))
    .orderBy(indicatorTarget.scopeKind, indicatorTarget.scopeKey);
}
