import type { Route } from "./+types/posts.$postId.files.$fileId";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { fileDownloadResponse } from "../../modules/files/stored-files.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { openAttachment } from "../../modules/forum/post-attachments.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/**
 * Resource route: a post's attachment, authorized by the post's space. Anyone who does not read
 * the space, a file of another post, and every file of a hidden post answer 404 like a missing one.
 */
export const policy = needs("network.read");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const { viewer } = await forumGuard(args, policy);
  const { postId, fileId } = args.params;
  if (!isUuid(postId) || !isUuid(fileId)) notFound();
  const file = await openAttachment(args.context.db, viewer, postId.toLowerCase(), fileId.toLowerCase());
  if (!file) notFound();
  return fileDownloadResponse(file);
});
