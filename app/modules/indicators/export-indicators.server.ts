import type { Locale } from "../../i18n/types.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { toCsvMany } from "../exports/csv.ts";
import { downloadResponse, sha256Hex } from "../exports/download.server.ts";
import type { ExportCell, ExportTable } from "../exports/export-table.ts";
import { toXlsx } from "../exports/xlsx.server.ts";
import { missing, ok, type NotFound, type Ok } from "../outcome/outcome.ts";
import type { Figure } from "./disclose.server.ts";
import { getIndicatorPage, type IndicatorPage } from "./get-indicator-page.server.ts";
import { indicatorRegistry } from "./registry.server.ts";
import { indicatorWords } from "./words.server.ts";

export type ExportFormat = "csv" | "xlsx";

const cell = (f: Figure | undefined): ExportCell => (!f || "empty" in f ? null : "suppressed" in f ? { suppressed: true } : Math.round(f.value * 10) / 10);

/** One indicator's breakdown as a download table: numbers stay numbers, suppressed cells one mark. */
export function indicatorExportTable(page: IndicatorPage, locale: Locale, tableName: string, day: string): ExportTable {
  const w = indicatorWords(locale);
  const { definition: d, figures: f, by } = page;
  const columns: ExportTable["columns"] = [{ label: w.t("evaluation.col.group"), kind: "text" }];
  const rate = d.type === "percent" ? ("percent" as const) : ("number" as const);
  if (f.shape === "count" && f.categories) columns.push(...f.categories.map((c) => ({ label: w.category(d, c), kind: "number" as const })), { label: w.t("evaluation.col.total"), kind: "number" });
  else if (f.shape === "ratio") columns.push({ label: w.t("evaluation.col.numerator"), kind: "number" }, { label: w.t("evaluation.col.denominator"), kind: "number" }, { label: `${w.t("evaluation.col.value")} (%)`, kind: rate });
  else if (f.shape === "median") columns.push({ label: `${w.t("evaluation.col.value")} (min)`, kind: "number" }, { label: w.t("evaluation.col.observations"), kind: "number" });
  else columns.push({ label: w.t("evaluation.col.value"), kind: "number" });
  const rowOf = (r: IndicatorPage["figures"]["rows"][number]): ExportCell[] => [
    w.group(by, r),
    ...(f.shape === "ratio" ? [cell(r.numerator), cell(r.denominator), cell(r.cells[0])] : f.shape === "median" ? [cell(r.cells[0]), cell(r.observations)] : r.cells.map(cell)),
  ];
  return {
    title: `${w.name(d.code)} — ${w.period(page.period)} (${w.range(page.period)}) — ${w.breakdown(by)}`,
    columns,
    rows: [...f.rows.map(rowOf), ...(f.total ? [rowOf(f.total)] : [])],
    footnotes: [w.definition(d.code), w.t("evaluation.footnote.suppressed", { max: String(page.threshold - 1) }), w.t("evaluation.footnote.source", { table: tableName, day })],
    suppressedMark: w.t("evaluation.suppressedMark"),
  };
}

export interface ExportRequest {
  partnershipId: string;
  tableName: string;
  day: string;
  locale: Locale;
  periodKey: string | null;
  by: string | null;
  format: ExportFormat;
  /** One indicator, or null for the whole dashboard. */
  code: string | null;
}

/**
 * A download of protected figures (never exact, whoever asks), audited with what it holds and
 * the hash of the file, in its own transaction before the file leaves.
 */
export async function exportIndicators(db: Database, actor: AuditActor, input: ExportRequest): Promise<Ok<Response> | NotFound> {
  const codes = input.code ? [input.code] : indicatorRegistry.map((d) => d.code);
  const pages: IndicatorPage[] = [];
  for (const code of codes) {
    const page = await getIndicatorPage(db, { partnershipId: input.partnershipId, code, periodKey: input.periodKey, by: input.by, foundedYear: null, exact: false });
    if (page.kind !== "ok") return missing();
    pages.push(page.value);
  }
  const first = pages[0];
  if (!first) return missing();
  const tables = pages.map((p) => indicatorExportTable(p, input.locale, input.tableName, input.day));
  const body = input.format === "csv" ? toCsvMany(tables) : await toXlsx(tables);
  const hash = sha256Hex(body);
  await db.transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "evaluation.exported",
      targetType: "indicator",
      targetId: input.code ?? "dashboard",
      partnershipId: input.partnershipId,
      // What the file holds (one indicator, or the whole registry: its count), its filters and its hash.
      details: { format: input.format, indicator: input.code ?? "dashboard", count: codes.length, period: first.period.key, by: input.code ? (first.by ?? "") : (input.by ?? ""), sha256: hash },
    }),
  );
  const slug = (input.code ?? "indicateurs").replace(/_/g, "-");
  const filename = `filet-evaluation-${slug}-${first.period.key}.${input.format}`;
  return ok(downloadResponse(body, { filename, type: input.format }));
}
