import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { ok, type Ok } from "../outcome/outcome.ts";
import type { ForumViewer } from "./access.server.ts";
import { forumPreference } from "./tables.ts";
import type { DigestRhythm } from "./vocabulary.ts";

/** The viewer's digest rhythm: one email a day (default) or a week, in their language. */
export async function digestOf(db: Database, personId: string): Promise<DigestRhythm> {
  const [row] = await db.select({ digest: forumPreference.digest }).from(forumPreference).where(eq(forumPreference.personId, personId));
  return row?.digest ?? "daily";
}

export async function setDigest(db: Database, actor: AuditActor, input: { viewer: ForumViewer; digest: DigestRhythm }): Promise<Ok> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ digest: forumPreference.digest }).from(forumPreference).where(eq(forumPreference.personId, input.viewer.personId)).for("update");
    if (current?.digest === input.digest) return ok();
    await tx
      .insert(forumPreference)
      .values({ personId: input.viewer.personId, partnershipId: input.viewer.partnershipId, digest: input.digest })
      .onConflictDoUpdate({ target: forumPreference.personId, set: { digest: input.digest, version: sql`${forumPreference.version} + 1`, updatedAt: new Date() } });
    await recordAuditEvent(tx, actor, {
      action: "forum.digest_set",
      targetType: "person",
      targetId: input.viewer.personId,
      partnershipId: input.viewer.partnershipId,
      details: { digest: input.digest, previous: current?.digest ?? "daily" },
    });
    return ok();
  });
}
