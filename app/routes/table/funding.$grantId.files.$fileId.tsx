import type { Route } from "./+types/funding.$grantId.files.$fileId";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { fileDownloadResponse, getFile } from "../../modules/files/stored-files.server.ts";
import { loadGrant } from "../../modules/funding/read-funding.server.ts";
import { GRANT_FILE_OWNER } from "../../modules/funding/write-funding.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: a grant's document, for the coordinator only (agreements may name signatories). */
export const policy = needs("funding.manage");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.grantId) || !isUuid(args.params.fileId)) notFound();
  const loaded = await loadGrant(args.context.db, user.partnershipId, args.params.grantId);
  if (!loaded) notFound();
  const file = await getFile(args.context.db, { partnershipId: user.partnershipId, ownerType: GRANT_FILE_OWNER, ownerId: loaded.grant.id }, args.params.fileId);
  if (!file) notFound();
  return fileDownloadResponse(file);
});
