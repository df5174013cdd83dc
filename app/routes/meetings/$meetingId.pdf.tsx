import type { Route } from "./+types/$meetingId.pdf";
import { translator, type MessageKey } from "../../i18n/catalog.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { localTime } from "../../modules/meetings/dates.ts";
import { meetingDetail } from "../../modules/meetings/get-meeting.server.ts";
import { renderMinutesPdf } from "../../modules/meetings/meeting-pdf.server.ts";
import { scopedMeeting } from "../../modules/meetings/meeting-route.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

/** Resource route: the minutes as a PDF (held or closed meetings), in the reader's language. */
export const policy = needs("meeting.view");

export async function loader(args: Route.LoaderArgs) {
  const { user, access, meeting: m } = await scopedMeeting(args, policy);
  if (m.status !== "held" && m.status !== "closed") notFound();
  const t = translator(resolveLocale(args.request, user.locale));
  const d = await meetingDetail(args.context.db, access, m, quebecDay(new Date()));
  const line = (r: { what: string; owner: string; dueOn: string; status: string }) =>
    `${r.what} — ${r.owner}, ${t("responsibilities.due", { date: r.dueOn })} (${t(`responsibilities.status.${r.status}` as MessageKey)})`;
  const pdf = await renderMinutesPdf(
    {
      title: m.title,
      when: `${quebecDay(m.startsAt)} ${localTime(m.startsAt)}–${localTime(m.endsAt)}`,
      place: [m.place, m.onlineUrl].filter(Boolean).join(" — "),
      objectives: m.objectives,
      attendance: d.invitations.map((i) => ({
        name: `${i.name}${i.organization ? ` (${i.organization})` : ""}`,
        status: i.attendance ? t(`meetings.attendance.${i.attendance}` as MessageKey) : "—",
      })),
      guests: d.guests.map((g) => g.name),
      items: d.items.map((i) => ({
        title: i.title,
        presenter: i.presenter,
        minutes: i.minutes,
        decisions: i.decisions.map((x) => x.text),
        responsibilities: [...i.carried, ...i.responsibilities].map(line),
      })),
      otherDecisions: d.otherDecisions.map((x) => x.text),
      otherResponsibilities: d.otherResponsibilities.map(line),
    },
    {
      heading: t("meetings.pdf.heading"),
      objectives: t("meetings.form.objectives"),
      attendance: t("meetings.attendance.heading"),
      guests: t("meetings.attendance.guests"),
      agenda: t("meetings.form.agenda"),
      presenter: t("meetings.form.itemPresenter"),
      decisions: t("meetings.decisions.item"),
      responsibilities: t("meetings.responsibilities.item"),
      noMinutes: t("meetings.minutes.none"),
      other: t("meetings.pdf.other"),
    },
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="compte-rendu-${quebecDay(m.startsAt)}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
