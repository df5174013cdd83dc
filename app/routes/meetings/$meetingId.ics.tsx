import type { Route } from "./+types/$meetingId.ics";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { calendarDownloadResponse } from "../../modules/calendar/ics.server.ts";
import { meetingCalendarFile } from "../../modules/meetings/meeting-emails.server.ts";
import { scopedMeeting } from "../../modules/meetings/meeting-route.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: "add to my calendar" (same UID and SEQUENCE as the emailed invitation). */
export const policy = needs("meeting.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const { meeting } = await scopedMeeting(args, policy);
  if (meeting.status === "cancelled") notFound();
  return calendarDownloadResponse(meetingCalendarFile(meeting, "PUBLISH", args.context.config.publicUrl));
});
