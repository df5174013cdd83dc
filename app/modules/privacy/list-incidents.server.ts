import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { person } from "../people/tables.ts";
import { registerWhere, type PrivacyAccess } from "./privacy-access.server.ts";
import { privacyIncident, privacyIncidentMeasure } from "./tables.ts";
import { loadIncident, retentionEndsAt } from "./save-incident.server.ts";
import { INCIDENT_RETENTION_YEARS, incidentSeverities, incidentStatuses, type IncidentSeverity, type IncidentStatus } from "./vocabulary.ts";

export interface RegisterName {
  id: string | null;
  nameFr: string;
  nameEn: string;
}

/** The names of the officer's registers (the Table's has none: the page says "the Table"). */
export async function registerNames(db: Database, access: PrivacyAccess): Promise<RegisterName[]> {
  const orgs = access.registers.filter((r): r is string => r !== null);
  const named = orgs.length
    ? await db.select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn }).from(organization).where(and(eq(organization.partnershipId, access.partnershipId), inArray(organization.id, orgs))).orderBy(asc(organization.nameFr))
    : [];
  return [...(access.registers.includes(null) ? [{ id: null, nameFr: "", nameEn: "" }] : []), ...named];
}

export async function listIncidents(db: Database, access: PrivacyAccess) {
  return db
    .select({
      id: privacyIncident.id,
      title: privacyIncident.title,
      organizationId: privacyIncident.organizationId,
      occurredOn: privacyIncident.occurredOn,
      knownOn: privacyIncident.knownOn,
      severity: privacyIncident.severity,
      status: privacyIncident.status,
      peopleCount: privacyIncident.peopleCount,
      peopleCountApproximate: privacyIncident.peopleCountApproximate,
    })
    .from(privacyIncident)
    .where(and(eq(privacyIncident.partnershipId, access.partnershipId), registerWhere(access, privacyIncident.organizationId)))
    .orderBy(desc(privacyIncident.knownOn), desc(privacyIncident.createdAt));
}

/** One incident with its follow-up measures (the linked responsibilities, their owner and status). */
export async function getIncident(db: Database, access: PrivacyAccess, id: string) {
  const incident = await loadIncident(db, access, id);
  if (!incident) return null;
  const measures = await db
    .select({ id: responsibility.id, what: responsibility.what, dueOn: responsibility.dueOn, status: responsibility.status, givenName: person.givenName, familyName: person.familyName })
    .from(privacyIncidentMeasure)
    .innerJoin(responsibility, and(eq(responsibility.id, privacyIncidentMeasure.responsibilityId), eq(responsibility.partnershipId, access.partnershipId)))
    .leftJoin(person, eq(person.id, responsibility.ownerPersonId))
    .where(and(eq(privacyIncidentMeasure.partnershipId, access.partnershipId), eq(privacyIncidentMeasure.incidentId, id)))
    .orderBy(asc(responsibility.dueOn));
  const retainedUntil = incident.closedAt ? retentionEndsAt(incident.closedAt, INCIDENT_RETENTION_YEARS).toISOString().slice(0, 10) : null;
  return { incident, measures: measures.map((m) => ({ id: m.id, what: m.what, dueOn: m.dueOn, status: m.status, owner: `${m.givenName ?? ""} ${m.familyName ?? ""}`.trim() })), retainedUntil };
}

/** People who may own a follow-up measure: the Table's, or the organization's for its register. */
export async function measureOwners(db: Database, partnershipId: string, organizationId: string | null) {
  return db
    .select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
    .from(person)
    .where(and(eq(person.partnershipId, partnershipId), organizationId ? eq(person.organizationId, organizationId) : undefined))
    .orderBy(asc(person.familyName), asc(person.givenName))
    .limit(500);
}

export interface IncidentCounts {
  total: number;
  byStatus: Record<IncidentStatus, number>;
  bySeverity: Record<IncidentSeverity | "unassessed", number>;
}

/**
 * The Table coordinator's view: how many incidents the Table's registers hold, by status and by
 * severity — numbers only, never a title, a date or an organization.
 */
export async function incidentCounts(db: Database, partnershipId: string): Promise<IncidentCounts> {
  const rows = await db
    .select({ status: privacyIncident.status, severity: privacyIncident.severity, n: count() })
    .from(privacyIncident)
    .where(eq(privacyIncident.partnershipId, partnershipId))
    .groupBy(privacyIncident.status, privacyIncident.severity);
  const byStatus = Object.fromEntries(incidentStatuses.map((s) => [s, 0])) as IncidentCounts["byStatus"];
  const bySeverity = Object.fromEntries([...incidentSeverities, "unassessed"].map((s) => [s, 0])) as IncidentCounts["bySeverity"];
  let total = 0;
  for (const r of rows) {
    byStatus[r.status] += r.n;
    bySeverity[r.severity ?? "unassessed"] += r.n;
    total += r.n;
  }
  return { total, byStatus, bySeverity };
}
