import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";
import { changeRecommendation, loadRecommendation, type EvaluationAccess } from "./history.server.ts";
import type { Verification } from "./vocabulary.ts";

/**
 * The evaluator closes a recommendation with a verification and its evidence. Only a route under
 * `evaluation.report` (the evaluator's alone) calls this: the coordinator cannot close their own work.
 * An unanswered recommendation is not verified: the Table answers first.
 */
export async function verifyRecommendation(
  db: Database,
  actor: AuditActor,
  access: EvaluationAccess,
  id: string,
  input: { verification: Verification; evidence: string; version: number },
  now = new Date(),
): Promise<Ok<string> | NotFound | Conflict | Invalid> {
  return db.transaction(async (tx) => {
    const current = await loadRecommendation(tx, access.partnershipId, id);
    if (!current) return missing();
    // A stale form answers "changed since" before any rule about the state it no longer shows.
    if (current.version !== input.version) return conflict();
    if (!current.response) return invalid("verification", "evalReports.refused.noResponse");
    if (current.verification) return invalid("verification", "evalReports.refused.verified");
    const done = await changeRecommendation(
      tx,
      actor,
      access,
      current,
      input.version,
      "verified",
      { verification: input.verification, verificationEvidence: input.evidence, verifiedByPersonId: access.personId, verifiedAt: now },
      { from: null, to: input.verification, note: input.evidence },
    );
    return done ? ok(id) : conflict();
  });
}
