import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization, site } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import type { CreateDesignationValues, EndDesignationValues, UpdateDesignationValues } from "./designation-schema.ts";
import { designationScope, inOrganizationScope, type OrganizationScope } from "./designation-scope.server.ts";
import { ensurePivotRole, revokePivotRoleIfLast } from "./pivot-role.server.ts";
import { tellNewPivot } from "./tell-new-pivot.server.ts";
import { searchTextFor } from "./search-text.server.ts";
import { pivotDesignation } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

export interface ManagerScope {
  partnershipId: string;
  organizationIds: OrganizationScope;
}

export type SaveResult =
  | { ok: true; id: string }
  | { ok: false; error: "not_found" | "conflict" }
  | { ok: false; error: "invalid"; field: "personId" | "siteId" | "organizationId" };

function detailColumns(v: UpdateDesignationValues | CreateDesignationValues) {
  return {
    siteId: v.siteId,
    rank: v.rank,
    since: v.since,
    until: v.until,
    languages: v.languages,
    clienteles: v.clienteles,
    expertise: v.expertise,
    availability: v.availability,
    contactPhone: v.contactPhone,
    contactEmail: v.contactEmail,
    contactNotes: v.contactNotes,
  };
}

async function siteBelongs(tx: Database, siteId: string | null, organizationId: string, partnershipId: string): Promise<boolean> {
  if (!siteId) return true;
  const rows = await tx
    .select({ id: site.id })
    .from(site)
    .where(and(eq(site.id, siteId), eq(site.organizationId, organizationId), eq(site.partnershipId, partnershipId)));
  return rows.length > 0;
}

/**
 * Designates a person of the organization as pivot, and tells them (tellNewPivot: an email, or
 * the invitation that opens their account). A second identical submission (same person,
 * organization, site, rank and start) returns the first designation instead of a twin.
 */
export async function createDesignation(
  db: Database,
  actor: AuditActor,
  scope: ManagerScope,
  v: CreateDesignationValues,
  notice: { publicUrl: string },
): Promise<SaveResult> {
  if (!inOrganizationScope(scope.organizationIds, v.organizationId)) return { ok: false, error: "invalid", field: "organizationId" };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pivot_designation:${v.personId}`}))`);
    const [org] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(and(eq(organization.id, v.organizationId), eq(organization.partnershipId, scope.partnershipId)));
    if (!org) return { ok: false, error: "invalid", field: "organizationId" } as const;
    const [who] = await tx
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.id, v.personId), eq(person.partnershipId, scope.partnershipId), eq(person.organizationId, v.organizationId)));
    if (!who) return { ok: false, error: "invalid", field: "personId" } as const;
    if (!(await siteBelongs(tx, v.siteId, v.organizationId, scope.partnershipId))) return { ok: false, error: "invalid", field: "siteId" } as const;

    const [twin] = await tx
      .select({ id: pivotDesignation.id })
      .from(pivotDesignation)
      .where(
        and(
          eq(pivotDesignation.partnershipId, scope.partnershipId),
          eq(pivotDesignation.personId, v.personId),
          eq(pivotDesignation.organizationId, v.organizationId),
          v.siteId ? eq(pivotDesignation.siteId, v.siteId) : isNull(pivotDesignation.siteId),
          eq(pivotDesignation.rank, v.rank),
          eq(pivotDesignation.since, v.since),
          isNull(pivotDesignation.until),
        ),
      );
    if (twin) return { ok: true, id: twin.id } as const;

    const searchText = await searchTextFor(tx, { personId: v.personId, organizationId: v.organizationId, siteId: v.siteId, languages: v.languages, clienteles: v.clienteles, expertise: v.expertise });
    const [row] = await tx
      .insert(pivotDesignation)
      .values({
        partnershipId: scope.partnershipId,
        organizationId: v.organizationId,
        personId: v.personId,
        ...detailColumns(v),
        searchText,
        confirmedBy: actor.accountId,
        designatedBy: actor.accountId,
      })
      .returning({ id: pivotDesignation.id });
    const id = row!.id;
    await recordAuditEvent(tx, actor, {
      action: "pivot.designated",
      targetType: "pivot_designation",
      targetId: id,
      partnershipId: scope.partnershipId,
      organizationId: v.organizationId,
      details: { personId: v.personId, siteId: v.siteId, rank: v.rank, since: v.since, until: v.until },
    });
    if (!v.until || v.until >= quebecDay()) {
      await ensurePivotRole(tx, actor, { partnershipId: scope.partnershipId, organizationId: v.organizationId, personId: v.personId });
      await tellNewPivot(tx, actor, { partnershipId: scope.partnershipId, organizationId: v.organizationId, personId: v.personId, publicUrl: notice.publicUrl });
    }
    return { ok: true, id } as const;
  });
}

/** Edits a designation (not its person or organization) when `version` is still the stored one. */
export async function updateDesignation(
  db: Database,
  actor: AuditActor,
  scope: ManagerScope,
  id: string,
  v: UpdateDesignationValues,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ organizationId: pivotDesignation.organizationId, personId: pivotDesignation.personId, siteId: pivotDesignation.siteId })
      .from(pivotDesignation)
      .where(and(eq(pivotDesignation.id, id), designationScope(scope.partnershipId, scope.organizationIds)));
    if (!current) return { ok: false, error: "not_found" } as const;
    if (!(await siteBelongs(tx, v.siteId, current.organizationId, scope.partnershipId))) return { ok: false, error: "invalid", field: "siteId" } as const;
    const searchText = await searchTextFor(tx, { ...current, siteId: v.siteId, languages: v.languages, clienteles: v.clienteles, expertise: v.expertise });
    const updated = await tx
      .update(pivotDesignation)
      .set({ ...detailColumns(v), searchText, version: sql`${pivotDesignation.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pivotDesignation.id, id), eq(pivotDesignation.version, v.version), designationScope(scope.partnershipId, scope.organizationIds)))
      .returning({ id: pivotDesignation.id });
    if (updated.length === 0) return { ok: false, error: "conflict" } as const;
    await recordAuditEvent(tx, actor, {
      action: "pivot.designation_updated",
      targetType: "pivot_designation",
      targetId: id,
      partnershipId: scope.partnershipId,
      organizationId: current.organizationId,
      details: { personId: current.personId, siteId: v.siteId, rank: v.rank, since: v.since, until: v.until },
    });
    return { ok: true, id } as const;
  });
}

/**
 * Ends a designation: sets `until` and the reason; the row stays (history). When it was the
 * person's last open designation in that organization, their "pivot" role there is revoked.
 */
export async function endDesignation(
  db: Database,
  actor: AuditActor,
  scope: ManagerScope,
  id: string,
  v: EndDesignationValues,
  today: string = quebecDay(),
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ organizationId: pivotDesignation.organizationId, personId: pivotDesignation.personId, since: pivotDesignation.since })
      .from(pivotDesignation)
      .where(and(eq(pivotDesignation.id, id), designationScope(scope.partnershipId, scope.organizationIds)));
    if (!current) return { ok: false, error: "not_found" } as const;
    const until = v.until < current.since ? current.since : v.until;
    const updated = await tx
      .update(pivotDesignation)
      .set({ until, endReason: v.endReason, version: sql`${pivotDesignation.version} + 1`, updatedAt: new Date() })
      .where(and(eq(pivotDesignation.id, id), eq(pivotDesignation.version, v.version), designationScope(scope.partnershipId, scope.organizationIds)))
      .returning({ id: pivotDesignation.id });
    if (updated.length === 0) return { ok: false, error: "conflict" } as const;
    await recordAuditEvent(tx, actor, {
      action: "pivot.designation_ended",
      targetType: "pivot_designation",
      targetId: id,
      partnershipId: scope.partnershipId,
      organizationId: current.organizationId,
      details: { personId: current.personId, until, reason: v.endReason },
    });
    await revokePivotRoleIfLast(tx, actor, {
      partnershipId: scope.partnershipId,
      organizationId: current.organizationId,
      personId: current.personId,
      endedDesignationId: id,
      today,
    });
    return { ok: true, id } as const;
  });
}
