import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { commitmentOverview, listCommitments, latestByOrganization, type CommitmentRow, type OverviewRow } from "./commitments.server.ts";
import { commitmentStatus } from "./commitment-status.ts";
import { listDelegateTerms, type DelegateTerm } from "./delegate-terms.server.ts";
import { findPartnerOrganization, listPartnerOrganizations, type PartnerOrganization } from "./partner-organization.server.ts";
import { listPartnerPeople, type PartnerPeople } from "./partner-people.server.ts";
import { computeTurnover, type Turnover } from "./turnover.ts";
import type { CommitmentStatus } from "./vocabulary.ts";

export interface PartnerListRow {
  organization: PartnerOrganization;
  delegates: string[];
  commitment: OverviewRow;
  turnover: Turnover;
}

/** The /partners page: every organization with its delegates, commitment status and turnover, plus the Table's turnover. */
export async function listPartners(db: Database, partnershipId: string, today: string): Promise<{ rows: PartnerListRow[]; table: Turnover }> {
  const [orgs, overview, terms, delegates] = await Promise.all([
    listPartnerOrganizations(db, partnershipId),
    commitmentOverview(db, partnershipId, today),
    listDelegateTerms(db, partnershipId),
    db
      .select({ organizationId: roleAssignment.organizationId, personId: person.id, givenName: person.givenName, familyName: person.familyName })
      .from(roleAssignment)
      .innerJoin(person, eq(person.id, roleAssignment.personId))
      .where(and(eq(roleAssignment.partnershipId, partnershipId), eq(roleAssignment.role, "table_member"), isNull(roleAssignment.revokedAt)))
      .orderBy(asc(person.familyName)),
  ]);
  // A current substitute also holds the table_member role: listed as delegate only on the profile's substitute line.
  const substitutes = new Set(
    terms.filter((t) => t.kind === "substitute" && t.since <= today && (!t.until || t.until >= today)).map((t) => `${t.organizationId}|${t.personId}`),
  );
  const rows = orgs.map((organization) => ({
    organization,
    delegates: [
      ...new Set(
        delegates
          .filter((d) => d.organizationId === organization.id && !substitutes.has(`${d.organizationId}|${d.personId}`))
          .map((d) => `${d.givenName} ${d.familyName}`),
      ),
    ],
    commitment: overview.find((o) => o.organizationId === organization.id)!,
    turnover: computeTurnover(terms.filter((t) => t.organizationId === organization.id), today),
  }));
  return { rows, table: computeTurnover(terms, today) };
}

export interface PartnerProfile {
  organization: PartnerOrganization;
  people: PartnerPeople;
  terms: DelegateTerm[];
  turnover: Turnover;
  commitments: CommitmentRow[];
  commitmentStatus: CommitmentStatus;
  latestCommitment: CommitmentRow | null;
}

/** Everything the profile page shows about one organization of the Table; null when it is not of this Table. */
export async function getPartnerProfile(db: Database, partnershipId: string, organizationId: string, today: string): Promise<PartnerProfile | null> {
  const organization = await findPartnerOrganization(db, partnershipId, organizationId);
  if (!organization) return null;
  const [people, terms, commitments] = await Promise.all([
    listPartnerPeople(db, partnershipId, organizationId, today),
    listDelegateTerms(db, partnershipId, organizationId),
    listCommitments(db, partnershipId, organizationId),
  ]);
  const latest = latestByOrganization(commitments).get(organizationId) ?? null;
  return {
    organization,
    people,
    terms,
    turnover: computeTurnover(terms, today),
    commitments,
    commitmentStatus: commitmentStatus(latest, today),
    latestCommitment: latest,
  };
}
