import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { organization } from "../governance/tables.ts";
import { isUuid } from "../forms/fields.ts";
import { person } from "../people/tables.ts";
import { readableBy, sideOf, viewerReach, type Side, type Viewer } from "./access.server.ts";
import type { ConsultationStatus, Urgency } from "./consultation-schema.ts";
import { consultation, consultationMessage } from "./tables.ts";

export interface ThreadMessage {
  id: string;
  authorName: string;
  fromAsker: boolean;
  body: string;
  createdAt: Date;
}

export interface ConsultationThread {
  id: string;
  subject: string;
  context: string;
  question: string;
  urgency: Urgency;
  status: ConsultationStatus;
  version: number;
  createdAt: Date;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  askerName: string;
  askerOrganization: { nameFr: string; nameEn: string } | null;
  targetPersonName: string | null;
  targetOrganization: { nameFr: string; nameEn: string };
  takenByName: string | null;
  side: Side;
  messages: ThreadMessage[];
}

export async function personNames(db: Database, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
    .from(person)
    .where(inArray(person.id, wanted));
  return new Map(rows.map((r) => [r.id, `${r.givenName} ${r.familyName}`]));
}

async function organizationNames(db: Database, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map<string, { nameFr: string; nameEn: string }>();
  const rows = await db.select({ id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn }).from(organization).where(inArray(organization.id, wanted));
  return new Map(rows.map((r) => [r.id, { nameFr: r.nameFr, nameEn: r.nameEn }]));
}

/**
 * Reads a consultation for the viewer, and records that read in the same transaction: if the
 * audit cannot be written, nothing is shown. A consultation the viewer may not read answers
 * null, exactly like a missing one; the attempt is recorded as "access.denied".
 */
export async function openConsultation(db: Database, actor: AuditActor, viewer: Viewer, id: string): Promise<ConsultationThread | null> {
  return db.transaction(async (tx) => {
    const reach = await viewerReach(tx, viewer);
    const [row] = isUuid(id)
      ? await tx.select().from(consultation).where(and(eq(consultation.id, id), readableBy(viewer, reach))).limit(1)
      : [];
    if (!row) {
      await recordAuditEvent(tx, actor, {
        action: "access.denied",
        targetType: "consultation",
        targetId: id.slice(0, 64),
        details: { reason: "not_found_or_not_addressed" },
      });
      return null;
    }
    const messages = await tx
      .select()
      .from(consultationMessage)
      .where(and(eq(consultationMessage.consultationId, row.id), eq(consultationMessage.partnershipId, viewer.partnershipId)))
      .orderBy(asc(consultationMessage.createdAt), asc(consultationMessage.id));
    const names = await personNames(tx, [row.askerPersonId, row.targetPersonId, row.takenByPersonId, ...messages.map((m) => m.authorPersonId)]);
    const orgs = await organizationNames(tx, [row.askerOrganizationId, row.targetOrganizationId]);
    await recordAuditEvent(tx, actor, {
      action: "consultation.read",
      targetType: "consultation",
      targetId: row.id,
      details: { status: row.status, messages: messages.length },
    });
    return {
      id: row.id,
      subject: row.subject,
      context: row.context,
      question: row.question,
      urgency: row.urgency,
      status: row.status,
      version: row.version,
      createdAt: row.createdAt,
      firstResponseAt: row.firstResponseAt,
      closedAt: row.closedAt,
      askerName: names.get(row.askerPersonId) ?? "",
      askerOrganization: row.askerOrganizationId ? (orgs.get(row.askerOrganizationId) ?? null) : null,
      targetPersonName: row.targetPersonId ? (names.get(row.targetPersonId) ?? null) : null,
      targetOrganization: orgs.get(row.targetOrganizationId) ?? { nameFr: "", nameEn: "" },
      takenByName: row.takenByPersonId ? (names.get(row.takenByPersonId) ?? null) : null,
      side: sideOf(row, viewer),
      messages: messages.map((m) => ({
        id: m.id,
        authorName: names.get(m.authorPersonId) ?? "",
        fromAsker: m.authorPersonId === row.askerPersonId,
        body: m.body,
        createdAt: m.createdAt,
      })),
    };
  });
}
