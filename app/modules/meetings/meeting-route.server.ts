import type { AppLoadContext } from "react-router";
import { guard, notFound } from "../authz/guard.server.ts";
import type { RoutePolicy } from "../authz/policy.ts";
import { readMeetingKinds } from "./meeting-kinds.server.ts";
import { isUuid } from "../forms/fields.ts";
import { translator } from "../../i18n/catalog.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { loadMeeting } from "./get-meeting.server.ts";
import { meetingAccess } from "./meeting-access.server.ts";
import { allMeetingKinds } from "./meeting-kinds.ts";
import { localTime } from "./dates.ts";
import type { MeetingFormValues } from "./meeting-form-values.ts";
import type { meeting, meetingAgendaItem } from "./tables.ts";
import { quebecDay } from "../time/days.ts";

interface Args {
  request: Request;
  context: AppLoadContext;
  params: Record<string, string | undefined>;
}

/** Guard + the person's meeting access in their current Table (404 without a Table). */
export async function meetingGuard(args: Args, policy: RoutePolicy) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const access = meetingAccess({ ...user, partnershipId: user.partnershipId });
  return { user, access };
}

/** Guard + one meeting the person sees (another Table's or organization's reads as missing). */
export async function scopedMeeting(args: Args, policy: RoutePolicy) {
  const { user, access } = await meetingGuard(args, policy);
  const id = args.params.meetingId;
  if (!isUuid(id)) notFound();
  const m = await loadMeeting(args.context.db, access, id.toLowerCase());
  if (!m) notFound();
  return { user, access, meeting: m };
}

export async function saveOptions(args: Args, partnershipId: string, locale: string) {
  const customKinds = await readMeetingKinds(args.context.db, partnershipId);
  const t = translator(resolveLocale(args.request, locale));
  return {
    publicUrl: args.context.config.publicUrl,
    kinds: allMeetingKinds(customKinds),
    followUpTitle: t("meetings.followUpItem"),
    customKinds,
  };
}

/** Form values of an existing meeting (edit) or of a template (new: no date, no ids). */
export function formValuesOf(
  m: typeof meeting.$inferSelect,
  items: (typeof meetingAgendaItem.$inferSelect)[],
  invitees: string[],
  asTemplate: boolean,
): MeetingFormValues {
  return {
    title: m.title,
    kind: m.kind,
    organizationId: m.organizationId ?? "",
    day: asTemplate ? "" : quebecDay(m.startsAt),
    startTime: localTime(m.startsAt),
    endTime: localTime(m.endsAt),
    place: m.place,
    onlineUrl: m.onlineUrl,
    objectives: m.objectives,
    items: items
      .filter((i) => !(asTemplate && i.followUp))
      .map((i) => ({ id: asTemplate ? "" : i.id, title: i.title, presenter: i.presenter, duration: i.durationMinutes ? String(i.durationMinutes) : "", notes: asTemplate ? "" : i.notes })),
    invitees,
    templateId: asTemplate ? m.id : "",
  };
}
