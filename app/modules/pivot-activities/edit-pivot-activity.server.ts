import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import type { ActivityEditor } from "./activity-access.ts";
import { activityFindings, type ActivityFinding, type ActivityInput, type PivotActivityType } from "./activity-schema.ts";
import { pivotActivity } from "./tables.ts";
import { publicPhonesFor } from "../consultations/pii/table-phones.server.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

/**
 * What an editor may touch: their own activities in an organization they log for, or any
 * activity of an organization whose pivots they coordinate. Anything else is "not found".
 */
function editableBy(partnershipId: string, activityId: string, editor: ActivityEditor): SQL {
  const own = editor.logOrganizations.length
    ? and(eq(pivotActivity.personId, editor.personId), inArray(pivotActivity.organizationId, editor.logOrganizations))
    : sql`false`;
  const coordinated = editor.coordinatedOrganizations.length
    ? inArray(pivotActivity.organizationId, editor.coordinatedOrganizations)
    : sql`false`;
  return and(eq(pivotActivity.partnershipId, partnershipId), eq(pivotActivity.id, activityId), or(own, coordinated)) as SQL;
}

export interface EditableActivity {
  id: string;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  type: PivotActivityType;
  occurredOn: string;
  durationMinutes: number;
  audience: string;
  audienceSize: number | null;
  notes: string;
  version: number;
}

export async function getEditableActivity(
  db: Database,
  input: { partnershipId: string; activityId: string; editor: ActivityEditor },
): Promise<EditableActivity | null> {
  const [row] = await db
    .select({
      id: pivotActivity.id,
      organizationId: pivotActivity.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      type: pivotActivity.type,
      occurredOn: pivotActivity.occurredOn,
      durationMinutes: pivotActivity.durationMinutes,
      audience: pivotActivity.audience,
      audienceSize: pivotActivity.audienceSize,
      notes: pivotActivity.notes,
      version: pivotActivity.version,
    })
    .from(pivotActivity)
    .innerJoin(organization, eq(organization.id, pivotActivity.organizationId))
    .where(editableBy(input.partnershipId, input.activityId, input.editor))
    .limit(1);
  return row ?? null;
}

export type EditResult =
  | { status: "ok" }
  | { status: "conflict" }
  | { status: "not_found" }
  | { status: "identifying_details"; findings: ActivityFinding[] };

export async function updatePivotActivity(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; activityId: string; editor: ActivityEditor; version: number; values: ActivityInput },
): Promise<EditResult> {
  const findings = activityFindings(input.values, await publicPhonesFor(db, input.partnershipId, [input.values.audience, input.values.notes]));
  if (findings.length) return { status: "identifying_details", findings };
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ organizationId: pivotActivity.organizationId })
      .from(pivotActivity)
      .where(editableBy(input.partnershipId, input.activityId, input.editor))
      .limit(1);
    if (!current) return { status: "not_found" as const };
    const v = input.values;
    const updated = await tx
      .update(pivotActivity)
      .set({
        type: v.type,
        occurredOn: v.occurredOn,
        durationMinutes: v.durationMinutes,
        audience: v.audience,
        audienceSize: v.audienceSize,
        notes: v.notes,
        version: sql`${pivotActivity.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(editableBy(input.partnershipId, input.activityId, input.editor), eq(pivotActivity.version, input.version)))
      .returning({ id: pivotActivity.id });
    if (updated.length === 0) return { status: "conflict" as const };
    await recordAuditEvent(tx, actor, {
      action: "pivot_activity.updated",
      targetType: "pivot_activity",
      targetId: input.activityId,
      partnershipId: input.partnershipId,
      organizationId: current.organizationId,
      details: { type: v.type, occurredOn: v.occurredOn },
    });
    return { status: "ok" as const };
  });
}

export async function deletePivotActivity(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; activityId: string; editor: ActivityEditor; version: number },
): Promise<Ok | Conflict | NotFound> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ organizationId: pivotActivity.organizationId, type: pivotActivity.type, occurredOn: pivotActivity.occurredOn })
      .from(pivotActivity)
      .where(editableBy(input.partnershipId, input.activityId, input.editor))
      .limit(1);
    if (!current) return missing();
    const deleted = await tx
      .delete(pivotActivity)
      .where(and(editableBy(input.partnershipId, input.activityId, input.editor), eq(pivotActivity.version, input.version)))
      .returning({ id: pivotActivity.id });
    if (deleted.length === 0) return conflict();
    await recordAuditEvent(tx, actor, {
      action: "pivot_activity.deleted",
      targetType: "pivot_activity",
      targetId: input.activityId,
      partnershipId: input.partnershipId,
      organizationId: current.organizationId,
      details: { type: current.type, occurredOn: current.occurredOn },
    });
    return ok();
  });
}
