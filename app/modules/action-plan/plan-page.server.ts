import { z } from "zod";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { can, type HeldRole } from "../authz/decide.ts";
import type { Database } from "../db/client.server.ts";
import { dispatchIntent, intentOf } from "../forms/dispatch-intent.ts";
import { isUuid, optionalId, requiredId, versionField } from "../forms/fields.ts";
import { parseValues, type FormRead } from "../forms/read-form.server.ts";
import { submissionOf } from "../forms/submit-once.server.ts";
import { createOnce } from "../outcome/create-once.server.ts";
import { invalidFields, map, missing, ok, type Outcome } from "../outcome/outcome.ts";
import { actionSchema, indicatorSchema, objectiveSchema, planHeaderSchema } from "./plan-schema.ts";
import { listPlanOrganizations, loadPlan, type FullPlan } from "./read-plan.server.ts";
import { actionVersion, deletePlanItem, indicatorVersion, objectiveVersion, saveAction, saveIndicator, saveObjective, updatePlanHeader } from "./write-plan.server.ts";

export interface PlanReader {
  partnershipId: string;
  roles: readonly HeldRole[];
}

export type Editing =
  | { kind: "plan" }
  | { kind: "objective"; id: string | null }
  | { kind: "action"; id: string | null; objectiveId: string | null }
  | { kind: "indicator"; id: string | null; objectiveId: string | null };

export type DeleteKind = "objective" | "action" | "indicator";

/** "?edit=plan", "?edit=objective", "?edit=action&objective=<id>", "?edit=action:<id>"… */
function readEditing(query: URLSearchParams): Editing | null {
  const edit = query.get("edit") ?? "";
  const objective = query.get("objective");
  const objectiveId = isUuid(objective) ? objective : null;
  const [kind, id] = edit.split(":");
  const itemId = isUuid(id) ? id : null;
  if (kind === "plan") return { kind };
  if (kind === "objective") return { kind, id: itemId };
  if (kind === "action" || kind === "indicator") return { kind, id: itemId, objectiveId };
  return null;
}

/** "?delete=action:<id>": the item whose deletion is to be confirmed (null when unknown). */
function readDeleting(param: string | null, objectives: FullPlan["objectives"]): { kind: DeleteKind; id: string; name: string } | null {
  const [kind, id] = (param ?? "").split(":");
  if (!isUuid(id)) return null;
  if (kind === "objective") {
    const o = objectives.find((x) => x.id === id);
    return o ? { kind, id, name: o.title } : null;
  }
  if (kind === "action") {
    const a = objectives.flatMap((o) => o.actions).find((x) => x.id === id);
    return a ? { kind, id, name: a.title } : null;
  }
  if (kind === "indicator") {
    const i = objectives.flatMap((o) => o.indicators).find((x) => x.id === id);
    return i ? { kind, id, name: i.label } : null;
  }
  return null;
}

function itemVersions(full: FullPlan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of full.objectives) {
    out[o.id] = objectiveVersion(o);
    for (const a of o.actions) out[a.id] = actionVersion(a);
    for (const i of o.indicators) out[i.id] = indicatorVersion(i);
  }
  return out;
}

/** The Table's plan of that year ("2026" in the URL), or not_found (no plan, not a year). */
export async function findPlan(db: Database, reader: PlanReader, yearParam: string | undefined): Promise<Outcome<FullPlan>> {
  if (!yearParam || !/^\d{4}$/.test(yearParam)) return missing();
  const full = await loadPlan(db, reader.partnershipId, Number(yearParam));
  return full ? ok(full) : missing();
}

/** One year's plan page: the coordinator edits one item at a time (`?edit=…`) and deleting asks first (`?delete=…`). */
export async function loadPlanPage(db: Database, reader: PlanReader, yearParam: string | undefined, query: URLSearchParams) {
  const found = await findPlan(db, reader, yearParam);
  if (found.kind !== "ok") return found;
  const full = found.value;
  const canEdit = can(reader.roles, "actionplan.edit", { partnershipId: reader.partnershipId });
  const organizations = await listPlanOrganizations(db, reader.partnershipId);
  return ok({
    ...full,
    organizations,
    canEdit,
    editing: canEdit ? readEditing(query) : null,
    deleting: canEdit ? readDeleting(query.get("delete"), full.objectives) : null,
    saved: query.has("saved"),
    copied: query.has("copied"),
    // The versions the item edit forms carry (a stale save answers 409).
    versions: canEdit ? itemVersions(full) : {},
  });
}

export interface PlanAction {
  db: Database;
  actor: AuditActor;
  partnershipId: string;
  accountId: string;
  full: FullPlan;
  read: Extract<FormRead, { ok: true }>;
}

const idSchema = z.object({ id: optionalId, version: z.union([z.literal(""), versionField]).optional() });
const headerSchema = planHeaderSchema.extend({ version: versionField });
const deleteSchema = z.object({ kind: z.enum(["objective", "action", "indicator"], { message: "form.invalid" }), id: requiredId });
const malformed = () => invalidFields({}, "form.invalid");
const pageOf = (c: PlanAction) => `/action-plan/${c.full.plan.year}`;
const savedAt = (c: PlanAction) => (id: string) => `${pageOf(c)}?saved=1#item-${id}`;

type ItemKind = "objective" | "action" | "indicator";

function saveItem(c: PlanAction, kind: ItemKind, tx: Database, id: string | null, version: number | null): Promise<Outcome<string>> {
  const planId = c.full.plan.id;
  if (kind === "objective") {
    const parsed = parseValues(c.read, objectiveSchema);
    return parsed.ok ? saveObjective(tx, c.actor, c.partnershipId, planId, id, parsed.data, version) : Promise.resolve(invalidFields(parsed.errors));
  }
  if (kind === "action") {
    const parsed = parseValues(c.read, actionSchema);
    return parsed.ok ? saveAction(tx, c.actor, c.partnershipId, planId, id, parsed.data, version) : Promise.resolve(invalidFields(parsed.errors));
  }
  const parsed = parseValues(c.read, indicatorSchema);
  return parsed.ok ? saveIndicator(tx, c.actor, c.partnershipId, planId, id, parsed.data, version) : Promise.resolve(invalidFields(parsed.errors));
}

/** An item form: an edit carries the version it showed; a new item is added once per submission key. */
async function item(c: PlanAction, kind: ItemKind): Promise<Outcome<string>> {
  const target = parseValues(c.read, idSchema);
  if (!target.ok) return invalidFields(target.errors, "form.invalid");
  const { id, version } = target.data;
  if (id) {
    if (typeof version !== "number") {
      // Another plan's (or Table's) item answers 404, like a missing one; a known one without its version is malformed.
      const known = c.full.objectives.some((o) => o.id === id || o.actions.some((a) => a.id === id) || o.indicators.some((i) => i.id === id));
      return known ? malformed() : missing();
    }
    return map(await saveItem(c, kind, c.db, id, version), savedAt(c));
  }
  const submission = submissionOf(c.read.values, `action-plan.$year:${kind}`, c.accountId);
  return createOnce(c.db, submission, (tx) => saveItem(c, kind, tx, null, null), savedAt(c));
}

/** The forms of the plan page, by intent; each answers where to go next, or why not. */
const planIntents = {
  plan: async (c: PlanAction): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, headerSchema);
    if (!parsed.ok) return invalidFields(parsed.errors);
    const { version, ...header } = parsed.data;
    return map(await updatePlanHeader(c.db, c.actor, c.partnershipId, c.full.plan.id, version, header), savedAt(c));
  },
  delete: async (c: PlanAction): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, deleteSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.invalid");
    return map(await deletePlanItem(c.db, c.actor, c.partnershipId, c.full.plan.id, parsed.data.kind, parsed.data.id), () => `${pageOf(c)}?saved=1`);
  },
  objective: (c: PlanAction) => item(c, "objective"),
  action: (c: PlanAction) => item(c, "action"),
  indicator: (c: PlanAction) => item(c, "indicator"),
};

/** One POST on the plan page (the coordinator's); an unknown intent is refused (400). */
export function handlePlanAction(c: PlanAction): Promise<Outcome<string>> {
  return dispatchIntent(intentOf(c.read.values), planIntents, c, malformed);
}
