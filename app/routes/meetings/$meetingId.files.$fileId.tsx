import type { Route } from "./+types/$meetingId.files.$fileId";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { fileDownloadResponse, getFile } from "../../modules/files/stored-files.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { meetingFileOwner } from "../../modules/meetings/get-meeting.server.ts";
import { scopedMeeting } from "../../modules/meetings/meeting-route.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: a meeting's document, only to those who see the meeting. */
export const policy = needs("meeting.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const { meeting } = await scopedMeeting(args, policy);
  if (!isUuid(args.params.fileId)) notFound();
  const file = await getFile(args.context.db, meetingFileOwner(meeting), args.params.fileId.toLowerCase());
  if (!file) notFound();
  return fileDownloadResponse(file);
});
