import { Fragment, useSyncExternalStore } from "react";
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/sessions.$sessionId.attendance";
import { useT, useDay } from "../../i18n/use-t.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, versionField } from "../../modules/forms/fields.ts";
import { conflictReply, readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { attendanceSheetVersion, isTrainerOfSession, saveAttendance, type AttendanceMark } from "../../modules/training/attendance.server.ts";
import { loadSession } from "../../modules/training/list-training.server.ts";
import { attendanceWindow } from "../../modules/training/session-groups.ts";
import { listSessionParticipants } from "../../modules/training/session-participants.server.ts";
import { attendanceStatuses, type AttendanceStatus } from "../../modules/training/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** The sign-in sheet (feuille de présence): the coordinator for any session, a trainer for the sessions they give. */
export const policy = needs("training.attendance");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.attendance.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId)) notFound();
  const session = await loadSession(args.context.db, user.partnershipId, args.params.sessionId);
  if (!session) notFound();
  const coordinator = can(user.roles, "training.manage", { partnershipId: user.partnershipId });
  // A trainer who does not give this session reads it exactly like a missing one.
  if (!coordinator && !(await isTrainerOfSession(args.context.db, user.partnershipId, session.id, user.personId))) notFound();
  return { user, partnershipId: user.partnershipId, session, coordinator };
}

export async function loader(args: Route.LoaderArgs) {
  const { session, partnershipId, coordinator } = await scoped(args);
  const participants = (await listSessionParticipants(args.context.db, partnershipId, session.id, session.dates.length)).filter((p) => p.status === "registered");
  return {
    // The sheet is an edit form: it carries the version of what it shows.
    version: attendanceSheetVersion(participants),
    session: { id: session.id, dates: session.dates, place: session.place, online: session.online },
    // The sheet prints at any time; marks are taken once the first day has come, never for a cancelled session.
    window: attendanceWindow(session, quebecDay()),
    participants: participants.map((p) => ({
      registrationId: p.registrationId,
      name: p.name,
      organizationName: p.organizationName,
      organizationNameEn: p.organizationNameEn,
      days: p.days,
      completed: !!p.completedAt,
      completionMarked: p.completionMarked,
    })),
    coordinator,
    saved: requestUrl(args.request).searchParams.has("saved"),
  };
}

const markKey = /^day:([0-9a-f-]{36}):(\d{1,2})$/i;
const decideKey = /^decide:([0-9a-f-]{36})$/i;
const completeKey = /^complete:([0-9a-f-]{36})$/i;
const statusSchema = z.enum(attendanceStatuses);

// A save from a sheet someone changed since answers 409; the page then reloads the current marks.
export const shouldRevalidate = revalidateAfterConflict;

const refusedSheet = (field: string) => data({ error: true, errors: { [field]: ["form.invalid"] }, formError: "form.errors" }, { status: 400 });

export async function action(args: Route.ActionArgs) {
  const { user, session, partnershipId, coordinator } = await scoped(args);
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const values = read.values;
  const version = versionField.safeParse(values.version);
  if (!version.success) return refusedSheet("version");
  const marks: AttendanceMark[] = [];
  const completions = new Map<string, boolean>();
  for (const [key, value] of Object.entries(values)) {
    const mark = markKey.exec(key);
    if (mark && value !== "") {
      const status = statusSchema.safeParse(value);
      if (!status.success) return refusedSheet(key);
      marks.push({ registrationId: mark[1]!.toLowerCase(), dayIndex: Number(mark[2]), status: status.data });
    }
    // The coordinator's decision for a partial attendance: the sheet sends every row it offers.
    const decided = decideKey.exec(key);
    if (decided && coordinator) completions.set(decided[1]!.toLowerCase(), values[`complete:${decided[1]}`] === "on");
    if (completeKey.test(key) && !coordinator) return refusedSheet(key);
  }
  const result = await saveAttendance(args.context.db, actorOf(user, args.context), {
    partnershipId,
    sessionId: session.id,
    dayCount: session.dates.length,
    recordedBy: user.personId,
    marks,
    completions: coordinator ? completions : undefined,
    version: version.data,
  });
  if (result.status === "invalid") return data({ error: true }, { status: 400 });
  if (result.status === "conflict") return conflictReply({ error: true });
  if (result.status === "cancelled" || result.status === "not_yet") return data({ error: true, refused: result.status }, { status: 409 });
  return redirect(`/training/sessions/${session.id}/attendance?saved=1`);
}

export default function AttendanceSheet({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { session, participants, coordinator, window } = loaderData;
  const when = session.dates.map((d) => day(d)).join(" · ");
  const editable = window === "open";
  const refused = actionData && "refused" in actionData ? actionData.refused : null;
  return (
    <div className="signin-sheet">
      <p className="no-print">
        <Link to={coordinator ? `/training/sessions/${session.id}` : "/training/register"}>{coordinator ? t("training.edit.title", { date: day(session.dates[0]) }) : t("training.register.title")}</Link>
      </p>
      <h1>{t("training.attendance.heading", { date: when })}</h1>
      <p>{session.online ? t("training.sessions.online") : session.place}</p>
      <p className="no-print">{t("training.attendance.intro")}</p>
      {loaderData.saved ? <SavedNotice message="training.attendance.saved" className="no-print" /> : null}
      {window === "not_yet" ? <p className="alert warning no-print">{t("training.attendance.notYet", { date: day(session.dates[0]) })}</p> : null}
      {window === "cancelled" ? <p className="alert warning no-print">{t("training.attendance.cancelled")}</p> : null}
      {refused ? (
        <p className="alert error no-print" role="alert">
          {t(refused === "cancelled" ? "training.attendance.cancelled" : "training.attendance.notYet", { date: day(session.dates[0]) })}
        </p>
      ) : actionData ? (
        <p className="alert error no-print" role="alert">
          {t("formError" in actionData && actionData.formError === "form.conflict" ? "form.conflict" : "form.errors")}
        </p>
      ) : null}
      {participants.length === 0 ? (
        <p>{t("training.participants.none")}</p>
      ) : (
        // Keyed by the sheet's version: after a 409 the selects show the current marks.
        <Form method="post" key={loaderData.version}>
          <input type="hidden" name="version" value={loaderData.version} />
          <TableScroll label={t("training.attendance.caption", { date: when })}>
            <table className="signin-table">
              <caption>{t("training.attendance.caption", { date: when })}</caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    {t("training.pool.name")}
                  </th>
                  <th scope="col" rowSpan={2}>
                    {t("training.pool.organization")}
                  </th>
                  {session.dates.map((d, i) => (
                    <th scope="colgroup" key={`h${i}`} colSpan={2}>
                      {t("training.attendance.day", { n: i + 1, date: day(d) })}
                    </th>
                  ))}
                  <th scope="col" rowSpan={2}>
                    {t("training.attendance.completion")}
                  </th>
                </tr>
                <tr>
                  {session.dates.map((_, i) => (
                    <Fragment key={`s${i}`}>
                      <th scope="col">{t("training.attendance.presence")}</th>
                      <th scope="col">{t("training.attendance.signatureHeader")}</th>
                    </Fragment>
                  ))}
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => {
                  const allPresent = p.days.every((d) => d === "present");
                  return (
                    <tr key={p.registrationId}>
                      <th scope="row">{p.name}</th>
                      <td>{(locale === "en" ? p.organizationNameEn : p.organizationName) || "—"}</td>
                      {session.dates.map((_, i) => (
                        <AttendanceCells key={i} registrationId={p.registrationId} dayIndex={i} value={p.days[i] ?? null} name={p.name} editable={editable} />
                      ))}
                      <td>
                        {/* certificate: a participant with completedAt set here is "completed"; H5 issues the certificate from it. */}
                        {p.completed ? t("training.participants.completed") : t("training.attendance.notCompleted")}
                        {coordinator && editable && !allPresent ? (
                          <span className="no-print">
                            <input type="hidden" name={`decide:${p.registrationId}`} value="1" />{" "}
                            <input type="checkbox" id={`complete-${p.registrationId}`} name={`complete:${p.registrationId}`} defaultChecked={p.completionMarked} />{" "}
                            <label htmlFor={`complete-${p.registrationId}`}>{t("training.attendance.markCompleted", { name: p.name })}</label>
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
          <div className="actions no-print">
            {editable ? <button type="submit">{t("training.attendance.save")}</button> : null}
            <PrintButton />
          </div>
          <noscript>
            <p className="hint no-print">{t("training.attendance.printHint")}</p>
          </noscript>
        </Form>
      )}
    </div>
  );
}

function AttendanceCells({ registrationId, dayIndex, value, name, editable }: { registrationId: string; dayIndex: number; value: string | null; name: string; editable: boolean }) {
  const { t } = useT();
  if (!editable) {
    // Before the first day (or for a cancelled session) the sheet is to print and sign: no controls.
    return (
      <>
        <td>{value ? t(`training.attendance.status.${value as AttendanceStatus}`) : ""}</td>
        <td className="signature" />
      </>
    );
  }
  return (
    <>
      <td>
        {/* Named by aria-label rather than a hidden <label for=id>: two ids of 40 characters per
            person and day made a sheet of 16 people over 40 KB (issue 10); the name read is the same. */}
        <select aria-label={t("training.attendance.statusFor", { name, n: dayIndex + 1 })} name={`day:${registrationId}:${dayIndex}`} defaultValue={value ?? ""}>
          <option value="">—</option>
          {attendanceStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`training.attendance.status.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="signature" />
    </>
  );
}

/** Shown once the page is interactive (it needs script); the browser's own Print works without it. */
function PrintButton() {
  const { t } = useT();
  // false on the server and during hydration, true once the page runs in the browser.
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);
  if (!ready) return null;
  return (
    <button type="button" className="button secondary" onClick={() => window.print()}>
      {t("training.attendance.print")}
    </button>
  );
}

const noSubscription = () => () => {};
