import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { canManageMeeting, type MeetingAccess } from "./meeting-access.server.ts";
import { meeting, meetingAgendaItem } from "./tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

export const moveDirections = ["up", "down"] as const;
export type MoveDirection = (typeof moveDirections)[number];

/** Whether the item moved (not past either end), or why not. */
export type MoveResult = Ok<boolean> | NotFound | Conflict;

/**
 * Moves one agenda item a place up or down (the move up / move down buttons of the edit page).
 * Positions are rewritten 0…n-1 in one transaction; the meeting's version is raised so that an
 * edit form opened before the move is refused instead of putting the old order back. The first
 * item going up (or the last going down) changes nothing and is not audited. `version` is the
 * meeting's version when the page was drawn: a second click from the same page (or a move after
 * someone else's edit) answers "conflict" and moves nothing.
 */
export async function moveAgendaItem(
  db: Database,
  actor: AuditActor,
  access: MeetingAccess,
  input: { meetingId: string; itemId: string; direction: MoveDirection; version: number },
): Promise<MoveResult> {
  return db.transaction(async (tx) => {
    const [m] = await tx
      .select()
      .from(meeting)
      .where(and(eq(meeting.partnershipId, access.partnershipId), eq(meeting.id, input.meetingId)))
      .for("update");
    if (!m || !canManageMeeting(access, m) || m.status === "closed" || m.status === "cancelled") return missing();
    if (m.version !== input.version) return conflict();
    const items = await tx
      .select({ id: meetingAgendaItem.id })
      .from(meetingAgendaItem)
      .where(and(eq(meetingAgendaItem.partnershipId, access.partnershipId), eq(meetingAgendaItem.meetingId, m.id)))
      .orderBy(asc(meetingAgendaItem.position), asc(meetingAgendaItem.createdAt), asc(meetingAgendaItem.id));
    const from = items.findIndex((i) => i.id === input.itemId);
    if (from < 0) return missing();
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= items.length) return ok(false);
    const order = items.map((i) => i.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, id] of order.entries()) {
      await tx.update(meetingAgendaItem).set({ position }).where(and(eq(meetingAgendaItem.meetingId, m.id), eq(meetingAgendaItem.id, id)));
    }
    await tx
      .update(meeting)
      .set({ version: sql`${meeting.version} + 1`, updatedAt: new Date() })
      .where(eq(meeting.id, m.id));
    await recordAuditEvent(tx, actor, {
      action: "meeting.agenda_reordered",
      targetType: "meeting",
      targetId: m.id,
      partnershipId: m.partnershipId,
      organizationId: m.organizationId,
      details: { itemId: input.itemId, direction: input.direction, from, to },
    });
    return ok(true);
  });
}
