import { Form, Link } from "react-router";
import { ErrorSummary, translateMessage } from "../form.tsx";
import { TableScroll } from "../table-scroll.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useDay, useFormatters, useT } from "../../i18n/use-t.ts";
import type { PivotMeetingDetail } from "../../modules/meetings/pivot-meeting-detail.server.ts";
import type { ActivityReviewRow } from "../../modules/meetings/tables.ts";
import { pollAnswers, POLL_MAX_SLOTS } from "../../modules/meetings/vocabulary.ts";
import { pivotActivityTypes } from "../../modules/pivot-activities/activity-types.ts";

interface Failure {
  intent: string;
  message: string;
  errors?: Record<string, string[] | undefined>;
}

/** Serialized dates arrive as strings once the loader data crossed the wire. */
type Wire<T> = T extends Date ? Date | string : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
type Pivot = Wire<PivotMeetingDetail>;

function FormErrors({ failure, intents }: { failure: Failure | null; intents: string[] }) {
  const { t } = useT();
  if (!failure || !intents.includes(failure.intent)) return null;
  return <ErrorSummary errors={failure.errors} formError={translateMessage(t, failure.message)} />;
}

/** Registration of the designated pivots: their own button, and the list for the organizer. */
export function RegistrationSection({ pivot, failure }: { pivot: Pivot; failure: Failure | null }) {
  const { t } = useT();
  const f = useFormatters();
  if (!pivot.mayRegister && !pivot.registrations && !pivot.registered) return null;
  return (
    <section aria-labelledby="registration">
      <h2 id="registration">{t("meetings.registration.title")}</h2>
      <FormErrors failure={failure} intents={["register", "withdraw"]} />
      {pivot.mayRegister || pivot.registered ? <p>{pivot.registered ? t("meetings.registration.youAre") : t("meetings.registration.youAreNot")}</p> : null}
      {pivot.mayRegister ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value={pivot.registered ? "withdraw" : "register"} />
          <button type="submit" className={pivot.registered ? "secondary" : undefined}>
            {pivot.registered ? t("meetings.registration.withdraw") : t("meetings.registration.register")}
          </button>
        </Form>
      ) : null}
      {pivot.registrations ? (
        pivot.registrations.length ? (
          <TableScroll
            label={t("meetings.registration.caption", {
              count: pivot.registrations.length,
            })}
          >
            <table>
              <caption>
                {t("meetings.registration.caption", {
                  count: pivot.registrations.length,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("meetings.attendance.person")}</th>
                  <th scope="col">{t("meetings.registration.when")}</th>
                </tr>
              </thead>
              <tbody>
                {pivot.registrations.map((r) => (
                  <tr key={r.personId}>
                    <th scope="row">
                      {r.name}
                      {r.organization ? ` (${r.organization})` : ""}
                    </th>
                    <td>{f.date(r.registeredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <p>{t("meetings.registration.none")}</p>
        )
      ) : null}
    </section>
  );
}

/** The organizer's form proposing 2–6 slots (Québec time), one row each, blank rows ignored. */
function OpenPollForm({ version, failure }: { version: number; failure: Failure | null }) {
  const { t } = useT();
  const errors = failure?.intent === "openPoll" ? failure.errors : undefined;
  return (
    <details className="edit-panel" open={errors ? true : undefined}>
      <summary>{t("meetings.poll.open")}</summary>
      <Form method="post" className="stack" noValidate>
        <FormErrors failure={failure} intents={["openPoll"]} />
        <input type="hidden" name="intent" value="openPoll" />
        <input type="hidden" name="version" value={version} />
        <p className="hint">{t("meetings.poll.openHint")}</p>
        {Array.from({ length: POLL_MAX_SLOTS }, (_, i) => (
          <fieldset key={i} className="inline-fields">
            <legend>{t("meetings.poll.slot", { n: i + 1 })}</legend>
            <label htmlFor={`slotDay-${i}`}>{t("meetings.form.day")}</label>
            <input type="date" id={`slotDay-${i}`} name={`slotDay-${i}`} aria-invalid={errors?.[`slotDay-${i}`] ? true : undefined} />
            <label htmlFor={`slotStart-${i}`}>{t("meetings.form.start")}</label>
            <input type="time" id={`slotStart-${i}`} name={`slotStart-${i}`} aria-invalid={errors?.[`slotStart-${i}`] ? true : undefined} />
            <label htmlFor={`slotEnd-${i}`}>{t("meetings.form.end")}</label>
            <input type="time" id={`slotEnd-${i}`} name={`slotEnd-${i}`} aria-invalid={errors?.[`slotEnd-${i}`] ? true : undefined} />
          </fieldset>
        ))}
        <div className="actions">
          <button type="submit">{t("meetings.poll.openSend")}</button>
        </div>
      </Form>
    </details>
  );
}

/**
 * The meeting-time poll: the invitees answer per slot (a table of radio groups, no JavaScript
 * needed); everyone sees the tally; the organizer picks the slot, which sets the date.
 */
export function PollSection({ pivot, version, failure }: { pivot: Pivot; version: number; failure: Failure | null }) {
  const { t } = useT();
  const f = useFormatters();
  const poll = pivot.poll;
  if (!poll && !pivot.mayOpenPoll) return null;
  const when = (s: { startsAt: Date | string; endsAt: Date | string }) => `${f.dateTime(s.startsAt)} – ${f.time(s.endsAt)}`;
  return (
    <section aria-labelledby="poll">
      <h2 id="poll">{t("meetings.poll.title")}</h2>
      {poll ? (
        <p>
          {poll.status === "open" ? t("meetings.poll.isOpen") : t("meetings.poll.isClosed")} {t("meetings.poll.respondents", { count: poll.respondents })}
        </p>
      ) : null}
      {poll?.mayAnswer ? (
        <Form method="post" className="stack">
          <FormErrors failure={failure} intents={["answerPoll"]} />
          <input type="hidden" name="intent" value="answerPoll" />
          <TableScroll label={t("meetings.poll.answerCaption")}>
            <table>
              <caption>{t("meetings.poll.answerCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("meetings.poll.slotColumn")}</th>
                  {pollAnswers.map((a) => (
                    <th scope="col" key={a}>
                      {t(`meetings.poll.answer.${a}` as MessageKey)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {poll.slots.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" id={`slot-${s.id}`}>
                      {when(s)}
                    </th>
                    {pollAnswers.map((a) => (
                      <td key={a}>
                        <input
                          type="radio"
                          name={`answer-${s.id}`}
                          value={a}
                          defaultChecked={poll.mine[s.id] === a}
                          aria-label={`${when(s)} : ${t(`meetings.poll.answer.${a}` as MessageKey)}`}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="actions">
            <button type="submit">{t("meetings.poll.answerSend")}</button>
          </div>
        </Form>
      ) : null}
      {poll ? (
        <TableScroll label={t("meetings.poll.tallyCaption")}>
          <table>
            <caption>{t("meetings.poll.tallyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meetings.poll.slotColumn")}</th>
                {pollAnswers.map((a) => (
                  <th scope="col" key={a}>
                    {t(`meetings.poll.answer.${a}` as MessageKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {poll.slots.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {when(s)}
                    {s.chosen ? <span className="badge"> {t("meetings.poll.chosen")}</span> : null}
                  </th>
                  {pollAnswers.map((a) => (
                    <td key={a}>{f.number(s.tally[a])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {poll && poll.status === "open" && pivot.canManage ? (
        <Form method="post" className="stack">
          <FormErrors failure={failure} intents={["pickSlot"]} />
          <input type="hidden" name="intent" value="pickSlot" />
          <input type="hidden" name="version" value={version} />
          <fieldset>
            <legend>{t("meetings.poll.pick")}</legend>
            {poll.slots.map((s) => (
              <div className="checkbox" key={s.id}>
                <input type="radio" id={`pick-${s.id}`} name="slotId" value={s.id} required />
                <label htmlFor={`pick-${s.id}`}>{when(s)}</label>
              </div>
            ))}
          </fieldset>
          <p className="hint">{t("meetings.poll.pickHint")}</p>
          <div className="actions">
            <button type="submit">{t("meetings.poll.pickSend")}</button>
          </div>
        </Form>
      ) : null}
      {pivot.mayOpenPoll ? <OpenPollForm version={version} failure={failure} /> : null}
    </section>
  );
}

/** The counts of the "review of the pivots' activities" agenda item (counts only; "—" where suppressed). */
export function ActivityReviewTable({
  review,
}: {
  review: {
    fromDay: string | null;
    toDay: string;
    protectedBelow: number | null;
    rows: ActivityReviewRow[];
  };
}) {
  const { t, locale } = useT();
  const f = useFormatters();
  const day = useDay();
  const figure = (n: number | null | undefined) => (n === null ? t("meetings.review.suppressed") : f.number(n ?? 0));
  const caption = review.fromDay
    ? t("meetings.review.caption", {
        since: day(review.fromDay),
        until: day(review.toDay),
      })
    : t("meetings.review.captionAll", { until: day(review.toDay) });
  return (
    <div className="activity-review">
      {review.rows.length ? (
        <TableScroll label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meetings.review.organization")}</th>
                {pivotActivityTypes.map((type) => (
                  <th scope="col" key={type}>
                    {t(`meetings.review.type.${type}` as MessageKey)}
                  </th>
                ))}
                <th scope="col">{t("meetings.review.total")}</th>
              </tr>
            </thead>
            <tbody>
              {review.rows.map((r) => (
                <tr key={r.organizationId}>
                  <th scope="row">{r.organizationAcronym || (locale === "en" ? r.organizationNameEn : r.organizationNameFr)}</th>
                  {pivotActivityTypes.map((type) => (
                    <td key={type}>{figure(r.counts[type])}</td>
                  ))}
                  <td>{figure(r.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{review.fromDay ? t("meetings.review.empty", { since: day(review.fromDay) }) : t("meetings.review.emptyAll")}</p>
      )}
      {review.protectedBelow !== null ? <p className="notice">{t("meetings.review.protected", { max: review.protectedBelow - 1 })}</p> : null}
    </div>
  );
}

/** The organizer's button adding (or refreshing) the review item on the agenda. */
export function ActivityReviewAction({ hasReview, version, failure }: { hasReview: boolean; version: number; failure: Failure | null }) {
  const { t } = useT();
  return (
    <Form method="post" className="actions">
      <FormErrors failure={failure} intents={["activityReview"]} />
      <input type="hidden" name="intent" value="activityReview" />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="secondary">
        {hasReview ? t("meetings.review.refresh") : t("meetings.review.add")}
      </button>
    </Form>
  );
}

/** "Fil de discussion de la rencontre": a link once the thread exists, else a button that opens it. */
export function MeetingThreadLink({ threadId, failure }: { threadId: string | null; failure: Failure | null }) {
  const { t } = useT();
  if (threadId)
    return (
      <li>
        <Link to={`/network/threads/${threadId}`}>{t("meetings.thread.link")}</Link>
      </li>
    );
  return (
    <li>
      <Form method="post" className="inline-form">
        <FormErrors failure={failure} intents={["thread"]} />
        <input type="hidden" name="intent" value="thread" />
        <button type="submit" className="link-button">
          {t("meetings.thread.link")}
        </button>
      </Form>
    </li>
  );
}
