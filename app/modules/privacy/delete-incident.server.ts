import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { conflict, missing, ok, refusal, type Conflict, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";
import type { PrivacyAccess } from "./privacy-access.server.ts";
import { loadIncident, retentionEndsAt } from "./save-incident.server.ts";
import { privacyIncident, privacyIncidentMeasure } from "./tables.ts";
import { INCIDENT_RETENTION_YEARS } from "./vocabulary.ts";

export type DeleteRefusal = "retention_lock";

/**
 * The retention lock (issue 15 §1): an incident stays in the register while it is open and for
 * five years after it closed. Only then may the officer destroy it; the audit event keeps that it
 * existed (its id and dates), never its content. The follow-up responsibilities stay.
 */
export async function deleteIncident(db: Database, actor: AuditActor, access: PrivacyAccess, id: string, version: number, now = new Date()): Promise<Ok<string> | NotFound | Conflict | Refused<DeleteRefusal>> {
  return db.transaction(async (tx) => {
    const current = await loadIncident(tx, access, id);
    if (!current) return missing();
    if (current.version !== version) return conflict();
    if (current.status !== "closed" || !current.closedAt || now < retentionEndsAt(current.closedAt, INCIDENT_RETENTION_YEARS)) {
      return refusal("retention_lock", current.closedAt ? { until: retentionEndsAt(current.closedAt, INCIDENT_RETENTION_YEARS).toISOString().slice(0, 10) } : undefined);
    }
    await tx.delete(privacyIncidentMeasure).where(and(eq(privacyIncidentMeasure.partnershipId, access.partnershipId), eq(privacyIncidentMeasure.incidentId, id)));
    await tx.delete(privacyIncident).where(and(eq(privacyIncident.partnershipId, access.partnershipId), eq(privacyIncident.id, id), eq(privacyIncident.version, version)));
    await recordAuditEvent(tx, actor, {
      action: "privacy.incident_destroyed",
      targetType: "privacy_incident",
      targetId: id,
      partnershipId: current.partnershipId,
      organizationId: current.organizationId,
      details: { closedAt: current.closedAt.toISOString(), occurredOn: current.occurredOn },
    });
    return ok(id);
  });
}
