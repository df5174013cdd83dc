import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import {
  recordAuditEvent,
  type AuditActor,
} from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { translator } from "../../i18n/catalog.ts";
import {
  conflict,
  missing,
  ok,
  type Conflict,
  type NotFound,
  type Ok,
} from "../outcome/outcome.ts";
import {
  designationScope,
  type OrganizationScope,
} from "./designation-scope.server.ts";
import { pivotDeliveries } from "./reachable-pivots.server.ts";
import { designationCorrection, pivotDesignation } from "./tables.ts";

export interface OpenCorrection {
  id: string;
  designationId: string;
  givenName: string;
  familyName: string;
  organizationNameFr: string;
  organizationNameEn: string;
  requestedAt: Date;
  message: string;
  version: number;
}

/** Open requests on the entries of the organizations the manager designates for, oldest first. */
export async function listOpenCorrections(
  db: Database,
  input: { partnershipId: string; organizationIds: OrganizationScope },
): Promise<OpenCorrection[]> {
  const rows = await db
    .select({
      id: designationCorrection.id,
      designationId: designationCorrection.designationId,
      givenName: person.givenName,
      familyName: person.familyName,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      requestedAt: designationCorrection.requestedAt,
      message: designationCorrection.message,
      version: designationCorrection.version,
    })
    .from(designationCorrection)
    .innerJoin(
      pivotDesignation,
      eq(pivotDesignation.id, designationCorrection.designationId),
    )
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(
      organization,
      eq(organization.id, pivotDesignation.organizationId),
    )
    .where(
      and(
        eq(designationCorrection.partnershipId, input.partnershipId),
        eq(designationCorrection.status, "open"),
        designationScope(input.partnershipId, input.organizationIds),
      ),
    )
    .orderBy(asc(designationCorrection.requestedAt))
    .limit(200);
  return rows.map((r) => ({ ...r, requestedAt: new Date(r.requestedAt) }));
}

/**
 * Marks a request done or declined, with a note, for the version shown (another version or a
 * request already handled: "conflict"; outside the manager's organizations: "not_found"). The
 * pivot is told in their language, with a link to their entries and not the note itself.
 */
export async function handleCorrection(
  db: Database,
  actor: AuditActor,
  input: {
    partnershipId: string;
    organizationIds: OrganizationScope;
    handledBy: string;
    id: string;
    version: number;
    status: "done" | "declined";
    handlerNote: string;
    publicUrl: string;
    now?: Date;
  },
): Promise<Ok | Conflict | NotFound> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        id: designationCorrection.id,
        version: designationCorrection.version,
        status: designationCorrection.status,
        designationId: designationCorrection.designationId,
        organizationId: pivotDesignation.organizationId,
        requestedBy: designationCorrection.requestedBy,
      })
      .from(designationCorrection)
      .innerJoin(
        pivotDesignation,
        eq(pivotDesignation.id, designationCorrection.designationId),
      )
      .where(
        and(
          eq(designationCorrection.id, input.id),
          eq(designationCorrection.partnershipId, input.partnershipId),
          designationScope(input.partnershipId, input.organizationIds),
        ),
      )
      .for("update", { of: designationCorrection });
    if (!current) return missing();
    if (current.version !== input.version || current.status !== "open")
      return conflict();
    await tx
      .update(designationCorrection)
      .set({
        status: input.status,
        handlerNote: input.handlerNote,
        handledBy: input.handledBy,
        handledAt: now,
        version: sql`${designationCorrection.version} + 1`,
      })
      .where(eq(designationCorrection.id, current.id));
    const [pivot] = await pivotDeliveries(tx, input.partnershipId, [
      current.requestedBy,
    ]);
    if (pivot?.active) {
      const t = translator(pivot.locale);
      await queueEmail(tx, {
        to: pivot.email,
        subject: t("directory.email.correctionHandled.subject"),
        text: `${t("directory.email.correctionHandled.body", { link: `${input.publicUrl}/directory/mine` })}\n\n${t("directory.email.footer")}\n`,
        partnershipId: input.partnershipId,
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "pivot.correction_handled",
      targetType: "designation_correction",
      targetId: current.id,
      partnershipId: input.partnershipId,
      organizationId: current.organizationId,
      details: {
        designationId: current.designationId,
        status: input.status,
        told: Boolean(pivot?.active),
      },
    });
    return ok();
  });
}
