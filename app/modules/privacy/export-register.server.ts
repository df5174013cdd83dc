import { and, asc, eq } from "drizzle-orm";
import { translator, type MessageKey } from "../../i18n/catalog.ts";
import { formatDay } from "../../i18n/format.ts";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { csvFile } from "../exports/csv.ts";
import { sha256Hex } from "../exports/download.server.ts";
import { pdfContext } from "../pdf/pdf-context.server.ts";
import { startPdfDocument } from "../pdf/pdf-document.server.ts";
import { quebecDay } from "../time/days.ts";
import { registerWhere, type PrivacyAccess } from "./privacy-access.server.ts";
import { registerNames } from "./list-incidents.server.ts";
import { privacyIncident } from "./tables.ts";

/**
 * "Copy of the register for the Commission" (issue 15 §1): every incident of the officer's
 * registers with the items the CAI requires, in French (the Commission's language), as CSV or
 * PDF. Each download is audited with its format, its number of incidents and its SHA-256.
 */
const t = translator("fr");

/** The register's columns, in the order of the regulation's items. */
export const REGISTER_COLUMNS = [
  "privacy.field.number",
  "privacy.field.register",
  "privacy.field.title",
  "privacy.field.personalInformation",
  "privacy.field.notDescribedReason",
  "privacy.field.circumstances",
  "privacy.field.occurredOn",
  "privacy.field.occurredUntil",
  "privacy.field.knownOn",
  "privacy.field.knownUntil",
  "privacy.field.peopleCount",
  "privacy.field.peopleCountApproximate",
  "privacy.field.sensitivity",
  "privacy.field.possibleMisuses",
  "privacy.field.consequences",
  "privacy.field.likelihood",
  "privacy.field.severity",
  "privacy.field.riskReasoning",
  "privacy.field.commissionNoticeOn",
  "privacy.field.peopleNoticeOn",
  "privacy.field.publicNotice",
  "privacy.field.publicNoticeReason",
  "privacy.field.ministerNoticeOn",
  "privacy.field.measuresTaken",
  "privacy.field.status",
  "privacy.field.closedOn",
] as const satisfies readonly MessageKey[];

const day = (v: string | null) => (v ? formatDay("fr", v) : "");
const yesNo = (v: boolean) => t(v ? "privacy.yes" : "privacy.no");

async function registerRows(db: Database, access: PrivacyAccess): Promise<string[][]> {
  const names = new Map((await registerNames(db, access)).map((r) => [r.id, r.id ? r.nameFr : t("privacy.register.table")]));
  const rows = await db
    .select()
    .from(privacyIncident)
    .where(and(eq(privacyIncident.partnershipId, access.partnershipId), registerWhere(access, privacyIncident.organizationId)))
    .orderBy(asc(privacyIncident.knownOn), asc(privacyIncident.createdAt));
  return rows.map((r, i) => [
    String(i + 1),
    names.get(r.organizationId) ?? "",
    r.title,
    r.personalInformation,
    r.notDescribedReason,
    r.circumstances,
    day(r.occurredOn),
    day(r.occurredUntil),
    day(r.knownOn),
    day(r.knownUntil),
    r.peopleCount === null ? "" : String(r.peopleCount),
    yesNo(r.peopleCountApproximate),
    r.sensitivity,
    r.possibleMisuses,
    r.consequences,
    r.likelihood ? t(`privacy.likelihood.${r.likelihood}` as MessageKey) : "",
    r.severity ? t(`privacy.severity.${r.severity}` as MessageKey) : t("privacy.severity.unassessed"),
    r.riskReasoning,
    day(r.commissionNoticeOn),
    day(r.peopleNoticeOn),
    yesNo(r.publicNotice),
    r.publicNoticeReason,
    day(r.ministerNoticeOn),
    r.measuresTaken,
    t(`privacy.status.${r.status}` as MessageKey),
    r.closedAt ? day(quebecDay(r.closedAt)) : "",
  ]);
}

async function audited(db: Database, actor: AuditActor, access: PrivacyAccess, format: "csv" | "pdf", body: string | Buffer, incidents: number) {
  await db.transaction((tx) =>
    recordAuditEvent(tx, actor, { action: "privacy.register_exported", targetType: "privacy_register", targetId: "", partnershipId: access.partnershipId, details: { format, incidents, sha256: sha256Hex(body) } }),
  );
}

export async function exportRegisterCsv(db: Database, actor: AuditActor, access: PrivacyAccess): Promise<string> {
  const rows = await registerRows(db, access);
  const csv = csvFile([REGISTER_COLUMNS.map((k) => t(k)), ...rows]);
  await audited(db, actor, access, "csv", csv, rows.length);
  return csv;
}

export async function exportRegisterPdf(db: Database, actor: AuditActor, access: PrivacyAccess, generatedAt = new Date()): Promise<Buffer> {
  const rows = await registerRows(db, access);
  const ctx = await pdfContext(db, access.partnershipId, "fr");
  const title = t("privacy.register.pdfTitle");
  const w = startPdfDocument({ ...ctx, generatedAt, title });
  w.heading(title, 1);
  w.paragraph(t("privacy.register.pdfIntro", { day: formatDay("fr", quebecDay(generatedAt)), count: rows.length }));
  if (rows.length === 0) w.paragraph(t("privacy.incidents.none"), { font: "italic" });
  for (const row of rows) {
    w.heading(`${row[0]}. ${row[2]}`, 2, w.doc.outline);
    REGISTER_COLUMNS.forEach((key, i) => {
      if (i === 0 || i === 2) return;
      w.labelled(t(key), row[i] || "—");
    });
  }
  const pdf = await w.finish();
  await audited(db, actor, access, "pdf", pdf, rows.length);
  return pdf;
}
