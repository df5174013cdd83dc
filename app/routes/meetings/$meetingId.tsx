import { Fragment } from "react";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/$meetingId";
import { ErrorSummary, translateMessage } from "../../components/form.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { meetingDetail } from "../../modules/meetings/get-meeting.server.ts";
import { handleMeetingAction, type MeetingActionResult } from "../../modules/meetings/meeting-actions.server.ts";
import { AgendaItemSection, AttendanceSection, DocumentsSection, RsvpSection } from "../../components/meetings/meeting-page-ui.tsx";
import { MeetingActions } from "../../components/meetings/meeting-status-actions.tsx";
import { saveOptions, scopedMeeting } from "../../modules/meetings/meeting-route.server.ts";
import { attendanceVersion, minutesVersion } from "../../modules/meetings/meeting-versions.server.ts";
import { StatusBadge, useKindLabel } from "../../components/meetings/meeting-ui.tsx";
import { ObjectivesSection } from "../../components/meetings/objectives-review.tsx";
import { responsibilityFormData } from "../../modules/meetings/responsibilities/responsibility-form-data.server.ts";
import { ResponsibilityTable } from "../../components/responsibilities/responsibility-ui.tsx";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { groupMessages, oneMessageOf } from "../../i18n/page-messages.server.ts";
import { pivotMeetingDetail } from "../../modules/meetings/pivot-meeting-detail.server.ts";
import { agendaSpace, subjectTalk } from "../../modules/forum/subjects.server.ts";
import { SubjectDiscussion } from "../../components/forum/subject-discussion.tsx";
import { ActivityReviewAction, ActivityReviewTable, MeetingThreadLink, PollSection, RegistrationSection } from "../../components/meetings/pivot-meeting-ui.tsx";

export const policy = needs("meeting.view");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "meetings.title", undefined, d?.meeting.title);

export async function loader(args: Route.LoaderArgs) {
  const { user, access, meeting } = await scopedMeeting(args, policy);
  const today = quebecDay(new Date());
  const detail = await meetingDetail(args.context.db, access, meeting, today);
  // Before its day, holding or closing the meeting asks for a recorded reason (meeting-records).
  const plannedDay = quebecDay(meeting.startsAt) > today ? quebecDay(meeting.startsAt) : null;
  const options = await saveOptions(args, access.partnershipId, user.locale);
  const params = requestUrl(args.request).searchParams;
  // The agenda item whose responsibility form searched for an owner (without JavaScript).
  const searchedItemId = params.get("intent") === "responsibility" ? params.get("agendaItemId") : null;
  // The owner choices serve the one agenda item whose responsibility form was asked for.
  const choices = detail.canManage && searchedItemId ? await responsibilityFormData(args.context.db, access.partnershipId, meeting.organizationId, { params }) : null;
  // The versions the edit forms carry (minutes per item, attendance): a stale save answers 409.
  const versions = {
    attendance: attendanceVersion(detail.invitations, detail.guests.map((g) => g.name)),
    minutes: Object.fromEntries(detail.items.map((i) => [i.id, minutesVersion(i.id, i.minutes)])),
  };
  // Pivot meetings (issue 14 §5): registration, the date poll, the activities review, the thread.
  const pivot = await pivotMeetingDetail(args.context.db, access, meeting);
  // Each agenda item's discussion, where the meeting talks (issue 14 §1): a link per item only, the page is heavy.
  const itemSpace = agendaSpace(meeting);
  const talk = itemSpace ? await subjectTalk(args.context.db, user, "agenda_item", itemSpace, detail.items.map((i) => i.id)) : null;
  // Only the saved notice the URL names is sent (its family is 1.3 KB of words).
  const locale = resolveLocale(args.request, user.locale);
  const saved = oneMessageOf(locale, "meetings.saved", params.get("saved"));
  // The status actions (hold, close, cancel) are drawn for the managers only, and so are their words.
  const messages = detail.canManage ? { ...groupMessages(locale, "meetings.status-actions"), ...saved.messages } : saved.messages;
  return { meeting, detail, pivot, talk, choices, searchedItemId, versions, plannedDay, customKinds: options.customKinds, saved: saved.key, messages };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, access, meeting } = await scopedMeeting(args, policy);
  // The body is capped at the upload limit (the documents form) before it is read.
  const read = await readForm(args.request, { files: ["document"] });
  if (!read.ok) {
    const intent = typeof read.values.intent === "string" ? read.values.intent : "";
    const itemId = typeof read.values.itemId === "string" ? read.values.itemId : typeof read.values.agendaItemId === "string" ? read.values.agendaItemId : undefined;
    return data<MeetingActionResult>({ ok: false, status: 400, intent, itemId, message: "form.errors", errors: read.errors }, { status: 400 });
  }
  const result = await handleMeetingAction(
    {
      db: args.context.db,
      actor: actorOf(user, args.context),
      access,
      accountId: user.accountId,
      meeting,
      publicUrl: args.context.config.publicUrl,
      locale: resolveLocale(args.request, user.locale),
      user: { personId: user.personId, partnershipId: access.partnershipId, roles: user.roles },
    },
    read,
  );
  if (result.ok) return redirect(result.location);
  if (result.status === 404) notFound();
  // formError: the message, as every form reply names it ("form.conflict" for a stale edit).
  return data<MeetingActionResult & { formError: string }>({ ...result, formError: result.message }, { status: result.status });
}

export default function MeetingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const f = useFormatters();
  const kindLabel = useKindLabel(loaderData.customKinds);
  const { meeting: m, detail, pivot, choices, searchedItemId, versions, saved } = loaderData;
  const failure = actionData && !actionData.ok ? actionData : null;
  const editable = detail.canManage && (m.status === "planned" || m.status === "held");
  return (
    <>
      <h1>{m.title}</h1>
      {saved ? <SavedNotice message={saved} /> : null}
      {failure && !failure.itemId ? <ErrorSummary errors={failure.errors} formError={translateMessage(t, failure.message).replace("{items}", String(failure.vars?.items ?? ""))} /> : null}
      <dl className="summary">
        <dt>{t("meetings.list.kind")}</dt>
        <dd>{kindLabel(m.kind)}</dd>
        <dt>{t("meetings.list.status")}</dt>
        <dd>
          <StatusBadge status={m.status} />
        </dd>
        <dt>{t("meetings.list.when")}</dt>
        <dd>
          {f.dateTime(m.startsAt)} – {f.time(m.endsAt)}
        </dd>
        {m.place ? (
          <>
            <dt>{t("meetings.form.place")}</dt>
            <dd>{m.place}</dd>
          </>
        ) : null}
        {m.onlineUrl ? (
          <>
            <dt>{t("meetings.form.onlineUrl")}</dt>
            <dd>
              <a href={m.onlineUrl} rel="noreferrer noopener">
                {m.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <ul className="actions" aria-label={t("meetings.links")}>
        {m.status !== "cancelled" ? (
          <li>
            <a href={`/meetings/${m.id}/ics`} download>
              {t("meetings.addToCalendar")}
            </a>
          </li>
        ) : null}
        {m.status === "held" || m.status === "closed" ? (
          <li>
            <a href={`/meetings/${m.id}/pdf`} download>
              {t("meetings.pdf")}
            </a>
          </li>
        ) : null}
        {editable ? (
          <li>
            <Link to={`/meetings/${m.id}/edit`}>{t("meetings.edit")}</Link>
          </li>
        ) : null}
        {detail.canManage && m.status !== "cancelled" ? (
          <li>
            <Link to={`/meetings/new?template=${m.id}`}>{t("meetings.template.next")}</Link>
          </li>
        ) : null}
        {pivot && (pivot.threadId || m.status !== "cancelled") ? <MeetingThreadLink threadId={pivot.threadId} failure={failure} /> : null}
      </ul>
      {detail.myRsvp !== null && m.status === "planned" ? <RsvpSection current={detail.myRsvp} failure={failure} /> : null}
      {pivot ? <RegistrationSection pivot={pivot} failure={failure} /> : null}
      {pivot ? <PollSection pivot={pivot} version={m.version} failure={failure} /> : null}
      <ObjectivesSection meeting={m} canManage={detail.canManage} failure={failure?.intent === "objectives" ? failure : null} />
      <h2 id="agenda">{t("meetings.form.agenda")}</h2>
      {detail.items.length === 0 ? <p>{t("meetings.agenda.empty")}</p> : null}
      {detail.items.map((item, i) => (
        <Fragment key={item.id}>
          <AgendaItemSection
            item={item}
            index={i}
            meetingStatus={m.status}
            canManage={detail.canManage}
            choices={searchedItemId === item.id ? choices : null}
            minutesVersion={versions.minutes[item.id] ?? 0}
            failure={failure?.itemId === item.id ? failure : null}
          >
            {loaderData.talk && (loaderData.talk.threads[item.id] || loaderData.talk.mayStart) ? (
              <p>
                <SubjectDiscussion talk={loaderData.talk} type="agenda_item" id={item.id} asLink />
              </p>
            ) : null}
          </AgendaItemSection>
          {pivot?.reviews[item.id] ? <ActivityReviewTable review={pivot.reviews[item.id]!} /> : null}
        </Fragment>
      ))}
      {pivot?.mayReview ? <ActivityReviewAction hasReview={Object.keys(pivot.reviews).length > 0} version={m.version} failure={failure} /> : null}
      <AttendanceSection status={m.status} canManage={detail.canManage} invitations={detail.invitations} guests={detail.guests} version={versions.attendance} />
      <h2 id="decisions">{t("meetings.decisions.onMeeting", { count: detail.decisions.length })}</h2>
      {detail.decisions.length ? (
        <ul>
          {detail.decisions.map((d) => (
            <li key={d.id}>{d.text}</li>
          ))}
        </ul>
      ) : (
        <p>{t("meetings.decisions.none")}</p>
      )}
      <h2 id="responsibilities">{t("meetings.responsibilities", { count: detail.responsibilities.length })}</h2>
      <ResponsibilityTable rows={detail.responsibilities} caption={t("meetings.responsibilities", { count: detail.responsibilities.length })} showMeeting={false} />
      <DocumentsSection meetingId={m.id} files={detail.files} canManage={detail.canManage && m.status !== "cancelled"} failure={failure?.intent === "upload" ? failure : null} />
      {detail.canManage ? <MeetingActions status={m.status} plannedDay={loaderData.plannedDay} errors={failure?.intent === "start" || failure?.intent === "close" ? failure.errors : null} /> : null}
    </>
  );
}
