import type { Database } from "../db/client.server.ts";
import { explainProposal } from "./pair-explanation.ts";
import { buildSeasonInstance, type ProposalRow } from "./propose-pairs.server.ts";

/**
 * A proposal's loads and reasons, against the trainers' availability and maximums as they are
 * now (what the coordinator can still change before applying). Null while there are no pairs.
 */
export async function explainPairProposal(db: Database, partnershipId: string, proposal: ProposalRow | null) {
  if (!proposal || proposal.assignments.length === 0 || (proposal.status !== "proposed" && proposal.status !== "applied")) return null;
  const instance = await buildSeasonInstance(db, partnershipId, "", proposal.sessionIds);
  return explainProposal(instance, proposal.assignments);
}
