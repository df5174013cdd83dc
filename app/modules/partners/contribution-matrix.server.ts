import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import type { ContributionRowInput } from "./partners-schema.ts";
import { partnerContribution } from "./tables.ts";
import { contributionDomains, type ContributionDomain } from "./vocabulary.ts";
import { conflict, missing, ok, type Conflict, type NotFound, type Ok } from "../outcome/outcome.ts";

export type ContributionRow = Record<ContributionDomain, string>;

export interface MatrixRow {
  organizationId: string;
  nameFr: string;
  nameEn: string;
  acronym: string;
  cells: ContributionRow;
}

const emptyRow = (): ContributionRow => Object.fromEntries(contributionDomains.map((d) => [d, ""])) as ContributionRow;

/** The whole matrix of a Table: one row per organization (by French name), eight cells each. */
export async function loadContributionMatrix(db: Database, partnershipId: string): Promise<MatrixRow[]> {
  const orgs = await db
    .select({ organizationId: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(eq(organization.partnershipId, partnershipId))
    // Rows are headed by acronyms: ordered by them (then by name when there is none).
    .orderBy(organization.acronym, organization.nameFr);
  const cells = await db
    .select({ organizationId: partnerContribution.organizationId, domain: partnerContribution.domain, text: partnerContribution.text })
    .from(partnerContribution)
    .where(eq(partnerContribution.partnershipId, partnershipId));
  const rows = new Map(orgs.map((o) => [o.organizationId, { ...o, cells: emptyRow() }]));
  for (const c of cells) {
    const row = rows.get(c.organizationId);
    if (row) row.cells[c.domain] = c.text;
  }
  return [...rows.values()];
}

/** One organization's row; null when the organization is not of this Table. */
/** The row's version: the sum of its cells' versions, which grows with every saved cell. */
const rowVersion = (cells: { version: number }[]) => cells.reduce((sum, c) => sum + c.version, 0);

export async function loadContributionRow(db: Database, partnershipId: string, organizationId: string): Promise<(MatrixRow & { version: number }) | null> {
  const [org] = await db
    .select({ organizationId: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), eq(organization.id, organizationId)));
  if (!org) return null;
  const cells = await db
    .select({ domain: partnerContribution.domain, text: partnerContribution.text, version: partnerContribution.version })
    .from(partnerContribution)
    .where(and(eq(partnerContribution.partnershipId, partnershipId), eq(partnerContribution.organizationId, organizationId)));
  const row = emptyRow();
  for (const c of cells) row[c.domain] = c.text;
  return { ...org, cells: row, version: rowVersion(cells) };
}

/**
 * Saves an organization's row (8 cells) in one transaction: changed cells are upserted, and
 * the audit lists which domains changed. The caller has checked the actor may edit this row.
 */
export async function saveContributionRow(
  db: Database,
  actor: AuditActor,
  scope: { partnershipId: string; organizationId: string; personId: string },
  input: ContributionRowInput & { version: number },
): Promise<Ok | NotFound | Conflict> {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: organization.id })
      .from(organization)
      .where(and(eq(organization.partnershipId, scope.partnershipId), eq(organization.id, scope.organizationId)))
      .for("update");
    if (!org) return missing();
    const existing = await tx
      .select({ domain: partnerContribution.domain, text: partnerContribution.text, version: partnerContribution.version })
      .from(partnerContribution)
      .where(eq(partnerContribution.organizationId, scope.organizationId));
    // The organization row is locked: no other save of this row runs between check and write.
    if (rowVersion(existing) !== input.version) return conflict();
    const before = new Map(existing.map((c) => [c.domain, c.text]));
    const changed = contributionDomains.filter((d) => (before.get(d) ?? "") !== input[d]);
    for (const domain of changed) {
      await tx
        .insert(partnerContribution)
        .values({ partnershipId: scope.partnershipId, organizationId: scope.organizationId, domain, text: input[domain], updatedBy: scope.personId })
        .onConflictDoUpdate({
          target: [partnerContribution.organizationId, partnerContribution.domain],
          set: { text: input[domain], version: sql`${partnerContribution.version} + 1`, updatedBy: scope.personId, updatedAt: new Date() },
        });
    }
    if (changed.length) {
      await recordAuditEvent(tx, actor, {
        action: "partner.contribution.updated",
        targetType: "organization",
        targetId: scope.organizationId,
        partnershipId: scope.partnershipId,
        organizationId: scope.organizationId,
        details: { domains: changed },
      });
    }
    return ok();
  });
}
