import { randomUUID } from "node:crypto";
import type { Database } from "../../app/modules/db/client.server.ts";
import { SUBMISSION_KEY_FIELD } from "../../app/modules/forms/submission-field.ts";
import * as attendanceRoute from "../../app/routes/training/sessions.$sessionId.attendance.tsx";
import { call, type TestUser } from "./pathway-support.ts";

/**
 * The session pages' forms as the pages send them: a create (new session, add a participant,
 * evaluation answer, upload) carries a fresh submission key; the sign-in sheet carries the
 * version the page was drawn with.
 */
export const withKey = <T extends Record<string, string>>(fields: T, key: string = randomUUID()): T & Record<string, string> => ({ ...fields, [SUBMISSION_KEY_FIELD]: key });

/** Opens the sign-in sheet as `user`, then saves `fields` with the version it showed. */
export async function saveSheet(db: Database, user: TestUser, sessionId: string, fields: Record<string, string>) {
  const path = `/training/sessions/${sessionId}/attendance`;
  const page = await call(db, attendanceRoute.loader, { path, user, params: { sessionId } });
  const version = (page.data as { version?: number } | null)?.version;
  return call(db, attendanceRoute.action, { path, user, params: { sessionId }, form: { ...fields, version: String(version ?? 1) } });
}

/** Where the session page lands after a participants step (post/redirect/get). */
export const participantsPage = (sessionId: string, outcome: string) => `/training/sessions/${sessionId}?participant=${outcome}#participants-title`;
