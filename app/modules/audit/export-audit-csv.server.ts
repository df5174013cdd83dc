import type { Database } from "../db/client.server.ts";
import { translator, type MessageKey } from "../../i18n/catalog.ts";
import type { Locale } from "../../i18n/types.ts";
import { recordAuditEvent, type AuditActor } from "./record-audit-event.server.ts";
import { describeAuditEvents, type DescribedAuditEvent } from "./describe-audit-events.server.ts";
import { listAuditEvents, type AuditFilters, type AuditQuery } from "./list-audit-events.server.ts";
import { csvFile } from "../exports/csv.ts";

/** An export holds at most this many events, newest first; narrow the filters for older ones. */
export const AUDIT_EXPORT_CAP = 10_000;
const CHUNK = 1000;

const COLUMNS: [MessageKey, (e: DescribedAuditEvent) => string | number | null][] = [
  ["admin.audit.csv.id", (e) => e.id],
  ["admin.audit.csv.occurredAt", (e) => new Date(e.occurredAt).toISOString()],
  ["admin.audit.csv.actorName", (e) => e.actorName],
  ["admin.audit.csv.actorEmail", (e) => e.actorEmail],
  ["admin.audit.csv.actorOrganization", (e) => e.actorOrganization],
  ["admin.audit.csv.actorRole", (e) => e.actorRole],
  ["admin.audit.csv.actionWords", (e) => e.actionWords],
  ["admin.audit.csv.action", (e) => e.action],
  ["admin.audit.csv.subject", (e) => e.subject],
  ["admin.audit.csv.targetType", (e) => e.targetType],
  ["admin.audit.csv.targetId", (e) => e.targetId],
  ["admin.audit.csv.details", (e) => e.detailsWords.join(" ; ")],
  ["admin.audit.csv.ip", (e) => e.ip],
  ["admin.audit.csv.requestId", (e) => e.requestId],
];

/**
 * The journal as CSV (UTF-8 with BOM, for spreadsheets), under the reader's scope and filters,
 * capped. The export is journaled in the same transaction as the read: no export goes unrecorded.
 */
export async function exportAuditCsv(
  db: Database,
  actor: AuditActor,
  input: { query: AuditQuery; filters: AuditFilters; locale: Locale },
): Promise<{ csv: string; count: number; capped: boolean }> {
  const t = translator(input.locale);
  const { before: _before, after: _after, ...filters } = input.filters;
  return db.transaction(async (tx) => {
    const lines: (string | number | null)[][] = [COLUMNS.map(([key]) => t(key))];
    let before: number | null = null;
    let count = 0;
    let capped = false;
    for (;;) {
      const page = await listAuditEvents(tx, { ...input.query, after: null, before, limit: Math.min(CHUNK, AUDIT_EXPORT_CAP - count) });
      const described = await describeAuditEvents(tx, page.events, input.locale);
      for (const e of described) lines.push(COLUMNS.map(([, cell]) => cell(e)));
      count += described.length;
      if (!page.olderCursor) break;
      if (count >= AUDIT_EXPORT_CAP) {
        capped = true;
        break;
      }
      before = page.olderCursor;
    }
    await recordAuditEvent(tx, actor, {
      action: "audit.exported",
      targetType: "audit_event",
      targetId: "",
      partnershipId: input.query.partnershipId ?? actor.partnershipId,
      details: { scope: input.query.partnershipId ?? "all", filters, rows: count, capped },
    });
    return { csv: csvFile(lines), count, capped };
  });
}
