import { and, eq, inArray, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { readersOf, type SpaceRow } from "./access.server.ts";
import type { ResolvedMentions } from "./post-guard.server.ts";
import { mailboxesOf, sendImmediate } from "./forum-emails.server.ts";
import { forumNotification, forumSubscription } from "./tables.ts";
import { DEFAULT_LEVEL, type NotificationKind, type NotificationLevel } from "./vocabulary.ts";

/** A person's level in a thread: the thread's own, else the space's, else "normal". */
export function effectiveLevel(threadLevel: NotificationLevel | null | undefined, spaceLevel: NotificationLevel | null | undefined): NotificationLevel {
  return threadLevel ?? spaceLevel ?? DEFAULT_LEVEL;
}

/**
 * What a new post means for one reader, Discourse's way: muted hears nothing; a mention or a
 * reply to one's own post is said at once (in-app and email); a new thread goes into the digest
 * of everyone not muted; any other post only into the digest of those watching.
 */
export function notificationFor(input: { level: NotificationLevel; mentioned: boolean; repliedTo: boolean; newThread: boolean }): NotificationKind | null {
  if (input.level === "muted") return null;
  if (input.mentioned) return "mention";
  if (input.repliedTo) return "reply";
  if (input.newThread) return "thread";
  return input.level === "watching" ? "post" : null;
}

export const postLink = (publicUrl: string, threadId: string, position: number) => `${publicUrl}/network/threads/${threadId}#post-${position}`;

/** Levels of some people in a space and one of its threads. */
export async function levelsIn(db: Database, spaceId: string, threadId: string, personIds: string[]) {
  const rows = personIds.length
    ? await db
        .select({ personId: forumSubscription.personId, spaceId: forumSubscription.spaceId, threadId: forumSubscription.threadId, level: forumSubscription.level })
        .from(forumSubscription)
        .where(and(inArray(forumSubscription.personId, personIds), or(eq(forumSubscription.spaceId, spaceId), eq(forumSubscription.threadId, threadId))))
    : [];
  const space = new Map<string, NotificationLevel>();
  const thread = new Map<string, NotificationLevel>();
  for (const r of rows) (r.threadId ? thread : space).set(r.personId, r.level);
  return (personId: string) => effectiveLevel(thread.get(personId), space.get(personId));
}

/**
 * The people a post's mentions name: people by handle, an organization's designated pivots by
 * its acronym, and with "@all"/"@tous" every reader of the space (the caller has checked that
 * a moderator wrote it). Who cannot read the space is dropped later by `notifyNewPost`.
 */
export async function mentionedPeople(tx: Database, partnershipId: string, space: SpaceRow, mentions: ResolvedMentions): Promise<Set<string>> {
  const out = new Set([...mentions.people, ...mentions.organizationPivots]);
  if (mentions.everyone) for (const p of await readersOf(tx, partnershipId, space)) out.add(p);
  return out;
}

/**
 * Notifications of a new post, in the post's transaction: one row per reader who hears of it,
 * and the immediate emails. Only readers of the space: a mention of someone outside it says
 * nothing to them (they could not open it anyway).
 */
export async function notifyNewPost(
  tx: Database,
  input: {
    partnershipId: string;
    space: SpaceRow;
    threadId: string;
    postId: string;
    position: number;
    authorPersonId: string;
    mentioned: Set<string>;
    repliedTo: Set<string>;
    newThread: boolean;
    publicUrl: string;
    /** Only these people hear of it (an edit tells only the newly mentioned). */
    only?: Set<string>;
  },
): Promise<{ notified: number; emailed: number }> {
  const readers = (await readersOf(tx, input.partnershipId, input.space)).filter((p) => p !== input.authorPersonId && (!input.only || input.only.has(p)));
  const levelOf = await levelsIn(tx, input.space.id, input.threadId, readers);
  const rows: (typeof forumNotification.$inferInsert)[] = [];
  for (const personId of readers) {
    const kind = notificationFor({ level: levelOf(personId), mentioned: input.mentioned.has(personId), repliedTo: input.repliedTo.has(personId), newThread: input.newThread });
    if (!kind) continue;
    rows.push({ partnershipId: input.partnershipId, personId, kind, spaceId: input.space.id, threadId: input.threadId, postId: input.postId, actorPersonId: input.authorPersonId, immediate: kind === "mention" || kind === "reply" });
  }
  if (!rows.length) return { notified: 0, emailed: 0 };
  const immediate = rows.filter((r) => r.immediate);
  const mailboxes = await mailboxesOf(tx, immediate.map((r) => r.personId));
  const link = postLink(input.publicUrl, input.threadId, input.position);
  let emailed = 0;
  for (const r of immediate) {
    if (await sendImmediate(tx, { kind: r.kind as "mention" | "reply", personId: r.personId, link, partnershipId: input.partnershipId, mailboxes })) {
      r.emailedAt = new Date();
      emailed++;
    }
  }
  await tx.insert(forumNotification).values(rows);
  return { notified: rows.length, emailed };
}
