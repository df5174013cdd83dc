import { and, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { ForumViewer } from "../forum/access.server.ts";
import { createThread } from "../forum/create-thread.server.ts";
import { ensureStandardSpaces } from "../forum/ensure-spaces.server.ts";
import { forumSpace } from "../forum/tables.ts";
import { translator } from "../../i18n/catalog.ts";

/**
 * Opens a news item's comment thread in the whole network's space, through the forum's own
 * createThread (the guard, the notifications: a new thread goes into every reader's daily or
 * weekly digest, links only). The whole network is the right place: its readers are exactly the
 * news' readers (every network role of the Table), so no new space kind is needed.
 *
 * The publisher may be a guide editor (trainer) who holds no network role: the thread is opened
 * in their name with a viewer that belongs to no organization, which reads the whole network's
 * space and nothing else. The route has already checked `news.publish`.
 */
export async function openNewsThread(
  tx: Database,
  actor: AuditActor,
  input: { partnershipId: string; personId: string; newsId: string; title: string; locale: "fr" | "en"; publicUrl: string },
): Promise<string | null> {
  await ensureStandardSpaces(tx, input.partnershipId, ["network"]);
  const [space] = await tx
    .select({ id: forumSpace.id })
    .from(forumSpace)
    .where(and(eq(forumSpace.partnershipId, input.partnershipId), eq(forumSpace.kind, "network")));
  if (!space) return null;
  const viewer: ForumViewer = {
    personId: input.personId,
    partnershipId: input.partnershipId,
    organizationIds: [],
    milieux: [],
    coordinatedOrganizationIds: [],
    coordinatedMilieux: [],
    isTableCoordinator: false,
    isPivotCoordinator: false,
  };
  const t = translator(input.locale);
  const body = t("news.thread.opening", { link: `${input.publicUrl}/network/news/${input.newsId}` });
  const created = await createThread(tx, actor, { viewer, spaceId: space.id, fields: { title: input.title.slice(0, 200), body }, publicUrl: input.publicUrl });
  return created.kind === "ok" ? created.value : null;
}
