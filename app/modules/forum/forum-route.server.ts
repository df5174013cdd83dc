import type { AppLoadContext } from "react-router";
import { guard, notFound } from "../authz/guard.server.ts";
import type { RoutePolicy } from "../authz/policy.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { forumViewerOf, type ForumViewer } from "./access.server.ts";

/**
 * The network's routes start here: the route's policy, then the viewer in the network (someone
 * holding no network role in their current Table reads every page as missing).
 */
export async function forumGuard(args: { request: Request; context: AppLoadContext }, policy: RoutePolicy): Promise<{ user: CurrentUser; viewer: ForumViewer }> {
  const user = await guard(args, policy);
  if (!user) notFound();
  const viewer = await forumViewerOf(args.context.db, user);
  if (!viewer) notFound();
  return { user, viewer };
}
