import type { MessageKey } from "../../i18n/catalog.ts";
import { formatDay, localeTag } from "../../i18n/format.ts";
import { startPdfDocument, type PdfContext, type PdfWriter } from "../pdf/pdf-document.server.ts";
import { writeRichText } from "../pdf/pdf-rich-text.server.ts";
import { QUEBEC_TIME_ZONE } from "../time/wall-clock.ts";

export interface MinutesResponsibility {
  what: string;
  owner: string;
  dueOn: string;
  status: string;
}

export interface MinutesPdfInput {
  title: string;
  day: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineUrl: string;
  objectives: string;
  attendance: { name: string; organization: string | null; attendance: string | null }[];
  guests: string[];
  items: { title: string; presenter: string; minutes: string; decisions: string[]; responsibilities: MinutesResponsibility[] }[];
  otherDecisions: string[];
  otherResponsibilities: MinutesResponsibility[];
}

function responsibilities(w: PdfWriter, ctx: PdfContext, rows: MinutesResponsibility[]) {
  const { t, locale } = ctx;
  if (rows.length === 0) return;
  w.heading(t("meetings.responsibilities.item"), 3);
  w.table(
    [
      { header: t("responsibilities.what"), width: 3.2 },
      { header: t("responsibilities.owner"), width: 1.8 },
      { header: t("responsibilities.dueOn"), width: 1.3 },
      { header: t("responsibilities.statusLabel"), width: 1.1 },
    ],
    rows.map((r) => [r.what, r.owner, formatDay(locale, r.dueOn), t(`responsibilities.status.${r.status}` as MessageKey)]),
  );
}

function decisions(w: PdfWriter, ctx: PdfContext, lines: string[]) {
  if (lines.length === 0) return;
  w.heading(ctx.t("meetings.decisions.item"), 3);
  w.bullets(lines);
}

/** The minutes as a PDF: when and where, attendance, each agenda item's minutes, decisions and responsibilities. */
export async function renderMinutesPdf(input: MinutesPdfInput, ctx: PdfContext): Promise<Buffer> {
  const { t, locale } = ctx;
  const title = `${t("meetings.pdf.heading")} — ${input.title}`;
  const w = startPdfDocument({ ...ctx, title });
  const time = new Intl.DateTimeFormat(localeTag(locale), { timeStyle: "short", timeZone: QUEBEC_TIME_ZONE });
  w.heading(title, 1);
  w.labelled(t("meetings.form.day"), `${formatDay(locale, input.day)}, ${time.format(input.startsAt)} – ${time.format(input.endsAt)}`);
  w.labelled(t("meetings.form.place"), input.place);
  w.labelled(t("meetings.form.onlineUrl"), input.onlineUrl);
  if (input.objectives.trim()) {
    w.heading(t("meetings.form.objectives"), 2);
    writeRichText(w, input.objectives);
  }
  w.heading(t("meetings.attendance.heading"), 2);
  w.table(
    [
      { header: t("meetings.attendance.person"), width: 3 },
      { header: t("meetings.attendance.title"), width: 1.4 },
    ],
    input.attendance.map((a) => [a.organization ? `${a.name} (${a.organization})` : a.name, a.attendance ? t(`meetings.attendance.${a.attendance}` as MessageKey) : "—"]),
  );
  if (input.guests.length) w.labelled(t("meetings.attendance.guests"), input.guests.join(", "));
  w.heading(t("meetings.form.agenda"), 2, w.doc.outline);
  input.items.forEach((item, i) => {
    w.heading(`${i + 1}. ${item.title}`, 3, w.doc.outline);
    w.labelled(t("meetings.form.itemPresenter"), item.presenter);
    if (item.minutes.trim()) writeRichText(w, item.minutes);
    else w.paragraph(t("meetings.minutes.none"), { font: "italic" });
    decisions(w, ctx, item.decisions);
    responsibilities(w, ctx, item.responsibilities);
  });
  if (input.otherDecisions.length || input.otherResponsibilities.length) {
    w.heading(t("meetings.pdf.other"), 2);
    decisions(w, ctx, input.otherDecisions);
    responsibilities(w, ctx, input.otherResponsibilities);
  }
  return w.finish();
}
