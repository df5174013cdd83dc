import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../../audit/record-audit-event.server.ts";
import { actionPlanObjective } from "../../action-plan/tables.ts";
import { organization } from "../../governance/tables.ts";
import { person } from "../../people/tables.ts";
import { canManageMeeting, type MeetingAccess } from "../meeting-access.server.ts";
import { meeting, meetingAgendaItem } from "../tables.ts";
import { canEditResponsibility, canUpdateResponsibility } from "./responsibility-access.server.ts";
import type { ResponsibilityInput } from "./responsibility-schema.ts";
import { responsibility, responsibilityComment } from "./tables.ts";
import type { ResponsibilityStatus } from "./vocabulary.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../../outcome/outcome.ts";

/** The responsibility's (or comment's) id, or why not. */
export type SaveResponsibilityResult = Ok<string> | Invalid | Conflict | NotFound;

type Row = typeof responsibility.$inferSelect;

/** Owner and objective must belong to the Table (and to the scope's organization when it has one). */
async function checkReferences(tx: Database, partnershipId: string, scopeOrganizationId: string | null, input: ResponsibilityInput): Promise<SaveResponsibilityResult | null> {
  if (input.ownerPersonId) {
    const [p] = await tx.select({ organizationId: person.organizationId }).from(person).where(and(eq(person.partnershipId, partnershipId), eq(person.id, input.ownerPersonId)));
    if (!p || (scopeOrganizationId && p.organizationId !== scopeOrganizationId)) return invalid("owner", "responsibilities.form.ownerRequired");
  } else if (input.ownerOrganizationId) {
    const [o] = await tx.select({ id: organization.id }).from(organization).where(and(eq(organization.partnershipId, partnershipId), eq(organization.id, input.ownerOrganizationId)));
    if (!o || (scopeOrganizationId && o.id !== scopeOrganizationId)) return invalid("owner", "responsibilities.form.ownerRequired");
  }
  if (input.objectiveId) {
    const [o] = await tx.select({ id: actionPlanObjective.id }).from(actionPlanObjective).where(and(eq(actionPlanObjective.partnershipId, partnershipId), eq(actionPlanObjective.id, input.objectiveId)));
    if (!o) return invalid("objectiveId", "form.invalid");
  }
  return null;
}

async function audit(tx: Database, actor: AuditActor, r: { id: string; partnershipId: string; scopeOrganizationId: string | null }, action: string, details: Record<string, unknown>) {
  await recordAuditEvent(tx, actor, { action, targetType: "responsibility", targetId: r.id, partnershipId: r.partnershipId, organizationId: r.scopeOrganizationId, details });
}

/**
 * Creates a responsibility, from a meeting's agenda item (the meeting's managers, its scope) or on
 * its own (Table-wide for the Table coordinator, organization-only for a pivot coordinator).
 */
export async function createResponsibility(db: Database, actor: AuditActor, access: MeetingAccess, input: ResponsibilityInput): Promise<SaveResponsibilityResult> {
  return db.transaction(async (tx) => {
    let scopeOrganizationId: string | null;
    if (input.meetingId) {
      const [m] = await tx.select().from(meeting).where(and(eq(meeting.partnershipId, access.partnershipId), eq(meeting.id, input.meetingId)));
      if (!m || !canManageMeeting(access, m)) return missing();
      if (m.status === "cancelled" || m.status === "closed") return invalid("what", "meetings.refused.status");
      if (input.agendaItemId) {
        const [item] = await tx.select({ id: meetingAgendaItem.id }).from(meetingAgendaItem).where(and(eq(meetingAgendaItem.meetingId, m.id), eq(meetingAgendaItem.id, input.agendaItemId)));
        if (!item) return missing();
      }
      scopeOrganizationId = m.organizationId;
    } else if (access.manageAll) scopeOrganizationId = null;
    else if (access.manageFollowupOrgs[0]) scopeOrganizationId = access.manageFollowupOrgs[0];
    else return missing();
    const refused = await checkReferences(tx, access.partnershipId, scopeOrganizationId, input);
    if (refused) return refused;
    const [row] = await tx
      .insert(responsibility)
      .values({
        partnershipId: access.partnershipId,
        scopeOrganizationId,
        meetingId: input.meetingId,
        agendaItemId: input.meetingId ? input.agendaItemId : null,
        objectiveId: input.objectiveId,
        what: input.what,
        ownerPersonId: input.ownerPersonId,
        ownerOrganizationId: input.ownerOrganizationId,
        dueOn: input.dueOn,
        createdByPersonId: access.personId,
      })
      .returning();
    await audit(tx, actor, row!, "responsibility.created", { meetingId: input.meetingId, dueOn: input.dueOn, owner: input.ownerPersonId ? "person" : "organization" });
    return ok(row!.id);
  });
}

export async function loadResponsibilityRow(db: Database, partnershipId: string, id: string): Promise<Row | null> {
  const [r] = await db.select().from(responsibility).where(and(eq(responsibility.partnershipId, partnershipId), eq(responsibility.id, id)));
  return r ?? null;
}

export async function updateResponsibility(db: Database, actor: AuditActor, access: MeetingAccess, id: string, version: number, input: ResponsibilityInput): Promise<SaveResponsibilityResult> {
  return db.transaction(async (tx) => {
    const current = await loadResponsibilityRow(tx, access.partnershipId, id);
    if (!current || !canEditResponsibility(access, current)) return missing();
    const refused = await checkReferences(tx, access.partnershipId, current.scopeOrganizationId, input);
    if (refused) return refused;
    const newDue = input.dueOn !== current.dueOn;
    const rows = await tx
      .update(responsibility)
      .set({
        what: input.what,
        ownerPersonId: input.ownerPersonId,
        ownerOrganizationId: input.ownerOrganizationId,
        dueOn: input.dueOn,
        objectiveId: input.objectiveId,
        // A new due date starts the reminders over.
        ...(newDue ? { dueSoonRemindedFor: null, overdueRemindedAt: null } : {}),
        version: sql`${responsibility.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(responsibility.id, id), eq(responsibility.version, version)))
      .returning({ id: responsibility.id });
    if (rows.length === 0) return conflict();
    await audit(tx, actor, current, "responsibility.updated", { dueOn: input.dueOn, newDue });
    return ok(id);
  });
}

/**
 * The owner (or an editor) moves it along: to do, in progress, done, dropped (with a reason).
 * `version` is the one the form showed: a save after someone else's change answers "conflict".
 */
export async function setResponsibilityStatus(
  db: Database,
  actor: AuditActor,
  access: MeetingAccess,
  id: string,
  input: { status: ResponsibilityStatus; droppedReason: string; version: number },
  now = new Date(),
): Promise<SaveResponsibilityResult> {
  return db.transaction(async (tx) => {
    const current = await loadResponsibilityRow(tx, access.partnershipId, id);
    if (!current || !canUpdateResponsibility(access, current)) return missing();
    const rows = await tx
      .update(responsibility)
      .set({
        status: input.status,
        droppedReason: input.status === "dropped" ? input.droppedReason : "",
        completedAt: input.status === "done" ? now : null,
        version: sql`${responsibility.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(responsibility.id, id), eq(responsibility.version, input.version)))
      .returning({ id: responsibility.id });
    if (rows.length === 0) return conflict();
    await audit(tx, actor, current, "responsibility.status_changed", { from: current.status, to: input.status });
    return ok(id);
  });
}

export async function addResponsibilityComment(db: Database, actor: AuditActor, access: MeetingAccess, id: string, body: string): Promise<SaveResponsibilityResult> {
  return db.transaction(async (tx) => {
    const current = await loadResponsibilityRow(tx, access.partnershipId, id);
    if (!current || !canUpdateResponsibility(access, current)) return missing();
    const [c] = await tx
      .insert(responsibilityComment)
      .values({ partnershipId: access.partnershipId, responsibilityId: id, authorPersonId: access.personId, body })
      .returning({ id: responsibilityComment.id });
    await audit(tx, actor, current, "responsibility.commented", { commentId: c!.id });
    return ok(c!.id);
  });
}
