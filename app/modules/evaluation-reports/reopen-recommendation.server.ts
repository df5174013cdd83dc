import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";
import { changeRecommendation, loadRecommendation, type EvaluationAccess } from "./history.server.ts";

/** A verified recommendation goes back to open (evaluator or coordinator), with a reason kept in its history. */
export async function reopenRecommendation(db: Database, actor: AuditActor, access: EvaluationAccess, id: string, input: { reason: string; version: number }): Promise<Ok<string> | NotFound | Conflict | Invalid> {
  return db.transaction(async (tx) => {
    const current = await loadRecommendation(tx, access.partnershipId, id);
    if (!current) return missing();
    // A stale form answers "changed since" before any rule about the state it no longer shows.
    if (current.version !== input.version) return conflict();
    if (!current.verification) return invalid("reason", "evalReports.refused.notVerified");
    const done = await changeRecommendation(
      tx,
      actor,
      access,
      current,
      input.version,
      "reopened",
      { verification: null, verificationEvidence: "", verifiedByPersonId: null, verifiedAt: null },
      { from: current.verification, to: null, note: input.reason },
    );
    return done ? ok(id) : conflict();
  });
}
