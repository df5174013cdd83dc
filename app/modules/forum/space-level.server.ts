import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { forumSubscription } from "./tables.ts";
import type { NotificationLevel } from "./vocabulary.ts";

/** A person's own level set on a space or a thread (null: not set, the default applies). */
export async function levelOf(db: Database, personId: string, target: { spaceId: string } | { threadId: string }): Promise<NotificationLevel | null> {
  const [row] = await db
    .select({ level: forumSubscription.level })
    .from(forumSubscription)
    .where(and(eq(forumSubscription.personId, personId), "spaceId" in target ? eq(forumSubscription.spaceId, target.spaceId) : eq(forumSubscription.threadId, target.threadId)));
  return row?.level ?? null;
}
