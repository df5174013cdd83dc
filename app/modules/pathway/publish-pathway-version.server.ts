import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { lockPathway } from "./pathway-lock.server.ts";

import { pathwayVersion } from "./tables.ts";
import { missing, ok, refusal, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";

/**
 * Publishes a draft: readers see it at once, and the previously published version is
 * archived. Only a draft can be published (a superseded one answers "conflict"); publishing
 * the version that is already published (a double click) succeeds without a second event.
 */
export async function publishPathwayVersion(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; versionId: string },
): Promise<Ok<string> | NotFound | Refused<"pathway.version.cannotPublish">> {
  return db.transaction(async (tx) => {
    await lockPathway(tx, input.partnershipId);
    const [target] = await tx
      .select({ id: pathwayVersion.id, status: pathwayVersion.status, number: pathwayVersion.number })
      .from(pathwayVersion)
      .where(and(eq(pathwayVersion.partnershipId, input.partnershipId), eq(pathwayVersion.id, input.versionId)))
      .limit(1);
    if (!target) return missing();
    if (target.status === "published") return ok(target.id);
    if (target.status !== "draft") return refusal("pathway.version.cannotPublish");
    const previous = await tx
      .update(pathwayVersion)
      .set({ status: "archived" })
      .where(
        and(
          eq(pathwayVersion.partnershipId, input.partnershipId),
          eq(pathwayVersion.status, "published"),
          ne(pathwayVersion.id, target.id),
        ),
      )
      .returning({ number: pathwayVersion.number });
    await tx
      .update(pathwayVersion)
      .set({ status: "published", publishedBy: input.personId, publishedAt: new Date() })
      .where(eq(pathwayVersion.id, target.id));
    await recordAuditEvent(tx, actor, {
      action: "pathway.published",
      targetType: "pathway_version",
      targetId: target.id,
      partnershipId: input.partnershipId,
      details: { number: target.number, archived: previous.map((p) => p.number) },
    });
    return ok(target.id);
  });
}

/**
 * The Table coordinator states that the Table has validated this text: the "to be validated"
 * notice disappears while it is the published version. Archived versions stay as they were.
 */
export async function validatePathwayVersion(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; versionId: string },
): Promise<Ok<string> | NotFound | Refused<"pathway.version.cannotValidate">> {
  return db.transaction(async (tx) => {
    await lockPathway(tx, input.partnershipId);
    const [target] = await tx
      .select({ id: pathwayVersion.id, status: pathwayVersion.status, number: pathwayVersion.number, validated: pathwayVersion.validatedByTable })
      .from(pathwayVersion)
      .where(and(eq(pathwayVersion.partnershipId, input.partnershipId), eq(pathwayVersion.id, input.versionId)))
      .limit(1);
    if (!target) return missing();
    if (target.validated) return ok(target.id);
    if (target.status === "archived") return refusal("pathway.version.cannotValidate");
    await tx.update(pathwayVersion).set({ validatedByTable: true }).where(eq(pathwayVersion.id, target.id));
    await recordAuditEvent(tx, actor, {
      action: "pathway.validated",
      targetType: "pathway_version",
      targetId: target.id,
      partnershipId: input.partnershipId,
      details: { number: target.number, status: target.status },
    });
    return ok(target.id);
  });
}
