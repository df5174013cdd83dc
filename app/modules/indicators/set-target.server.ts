import { and, eq, sql } from "drizzle-orm";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";
import { parsePeriod } from "./periods.ts";
import { indicatorByCode } from "./registry.server.ts";
import { indicatorTarget } from "./tables.ts";
import type { SetTargetInput } from "./target-schema.ts";

type Scope = SetTargetInput["scope"];

/** A scope must name something of this Table (another Table's organization answers like a missing one). */
async function scopeExists(db: Database, partnershipId: string, scope: Scope): Promise<boolean> {
  if (scope.scopeKind === "table") return true;
  const column = scope.scopeKind === "organization" ? organization.id : scope.scopeKind === "organization_type" ? organization.type : organization.territory;
  if (scope.scopeKind === "organization" && !/^[0-9a-f-]{36}$/i.test(scope.scopeKey)) return false;
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), sql`${column}::text = ${scope.scopeKey}`))
    .limit(1);
  return !!row;
}

const percentType = (code: string) => indicatorByCode(code)?.type === "percent";

/**
 * Set the target of an indicator for a period and scope. One that exists already is changed
 * through its edit form (with its version): a second "set" never overwrites it unseen (409).
 */
export async function setIndicatorTarget(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string | null; code: string; periodKey: string; fiscalStartMonth: number; today: string } & SetTargetInput,
): Promise<Ok<string> | NotFound | Invalid | Conflict> {
  if (!indicatorByCode(input.code) || !parsePeriod(input.periodKey, input.fiscalStartMonth, input.today)) return missing();
  if (percentType(input.code) && input.target > 100) return invalid("target", "evaluation.target.percentMax");
  if (!(await scopeExists(db, input.partnershipId, input.scope))) return missing();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indicatorTarget)
      .values({
        partnershipId: input.partnershipId,
        indicatorCode: input.code,
        periodKey: input.periodKey,
        scopeKind: input.scope.scopeKind,
        scopeKey: input.scope.scopeKey,
        target: input.target,
        note: input.note,
        setByPersonId: input.personId,
      })
      .onConflictDoNothing()
      .returning({ id: indicatorTarget.id });
    if (!row) return conflict();
    await recordAuditEvent(tx, actor, {
      action: "indicator.target_set",
      targetType: "indicator_target",
      targetId: row.id,
      partnershipId: input.partnershipId,
      details: { indicator: input.code, period: input.periodKey, scope: input.scope.scopeKind, target: input.target },
    });
    return ok(row.id);
  });
}

/** Change a target's value (the form carries its version: a stale edit is a conflict). */
export async function editIndicatorTarget(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string | null; targetId: string; target: number; note: string; version: number },
): Promise<Ok<string> | NotFound | Conflict | Invalid> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: indicatorTarget.id, code: indicatorTarget.indicatorCode, version: indicatorTarget.version, period: indicatorTarget.periodKey })
      .from(indicatorTarget)
      .where(and(eq(indicatorTarget.id, input.targetId), eq(indicatorTarget.partnershipId, input.partnershipId)))
      .for("update");
    if (!current) return missing();
    if (current.version !== input.version) return conflict();
    if (percentType(current.code) && input.target > 100) return invalid("target", "evaluation.target.percentMax");
    await tx
      .update(indicatorTarget)
      .set({ target: input.target, note: input.note, setByPersonId: input.personId, version: current.version + 1, updatedAt: sql`now()` })
      .where(eq(indicatorTarget.id, current.id));
    await recordAuditEvent(tx, actor, {
      action: "indicator.target_set",
      targetType: "indicator_target",
      targetId: current.id,
      partnershipId: input.partnershipId,
      details: { indicator: current.code, period: current.period, target: input.target },
    });
    return ok(current.id);
  });
}

export async function removeIndicatorTarget(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; targetId: string; version: number },
): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: indicatorTarget.id, code: indicatorTarget.indicatorCode, version: indicatorTarget.version, period: indicatorTarget.periodKey })
      .from(indicatorTarget)
      .where(and(eq(indicatorTarget.id, input.targetId), eq(indicatorTarget.partnershipId, input.partnershipId)))
      .for("update");
    if (!current) return missing();
    if (current.version !== input.version) return conflict();
    await tx.delete(indicatorTarget).where(eq(indicatorTarget.id, current.id));
    await recordAuditEvent(tx, actor, {
      action: "indicator.target_removed",
      targetType: "indicator_target",
      targetId: current.id,
      partnershipId: input.partnershipId,
      details: { indicator: current.code, period: current.period },
    });
    return ok(current.id);
  });
}
