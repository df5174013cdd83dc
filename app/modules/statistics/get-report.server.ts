import type { Database } from "../db/client.server.ts";
import { getEntry } from "./get-entry.server.ts";
import { loadSubmission } from "./submissions.server.ts";

/** A report as the Table coordinator reviews it (any organization of the Table; another Table's is null). */
export async function getReport(db: Database, partnershipId: string, id: string, today: string) {
  const report = await loadSubmission(db, { partnershipId, personId: "", organizationId: null }, id);
  if (!report) return null;
  return getEntry(db, { partnershipId, dataSetId: report.dataSetId, organizationId: report.organizationId, periodKey: report.periodKey, today });
}
