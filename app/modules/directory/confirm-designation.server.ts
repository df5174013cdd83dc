import { and, asc, eq, isNull, or, gte, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization, site } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { isStale } from "./dates.ts";
import { designationScope, type OrganizationScope } from "./designation-scope.server.ts";
import { pivotDesignation } from "./tables.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";
import { quebecDay } from "../time/days.ts";

export interface OwnEntry {
  id: string;
  organizationNameFr: string;
  organizationNameEn: string;
  siteName: string | null;
  rank: "primary" | "backup";
  since: string;
  until: string | null;
  confirmedAt: Date;
  stale: boolean;
  /** The row version the confirmation form carries. */
  version: number;
  /** What readers of the directory see: the entry's own contact, else the person's. */
  phone: string;
  email: string;
  languages: string[];
  clienteles: string[];
  expertise: string[];
  availability: string;
  contactNotes: string;
}

/** The signed-in person's own open designations in their Table ("mes fiches du bottin"). */
export async function listOwnEntries(
  db: Database,
  input: { partnershipId: string; personId: string; freshnessMonths: number; now?: Date },
): Promise<OwnEntry[]> {
  const now = input.now ?? new Date();
  const rows = await db
    .select({
      id: pivotDesignation.id,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      siteName: site.name,
      rank: pivotDesignation.rank,
      since: pivotDesignation.since,
      until: pivotDesignation.until,
      confirmedAt: pivotDesignation.confirmedAt,
      version: pivotDesignation.version,
      contactPhone: pivotDesignation.contactPhone,
      contactEmail: pivotDesignation.contactEmail,
      personPhone: person.phone,
      personEmail: person.email,
      languages: pivotDesignation.languages,
      clienteles: pivotDesignation.clienteles,
      expertise: pivotDesignation.expertise,
      availability: pivotDesignation.availability,
      contactNotes: pivotDesignation.contactNotes,
    })
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(
      and(
        eq(pivotDesignation.partnershipId, input.partnershipId),
        eq(pivotDesignation.personId, input.personId),
        or(isNull(pivotDesignation.until), gte(pivotDesignation.until, quebecDay(now))),
      ),
    )
    .orderBy(asc(organization.nameFr), asc(pivotDesignation.since));
  return rows.map(({ contactPhone, contactEmail, personPhone, personEmail, ...r }) => ({
    ...r,
    phone: contactPhone || personPhone,
    email: contactEmail || personEmail,
    siteName: r.siteName ?? null,
    confirmedAt: new Date(r.confirmedAt),
    stale: isStale(new Date(r.confirmedAt), now, input.freshnessMonths),
  }));
}

/**
 * "Still accurate": stamps the entry as confirmed now. Allowed to its owner, or to a manager of
 * its organization; anything else is "not_found". The person confirms what they saw: when the
 * entry changed since (another version), nothing is written and the answer is "conflict".
 * Clearing the reminder mark lets the next period's reminder go out.
 */
export async function confirmDesignation(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; id: string; version: number; by: { personId: string } | { organizationIds: OrganizationScope }; now?: Date },
): Promise<Ok | Conflict | NotFound> {
  const now = input.now ?? new Date();
  const who =
    "personId" in input.by
      ? and(eq(pivotDesignation.partnershipId, input.partnershipId), eq(pivotDesignation.personId, input.by.personId))
      : designationScope(input.partnershipId, input.by.organizationIds);
  const open = or(isNull(pivotDesignation.until), gte(pivotDesignation.until, quebecDay(now)));
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: pivotDesignation.id, version: pivotDesignation.version })
      .from(pivotDesignation)
      .where(and(eq(pivotDesignation.id, input.id), who, open))
      .for("update");
    if (!current) return missing();
    if (current.version !== input.version) return conflict();
    const updated = await tx
      .update(pivotDesignation)
      .set({ confirmedAt: now, confirmedBy: actor.accountId, staleReminderSentAt: null, version: sql`${pivotDesignation.version} + 1`, updatedAt: now })
      .where(and(eq(pivotDesignation.id, input.id), eq(pivotDesignation.version, input.version)))
      .returning({ id: pivotDesignation.id, organizationId: pivotDesignation.organizationId, personId: pivotDesignation.personId });
    const row = updated[0];
    if (!row) return conflict();
    await recordAuditEvent(tx, actor, {
      action: "pivot.entry_confirmed",
      targetType: "pivot_designation",
      targetId: row.id,
      partnershipId: input.partnershipId,
      organizationId: row.organizationId,
      details: { personId: row.personId, by: "personId" in input.by ? "owner" : "manager" },
    });
    return ok();
  });
}
