import type { AppLoadContext } from "react-router";
import { can } from "../authz/decide.ts";
import { guard, notFound } from "../authz/guard.server.ts";
import type { RoutePolicy } from "../authz/policy.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { isUuid } from "../forms/fields.ts";
import { getNews, mayChangeNews, type NewsRow } from "./read-news.server.ts";

export interface NewsViewer {
  user: CurrentUser;
  partnershipId: string;
  personId: string;
  isTableCoordinator: boolean;
  mayPublish: boolean;
}

/** The news routes start here: the route's policy in the user's current Table (no Table: 404). */
export async function newsGuard(args: { request: Request; context: AppLoadContext }, policy: RoutePolicy): Promise<NewsViewer> {
  const user = await guard(args, policy);
  if (!user || !user.partnershipId) notFound();
  const partnershipId = user.partnershipId;
  return {
    user,
    partnershipId,
    personId: user.personId,
    isTableCoordinator: user.roles.some((r) => r.role === "table_coordinator" && r.partnershipId === partnershipId),
    mayPublish: can(user.roles, "news.publish", { partnershipId }),
  };
}

/** The news item of the URL in the viewer's Table, or the 404 of a missing one (another Table's included). */
export async function newsOfUrl(args: { params: Record<string, string | undefined>; context: AppLoadContext }, viewer: NewsViewer): Promise<NewsRow> {
  const id = args.params.newsId;
  if (!isUuid(id)) notFound();
  const item = await getNews(args.context.db, { partnershipId: viewer.partnershipId, id: id.toLowerCase() });
  if (!item) notFound();
  return item;
}

/** May this viewer edit or archive the item: a publisher who wrote it, or the Table coordinator. */
export const mayChange = (viewer: NewsViewer) => (authorPersonId: string) => viewer.mayPublish && mayChangeNews({ authorPersonId }, viewer);
