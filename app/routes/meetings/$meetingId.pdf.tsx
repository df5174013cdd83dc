import type { Route } from "./+types/$meetingId.pdf";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { meetingDetail } from "../../modules/meetings/get-meeting.server.ts";
import { renderMinutesPdf } from "../../modules/meetings/meeting-pdf.server.ts";
import { scopedMeeting } from "../../modules/meetings/meeting-route.server.ts";
import { pdfContext } from "../../modules/pdf/pdf-context.server.ts";
import { pdfResponse } from "../../modules/pdf/pdf-response.server.ts";
import { quebecDay } from "../../modules/time/days.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: the minutes as a PDF (held or closed meetings), in the reader's language. */
export const policy = needs("meeting.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const { user, access, meeting: m } = await scopedMeeting(args, policy);
  if (m.status !== "held" && m.status !== "closed") notFound();
  const ctx = await pdfContext(args.context.db, m.partnershipId, resolveLocale(args.request, user.locale));
  const d = await meetingDetail(args.context.db, access, m, quebecDay(new Date()));
  const pdf = await renderMinutesPdf(
    {
      title: m.title,
      day: quebecDay(m.startsAt),
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place ?? "",
      onlineUrl: m.onlineUrl ?? "",
      objectives: m.objectives,
      attendance: d.invitations,
      guests: d.guests.map((g) => g.name),
      items: d.items.map((i) => ({
        title: i.title,
        presenter: i.presenter,
        minutes: i.minutes,
        decisions: i.decisions.map((x) => x.text),
        responsibilities: [...i.carried, ...i.responsibilities],
      })),
      otherDecisions: d.otherDecisions.map((x) => x.text),
      otherResponsibilities: d.otherResponsibilities,
    },
    ctx,
  );
  return pdfResponse(pdf, `compte-rendu-${quebecDay(m.startsAt)}.pdf`);
});
