import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { meeting, meetingDecision } from "../meetings/tables.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";
import { changeRecommendation, loadRecommendation, type EvaluationAccess } from "./history.server.ts";
import type { ResponseInput } from "./report-schema.ts";

/** A decision of this Table's own meetings (not an organization's), or null. */
export async function tableDecision(db: Database, partnershipId: string, decisionId: string) {
  const [d] = await db
    .select({ id: meetingDecision.id })
    .from(meetingDecision)
    .innerJoin(meeting, eq(meeting.id, meetingDecision.meetingId))
    .where(and(eq(meetingDecision.partnershipId, partnershipId), eq(meeting.partnershipId, partnershipId), isNull(meeting.organizationId), eq(meetingDecision.id, decisionId)));
  return d ?? null;
}

/**
 * The Table coordinator records the management response (agree, partially, disagree) with its
 * rationale, after a Table decision. A verified recommendation takes no new response: it is reopened first.
 */
export async function recordResponse(db: Database, actor: AuditActor, access: EvaluationAccess, id: string, input: ResponseInput, now = new Date()): Promise<Ok<string> | NotFound | Conflict | Invalid> {
  return db.transaction(async (tx) => {
    const current = await loadRecommendation(tx, access.partnershipId, id);
    if (!current) return missing();
    // A stale form answers "changed since" before any rule about the state it no longer shows.
    if (current.version !== input.version) return conflict();
    if (current.verification) return invalid("response", "evalReports.refused.verified");
    if (!(await tableDecision(tx, access.partnershipId, input.decisionId))) return invalid("decisionId", "evalReports.form.decisionRequired");
    const done = await changeRecommendation(
      tx,
      actor,
      access,
      current,
      input.version,
      "responded",
      { response: input.response, responseRationale: input.rationale, decisionId: input.decisionId, respondedByPersonId: access.personId, respondedAt: now },
      { from: current.response, to: input.response, note: input.rationale, decisionId: input.decisionId },
    );
    return done ? ok(id) : conflict();
  });
}
