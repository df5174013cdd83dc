import { eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { defaultPathwayContent, DEFAULT_PATHWAY_NOTE } from "./default-content.ts";
import { lockPathway } from "./pathway-lock.server.ts";
import { pathwayVersion } from "./tables.ts";

/**
 * Gives a Table that has no pathway yet the shipped default as version 1, published and NOT
 * validated (the page says so until the Table validates it). Call inside a transaction; does
 * nothing when the Table already has a version. Also used by the demo seed.
 */
export async function ensureDefaultPathway(tx: Database, partnershipId: string): Promise<void> {
  await lockPathway(tx, partnershipId);
  const existing = await tx
    .select({ id: pathwayVersion.id })
    .from(pathwayVersion)
    .where(eq(pathwayVersion.partnershipId, partnershipId))
    .limit(1);
  if (existing.length) return;
  const now = new Date();
  const [row] = await tx
    .insert(pathwayVersion)
    .values({
      partnershipId,
      number: 1,
      status: "published",
      content: defaultPathwayContent,
      validatedByTable: false,
      changeNote: DEFAULT_PATHWAY_NOTE,
      createdAt: now,
      publishedAt: now,
    })
    .returning({ id: pathwayVersion.id });
  await recordAuditEvent(tx, systemActor("pathway-default", partnershipId), {
    action: "pathway.default_created",
    targetType: "pathway_version",
    targetId: row!.id,
    partnershipId,
    organizationId: null,
    details: { number: 1 },
  });
}
