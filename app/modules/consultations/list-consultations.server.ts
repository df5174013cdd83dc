import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import { addressedTo, viewerReach, type Viewer } from "./access.server.ts";
import type { ConsultationStatus, Urgency } from "./consultation-schema.ts";
import { personNames } from "./open-consultation.server.ts";
import { consultation } from "./tables.ts";

export interface ConsultationSummary {
  id: string;
  subject: string;
  status: ConsultationStatus;
  urgency: Urgency;
  createdAt: Date;
  updatedAt: Date;
  askerName: string;
  targetPersonName: string | null;
  targetOrganization: { nameFr: string; nameEn: string; acronym: string };
}

export interface ConsultationLists {
  mine: ConsultationSummary[];
  addressed: ConsultationSummary[];
  /** Only for pivot coordinators: every consultation addressed to their organizations. */
  coordinated: ConsultationSummary[] | null;
}

const LIST_LIMIT = 100;

function listWhere(db: Database, where: SQL) {
  return db
    .select({
      id: consultation.id,
      subject: consultation.subject,
      status: consultation.status,
      urgency: consultation.urgency,
      createdAt: consultation.createdAt,
      updatedAt: consultation.updatedAt,
      askerPersonId: consultation.askerPersonId,
      targetPersonId: consultation.targetPersonId,
      targetOrganization: { nameFr: organization.nameFr, nameEn: organization.nameEn, acronym: organization.acronym },
    })
    .from(consultation)
    .innerJoin(organization, eq(organization.id, consultation.targetOrganizationId))
    .where(where)
    // Open ones first (closed last), the most urgent and most recent on top.
    .orderBy(
      sql`case when ${consultation.status} = 'closed' then 1 else 0 end`,
      sql`case ${consultation.urgency} when 'high' then 0 when 'normal' then 1 else 2 end`,
      desc(consultation.updatedAt),
    )
    .limit(LIST_LIMIT);
}

/**
 * The viewer's consultations: those they asked, those addressed to them, and (pivot
 * coordinators) their organizations'. Listing is a read of confidential titles: it is audited
 * with the ids shown, in the same transaction.
 */
export async function listConsultations(db: Database, actor: AuditActor, viewer: Viewer): Promise<ConsultationLists> {
  return db.transaction(async (tx) => {
    const reach = await viewerReach(tx, viewer);
    const inTable = eq(consultation.partnershipId, viewer.partnershipId);
    const mine = await listWhere(tx, and(inTable, eq(consultation.askerPersonId, viewer.personId))!);
    const addressed = await listWhere(tx, and(inTable, addressedTo(viewer, reach), sql`${consultation.askerPersonId} <> ${viewer.personId}`)!);
    const coordinated = reach.coordinatedOrganizationIds.length
      ? await listWhere(tx, and(inTable, inArray(consultation.targetOrganizationId, reach.coordinatedOrganizationIds))!)
      : null;
    const all = [...mine, ...addressed, ...(coordinated ?? [])];
    const names = await personNames(tx, all.flatMap((r) => [r.askerPersonId, r.targetPersonId]));
    const ids = [...new Set(all.map((r) => r.id))];
    await recordAuditEvent(tx, actor, {
      action: "consultation.list",
      targetType: "consultation",
      details: { ids },
    });
    const shape = (rows: typeof mine): ConsultationSummary[] =>
      rows.map(({ askerPersonId, targetPersonId, ...r }) => ({
        ...r,
        askerName: names.get(askerPersonId) ?? "",
        targetPersonName: targetPersonId ? (names.get(targetPersonId) ?? null) : null,
      }));
    return { mine: shape(mine), addressed: shape(addressed), coordinated: coordinated ? shape(coordinated) : null };
  });
}
