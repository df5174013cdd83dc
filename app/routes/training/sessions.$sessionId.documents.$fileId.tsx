import type { Route } from "./+types/sessions.$sessionId.documents.$fileId";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { fileDownloadResponse, getFile } from "../../modules/files/stored-files.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { sessionAccess, seesSessionSpace } from "../../modules/training-evaluation/session-access.server.ts";
import { sessionFileOwner } from "../../modules/training-evaluation/session-materials.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: one document of a session, for the people of the session space (else 404). */
export const policy = needs("partnership.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId) || !isUuid(args.params.fileId)) notFound();
  const access = await sessionAccess(args.context.db, user, args.params.sessionId);
  if (!access || !seesSessionSpace(access)) notFound();
  const file = await getFile(args.context.db, sessionFileOwner(user.partnershipId, access.session.id), args.params.fileId);
  if (!file) notFound();
  return fileDownloadResponse(file);
});
