import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import type { MeetingAccess } from "../meetings/meeting-access.server.ts";
import { createResponsibility } from "../meetings/responsibilities/save-responsibility.server.ts";
import { conflict, invalid, missing, ok, refusal, type Conflict, type Invalid, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import { inRegister, registerWhere, type PrivacyAccess } from "./privacy-access.server.ts";
import type { IncidentInput, MeasureInput } from "./privacy-schema.ts";
import { privacyIncident, privacyIncidentMeasure } from "./tables.ts";
import { incidentTransitions, TABLE_REGISTER, type IncidentSource, type IncidentStatus } from "./vocabulary.ts";

type IncidentRow = typeof privacyIncident.$inferSelect;

async function audit(tx: Database, actor: AuditActor, row: { id: string; partnershipId: string; organizationId: string | null }, action: string, details: Record<string, unknown> = {}) {
  await recordAuditEvent(tx, actor, { action, targetType: "privacy_incident", targetId: row.id, partnershipId: row.partnershipId, organizationId: row.organizationId, details });
}

/** One incident of the officer's registers; another register's (or Table's) reads as missing. */
export async function loadIncident(db: Database, access: PrivacyAccess, id: string): Promise<IncidentRow | null> {
  const [row] = await db
    .select()
    .from(privacyIncident)
    .where(and(eq(privacyIncident.partnershipId, access.partnershipId), registerWhere(access, privacyIncident.organizationId), eq(privacyIncident.id, id)));
  return row ?? null;
}

/** The register the form names: "table", an organization id, or (empty) the officer's only register. */
async function registerOf(db: Database, access: PrivacyAccess, register: string): Promise<{ organizationId: string | null } | null> {
  if (register === "") return access.registers.length === 1 ? { organizationId: access.registers[0]! } : null;
  const organizationId = register === TABLE_REGISTER ? null : register;
  if (!inRegister(access, organizationId)) return null;
  if (organizationId) {
    const [o] = await db.select({ id: organization.id }).from(organization).where(and(eq(organization.partnershipId, access.partnershipId), eq(organization.id, organizationId)));
    if (!o) return null;
  }
  return { organizationId };
}

function fieldsOf(input: IncidentInput) {
  const { register: _register, ...fields } = input;
  return fields;
}

export interface IncidentSourceRef {
  type: IncidentSource;
  id: string | null;
}

/** The officer records an incident in one of their registers (status "reported"). */
export async function createIncident(db: Database, actor: AuditActor, access: PrivacyAccess, input: IncidentInput, source: IncidentSourceRef = { type: "other", id: null }): Promise<Ok<string> | Invalid> {
  const where = await registerOf(db, access, input.register);
  if (!where) return invalid("register", "privacy.form.registerRequired");
  const [row] = await db
    .insert(privacyIncident)
    .values({ ...fieldsOf(input), partnershipId: access.partnershipId, organizationId: where.organizationId, sourceType: source.type, sourceId: source.id, reportedByPersonId: access.personId })
    .returning();
  await audit(db, actor, row!, "privacy.incident_created", { severity: input.severity, source: source.type });
  return ok(row!.id);
}

/** Edits the register's items (not its register nor its status); a stale version answers conflict. */
export async function updateIncident(db: Database, actor: AuditActor, access: PrivacyAccess, id: string, version: number, input: IncidentInput): Promise<Ok<string> | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const current = await loadIncident(tx, access, id);
    if (!current) return missing();
    const fields = fieldsOf(input);
    const rows = await tx
      .update(privacyIncident)
      .set({ ...fields, version: sql`${privacyIncident.version} + 1`, updatedAt: new Date() })
      .where(and(eq(privacyIncident.id, id), eq(privacyIncident.partnershipId, access.partnershipId), eq(privacyIncident.version, version)))
      .returning({ id: privacyIncident.id });
    if (rows.length === 0) return conflict();
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => String(current[k] ?? "") !== String(fields[k] ?? ""));
    await audit(tx, actor, current, "privacy.incident_updated", { changed: changed.join(",") });
    return ok(id);
  });
}

export type StatusRefusal = "transition" | "assessment_missing" | "notices_missing" | "not_serious";

/**
 * Moves an incident along its flow. Assessed needs the severity and its reasoning; notified
 * needs a serious risk and the date of the notice to the Commission; closing a serious incident
 * needs the notices to have been given (status notified).
 */
export async function changeIncidentStatus(db: Database, actor: AuditActor, access: PrivacyAccess, id: string, version: number, to: IncidentStatus, now = new Date()): Promise<Ok<string> | NotFound | Conflict | Refused<StatusRefusal>> {
  return db.transaction(async (tx) => {
    const current = await loadIncident(tx, access, id);
    if (!current) return missing();
    if (current.version !== version) return conflict();
    if (!incidentTransitions[current.status].includes(to)) return refusal("transition");
    if (to === "assessed" && (!current.severity || !current.riskReasoning)) return refusal("assessment_missing");
    if (to === "notified" && current.severity !== "serious") return refusal("not_serious");
    if (to === "notified" && (!current.commissionNoticeOn || !current.peopleNoticeOn)) return refusal("notices_missing");
    if (to === "closed" && current.severity === "serious" && current.status !== "notified") return refusal("notices_missing");
    const stamp = to === "assessed" ? { assessedAt: now } : to === "notified" ? { notifiedAt: now } : to === "closed" ? { closedAt: now } : {};
    const rows = await tx
      .update(privacyIncident)
      .set({ status: to, ...stamp, version: sql`${privacyIncident.version} + 1`, updatedAt: now })
      .where(and(eq(privacyIncident.id, id), eq(privacyIncident.version, version)))
      .returning({ id: privacyIncident.id });
    if (rows.length === 0) return conflict();
    await audit(tx, actor, current, "privacy.incident_status_changed", { from: current.status, to });
    return ok(id);
  });
}

/**
 * A follow-up measure: a responsibility created through the responsibilities module (Table-wide
 * for the Table's register, organization-only for an organization's), linked to the incident.
 * Its text is the officer's and is seen by the owner: the form asks for no detail of the incident.
 */
export async function addIncidentMeasure(db: Database, actor: AuditActor, access: PrivacyAccess, id: string, input: MeasureInput): Promise<Ok<string> | NotFound | Invalid | Conflict> {
  return db.transaction(async (tx) => {
    const current = await loadIncident(tx, access, id);
    if (!current) return missing();
    const meetingAccess: MeetingAccess = {
      partnershipId: access.partnershipId,
      personId: access.personId,
      viewMeetings: false,
      viewAll: false,
      followupOrgs: [],
      manageAll: current.organizationId === null,
      manageFollowupOrgs: current.organizationId ? [current.organizationId] : [],
      ownOrgIds: [],
      answerForOrgIds: [],
    };
    const created = await createResponsibility(tx, actor, meetingAccess, { what: input.what, ownerPersonId: input.ownerPersonId, ownerOrganizationId: null, dueOn: input.dueOn, objectiveId: null, meetingId: null, agendaItemId: null });
    if (created.kind !== "ok") return created.kind === "invalid" ? invalid("ownerPersonId", "privacy.form.ownerRequired") : created;
    await tx.insert(privacyIncidentMeasure).values({ partnershipId: access.partnershipId, incidentId: id, responsibilityId: created.value });
    await audit(tx, actor, current, "privacy.incident_measure_added", { responsibilityId: created.value, dueOn: input.dueOn });
    return ok(created.value);
  });
}

/** The day an incident closed at `closedAt` leaves the retention lock. */
export function retentionEndsAt(closedAt: Date, years: number): Date {
  const end = new Date(closedAt);
  end.setUTCFullYear(end.getUTCFullYear() + years);
  return end;
}
