import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, missing, refusal, type Conflict, type NotFound, type Refused } from "../outcome/outcome.ts";
import { canManageMeeting, type MeetingAccess } from "./meeting-access.server.ts";
import { meeting, meetingInvitation } from "./tables.ts";
import { isPivotMeetingKind, type MeetingStatus } from "./vocabulary.ts";

export type PivotMeeting = typeof meeting.$inferSelect;

/**
 * A pivot meeting (regional or an organization's follow-up) of the person's Table, locked for the
 * write. Another Table's, another kind's or one the person may not touch reads as missing.
 */
export async function lockPivotMeeting(
  tx: Database,
  access: MeetingAccess,
  meetingId: string,
  need: {
    manage?: boolean;
    invited?: boolean;
    statuses: MeetingStatus[];
    version?: number;
  },
): Promise<PivotMeeting | NotFound | Refused | Conflict> {
  const [m] = await tx
    .select()
    .from(meeting)
    .where(and(eq(meeting.partnershipId, access.partnershipId), eq(meeting.id, meetingId)))
    .for("update");
  if (!m || !isPivotMeetingKind(m.kind)) return missing();
  if (need.manage && !canManageMeeting(access, m)) return missing();
  if (need.invited) {
    const [inv] = await tx
      .select({ personId: meetingInvitation.personId })
      .from(meetingInvitation)
      .where(and(eq(meetingInvitation.meetingId, m.id), eq(meetingInvitation.personId, access.personId)));
    if (!inv) return missing();
  }
  if (!need.statuses.includes(m.status)) return refusal("meetings.refused.status");
  if (need.version !== undefined && m.version !== need.version) return conflict();
  return m;
}

export const isLocked = (v: PivotMeeting | NotFound | Refused | Conflict): v is PivotMeeting => "partnershipId" in v;

export async function auditMeeting(tx: Database, actor: AuditActor, m: PivotMeeting, action: string, details: Record<string, unknown>) {
  await recordAuditEvent(tx, actor, {
    action,
    targetType: "meeting",
    targetId: m.id,
    partnershipId: m.partnershipId,
    organizationId: m.organizationId,
    details,
  });
}
