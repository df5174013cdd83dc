import { and, desc, eq, gte, isNull, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import {
  recordAuditEvent,
  type AuditActor,
} from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { roleHolderEmails } from "../identity/role-holder-emails.server.ts";
import { person } from "../people/tables.ts";
import { translator } from "../../i18n/catalog.ts";
import { missing, ok, type NotFound, type Ok } from "../outcome/outcome.ts";
import { quebecDay } from "../time/days.ts";
import { designationCorrection, pivotDesignation } from "./tables.ts";

export type CorrectionStatus = "open" | "done" | "declined";

export interface OwnCorrection {
  id: string;
  designationId: string;
  requestedAt: Date;
  message: string;
  status: CorrectionStatus;
  handledAt: Date | null;
  handlerNote: string;
}

/**
 * Who hears of a request: the organization's pivot coordinators, else (none named yet) the
 * Table's coordinators, so a request never waits unseen. Never the pivot who asked.
 */
async function handlers(
  tx: Database,
  partnershipId: string,
  organizationId: string,
  requesterEmail: string,
): Promise<string[]> {
  const own = await roleHolderEmails(tx, partnershipId, [
    { role: "pivot_coordinator", organizationId },
  ]);
  const to = own.length
    ? own
    : await roleHolderEmails(tx, partnershipId, [
        { role: "table_coordinator" },
      ]);
  return to.filter((e) => e !== requesterEmail.toLowerCase());
}

/** Both languages: the recipients' own is not known here. A notice and a link, never the message. */
function handlerEmail(publicUrl: string) {
  const [fr, en] = [translator("fr"), translator("en")];
  const link = `${publicUrl}/directory/stale#corrections`;
  return {
    subject: `${fr("directory.email.correctionAsked.subject")} / ${en("directory.email.correctionAsked.subject")}`,
    text: `${fr("directory.email.correctionAsked.body", { link })}\n\n${en("directory.email.correctionAsked.body", { link })}\n\n${fr("directory.email.footer")}\n`,
  };
}

/**
 * "Ask for a correction": only the entry's own pivot, on a current entry of their Table;
 * anything else is "not_found". The request, its audit event and the notice to those who may
 * fix it share the caller's transaction (createOnce: a double submit writes one request).
 */
export async function requestCorrection(
  tx: Database,
  actor: AuditActor,
  input: {
    partnershipId: string;
    personId: string;
    designationId: string;
    message: string;
    publicUrl: string;
    now?: Date;
  },
): Promise<Ok<string> | NotFound> {
  const now = input.now ?? new Date();
  const [entry] = await tx
    .select({
      id: pivotDesignation.id,
      organizationId: pivotDesignation.organizationId,
      email: person.email,
    })
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .where(
      and(
        eq(pivotDesignation.id, input.designationId),
        eq(pivotDesignation.partnershipId, input.partnershipId),
        eq(pivotDesignation.personId, input.personId),
        or(
          isNull(pivotDesignation.until),
          gte(pivotDesignation.until, quebecDay(now)),
        ),
      ),
    );
  if (!entry) return missing();
  const [row] = await tx
    .insert(designationCorrection)
    .values({
      partnershipId: input.partnershipId,
      designationId: entry.id,
      requestedBy: input.personId,
      requestedAt: now,
      message: input.message,
    })
    .returning({ id: designationCorrection.id });
  const to = await handlers(
    tx,
    input.partnershipId,
    entry.organizationId,
    entry.email,
  );
  for (const address of to)
    await queueEmail(tx, {
      to: address,
      ...handlerEmail(input.publicUrl),
      partnershipId: input.partnershipId,
    });
  await recordAuditEvent(tx, actor, {
    action: "pivot.correction_requested",
    targetType: "designation_correction",
    targetId: row!.id,
    partnershipId: input.partnershipId,
    organizationId: entry.organizationId,
    // The message is the pivot's words about their entry: it stays in its row, not in the log.
    details: { designationId: entry.id, recipients: to.length },
  });
  return ok(row!.id);
}

/** The requests about the signed-in person's entries in their Table, newest first. */
export async function listOwnCorrections(
  db: Database,
  input: { partnershipId: string; personId: string },
): Promise<OwnCorrection[]> {
  const rows = await db
    .select({
      id: designationCorrection.id,
      designationId: designationCorrection.designationId,
      requestedAt: designationCorrection.requestedAt,
      message: designationCorrection.message,
      status: designationCorrection.status,
      handledAt: designationCorrection.handledAt,
      handlerNote: designationCorrection.handlerNote,
    })
    .from(designationCorrection)
    .innerJoin(
      pivotDesignation,
      eq(pivotDesignation.id, designationCorrection.designationId),
    )
    .where(
      and(
        eq(designationCorrection.partnershipId, input.partnershipId),
        eq(pivotDesignation.personId, input.personId),
      ),
    )
    .orderBy(desc(designationCorrection.requestedAt))
    .limit(100);
  return rows.map((r) => ({
    ...r,
    requestedAt: new Date(r.requestedAt),
    handledAt: r.handledAt ? new Date(r.handledAt) : null,
  }));
}
