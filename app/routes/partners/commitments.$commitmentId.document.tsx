import type { Route } from "./+types/commitments.$commitmentId.document";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { fileDownloadResponse } from "../../modules/files/stored-files.server.ts";
import { getCommitmentDocument } from "../../modules/partners/commitments.server.ts";
import { idParam, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** The signed PDF of a commitment, only to members of that Table (always as an attachment). */
export const policy = needs("commitment.read");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const { partnershipId } = await partnersUser(args, policy);
  const file = await getCommitmentDocument(args.context.db, partnershipId, idParam(args, "commitmentId"));
  if (!file) notFound();
  return fileDownloadResponse(file);
});
