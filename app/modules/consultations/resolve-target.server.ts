import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { isCurrentDesignation } from "../directory/current.server.ts";
import { pivotDeliveries, type PivotDelivery } from "../directory/reachable-pivots.server.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { organization } from "../governance/tables.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { quebecDay } from "../time/days.ts";

export interface Recipient {
  personId: string;
  email: string;
  locale: string;
}

export interface ConsultationTarget {
  kind: "pivot" | "organization";
  /** Set when addressed to one pivot. */
  personId: string | null;
  personName: string | null;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  organizationAcronym: string;
  /** The addressed pivots Filet can reach: a notice to an active account, else an invitation. */
  recipients: PivotDelivery[];
}

export async function activeAccountsOf(db: Database, personIds: string[]): Promise<Recipient[]> {
  if (!personIds.length) return [];
  return db
    .select({ personId: person.id, email: account.email, locale: account.locale })
    .from(account)
    .innerJoin(person, eq(person.id, account.personId))
    .where(and(inArray(person.id, personIds), eq(account.status, "active")))
    .orderBy(asc(account.email));
}

/** Current pivots (désignations en vigueur) of one organization of the Table. */
export async function currentPivotsOf(db: Database, partnershipId: string, organizationId: string, today = quebecDay()): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: pivotDesignation.personId })
    .from(pivotDesignation)
    .where(
      and(
        eq(pivotDesignation.partnershipId, partnershipId),
        eq(pivotDesignation.organizationId, organizationId),
        isCurrentDesignation(today),
      ),
    );
  return rows.map((r) => r.personId);
}

const organizationColumns = {
  organizationId: organization.id,
  organizationNameFr: organization.nameFr,
  organizationNameEn: organization.nameEn,
  organizationAcronym: organization.acronym,
};

/**
 * Who a new consultation goes to, from the link that opened the form (?pivot= or
 * ?organization=). Only a current pivot, or an organization of the viewer's Table that has
 * one: anything else is treated as missing.
 */
export async function resolveConsultationTarget(
  db: Database,
  partnershipId: string,
  input: { pivotPersonId?: string | null; organizationId?: string | null },
  today = quebecDay(),
): Promise<ConsultationTarget | null> {
  const activeOrg = and(
    eq(organization.partnershipId, partnershipId),
    sql`(${organization.leftOn} is null or ${organization.leftOn} > ${today})`,
  );
  if (input.pivotPersonId) {
    const [row] = await db
      .select({ ...organizationColumns, personId: person.id, givenName: person.givenName, familyName: person.familyName })
      .from(pivotDesignation)
      .innerJoin(person, eq(person.id, pivotDesignation.personId))
      .innerJoin(organization, and(eq(organization.id, pivotDesignation.organizationId), activeOrg))
      .where(
        and(
          eq(pivotDesignation.partnershipId, partnershipId),
          eq(pivotDesignation.personId, input.pivotPersonId),
          isCurrentDesignation(today),
        ),
      )
      .orderBy(sql`case when ${pivotDesignation.rank} = 'primary' then 0 else 1 end`, asc(pivotDesignation.since))
      .limit(1);
    if (!row) return null;
    return {
      kind: "pivot",
      personId: row.personId,
      personName: `${row.givenName} ${row.familyName}`,
      organizationId: row.organizationId,
      organizationNameFr: row.organizationNameFr,
      organizationNameEn: row.organizationNameEn,
      organizationAcronym: row.organizationAcronym,
      recipients: await pivotDeliveries(db, partnershipId, [row.personId], today),
    };
  }
  if (input.organizationId) {
    const [row] = await db
      .select(organizationColumns)
      .from(organization)
      .where(and(eq(organization.id, input.organizationId), activeOrg))
      .limit(1);
    if (!row) return null;
    const pivots = await currentPivotsOf(db, partnershipId, row.organizationId, today);
    if (!pivots.length) return null;
    return { kind: "organization", personId: null, personName: null, ...row, recipients: await pivotDeliveries(db, partnershipId, pivots, today) };
  }
  return null;
}

/** Organizations of the Table that have at least one current pivot: the "ask an organization" choices. */
export async function listOrganizationsWithPivots(db: Database, partnershipId: string, today = quebecDay()) {
  return db
    .selectDistinct(organizationColumns)
    .from(pivotDesignation)
    .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
    .where(
      and(
        eq(pivotDesignation.partnershipId, partnershipId),
        eq(organization.partnershipId, partnershipId),
        isCurrentDesignation(today),
        sql`(${organization.leftOn} is null or ${organization.leftOn} > ${today})`,
      ),
    )
    .orderBy(asc(organization.nameFr));
}
