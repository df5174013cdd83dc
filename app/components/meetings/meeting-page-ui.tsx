import { Form, Link, useLocation } from "react-router";
import type { ReactNode } from "react";
import { ErrorSummary, translateMessage } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import { RichText } from "../rich-text.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import type { OwnerChoices } from "../../modules/meetings/responsibilities/responsibility-form-data.server.ts";
import { ResponsibilityStatusBadge, type ResponsibilityListRow } from "../responsibilities/responsibility-ui.tsx";
import { ResponsibilityFields } from "../responsibilities/responsibility-form.tsx";
import { attendanceValues, rsvpAnswers } from "../../modules/meetings/vocabulary.ts";
import { ConfirmDelete } from "../forms/confirm-delete.tsx";
import { DocumentList, DocumentUpload } from "../documents.tsx";
import { TableScroll } from "../table-scroll.tsx";

interface Failure {
  intent: string;
  message: string;
  errors?: Record<string, string[] | undefined>;
  vars?: Record<string, string | number>;
}

export function RsvpSection({ current, failure }: { current: string; failure: Failure | null }) {
  const { t } = useT();
  return (
    <section aria-labelledby="rsvp">
      <h2 id="rsvp">{t("meetings.rsvp.title")}</h2>
      <p>{current === "none" ? t("meetings.rsvp.none") : t("meetings.rsvp.current", { answer: t(`meetings.rsvp.${current}` as MessageKey) })}</p>
      <Form method="post" className="stack">
        {failure?.intent === "rsvp" ? <ErrorSummary errors={failure.errors} formError={failure.message} /> : null}
        <input type="hidden" name="intent" value="rsvp" />
        <fieldset>
          <legend>{t("meetings.rsvp.question")}</legend>
          {rsvpAnswers.map((a) => (
            <div className="checkbox" key={a}>
              <input type="radio" id={`rsvp-${a}`} name="answer" value={a} defaultChecked={current === a} required />
              <label htmlFor={`rsvp-${a}`}>{t(`meetings.rsvp.${a}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        <div className="actions">
          <button type="submit">{t("meetings.rsvp.send")}</button>
        </div>
      </Form>
    </section>
  );
}

interface Item {
  id: string;
  title: string;
  presenter: string;
  durationMinutes: number;
  notes: string;
  minutes: string;
  followUp: boolean;
  decisions: { id: string; text: string }[];
  responsibilities: ResponsibilityListRow[];
  carried: ResponsibilityListRow[];
}

function RowList({ rows }: { rows: ResponsibilityListRow[] }) {
  const { t } = useT();
  return (
    <ul>
      {rows.map((r) => (
        <li key={r.id}>
          <Link to={`/responsibilities/${r.id}`}>{r.what}</Link> — {r.owner}, {t("responsibilities.due", { date: r.dueOn })} <ResponsibilityStatusBadge status={r.status} overdue={r.overdue} />
        </li>
      ))}
    </ul>
  );
}

type Choices = OwnerChoices;

/** One agenda item: notes, carried open items, minutes, decisions, responsibilities (with their forms while held). */
export function AgendaItemSection({
  item,
  index,
  meetingStatus,
  canManage,
  choices,
  minutesVersion,
  failure,
  children,
}: {
  /** Shown at the end of the item (its discussion link). */
  children?: ReactNode;
  item: Item;
  index: number;
  meetingStatus: string;
  canManage: boolean;
  choices: Choices | null;
  /** The version of the minutes the form shows: a save from a stale page answers 409. */
  minutesVersion: number;
  failure: Failure | null;
}) {
  const { t } = useT();
  const { pathname } = useLocation();
  const held = meetingStatus === "held" && canManage;
  // The section keeps the record's id as its anchor; the fields inside use the item's rank, which
  // is as unique on the page and keeps ids short (they repeat a couple of dozen times per item).
  const anchor = `item-${item.id}`;
  const prefix = `a${index + 1}`;
  const errorText = failure ? translateMessage(t, failure.message) : null;
  return (
    <section aria-labelledby={`${prefix}-title`} id={anchor} className="card agenda-item">
      <h3 id={`${prefix}-title`}>
        {index + 1}. {item.title}
      </h3>
      <p className="muted">
        {[item.presenter ? t("meetings.agenda.presenter", { name: item.presenter }) : null, item.durationMinutes ? t("meetings.agenda.duration", { n: item.durationMinutes }) : null].filter(Boolean).join(" · ")}
      </p>
      {item.notes ? <RichText source={item.notes} headingLevel={4} /> : null}
      {item.followUp ? (
        <>
          <h4>{t("meetings.agenda.carried")}</h4>
          {item.carried.length ? <RowList rows={item.carried} /> : <p>{t("responsibilities.empty")}</p>}
        </>
      ) : null}
      {errorText ? (
        <p className="alert error" role="alert">
          {errorText}
        </p>
      ) : null}
      <h4>{t("meetings.minutes.title")}</h4>
      {held ? (
        // Keyed by version: after a 409 the text area shows the current minutes.
        <Form method="post" className="stack" key={minutesVersion}>
          <input type="hidden" name="intent" value="minutes" />
          <input type="hidden" name="itemId" value={item.id} />
          <input type="hidden" name="version" value={minutesVersion} />
          <div className="field">
            <label htmlFor={`${prefix}-minutes`}>{t("meetings.minutes.label", { title: item.title })}</label>
            <p className="hint" id={`${prefix}-minutes-hint`}>
              {t("meetings.form.richHint")}
            </p>
            <textarea id={`${prefix}-minutes`} name="minutes" defaultValue={item.minutes} aria-describedby={`${prefix}-minutes-hint`} />
          </div>
          <div className="actions">
            <button type="submit">{t("meetings.minutes.save")}</button>
          </div>
        </Form>
      ) : item.minutes ? (
        <RichText source={item.minutes} headingLevel={5} />
      ) : (
        <p className="muted">{t("meetings.minutes.none")}</p>
      )}
      <h4>{t("meetings.decisions.item")}</h4>
      {item.decisions.length ? (
        <ul>
          {item.decisions.map((d) => (
            <li key={d.id}>{d.text}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("meetings.decisions.none")}</p>
      )}
      {held ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="decision" />
          <input type="hidden" name="itemId" value={item.id} />
          <SubmissionKey />
          <div className="field">
            <label htmlFor={`${prefix}-decision`}>{t("meetings.decision.label", { title: item.title })}</label>
            <input type="text" id={`${prefix}-decision`} name="text" required />
          </div>
          <div className="actions">
            <button type="submit" className="secondary">
              {t("meetings.decision.add")}
            </button>
          </div>
        </Form>
      ) : null}
      <h4>{t("meetings.responsibilities.item")}</h4>
      {item.responsibilities.length ? <RowList rows={item.responsibilities} /> : <p className="muted">{t("responsibilities.empty")}</p>}
      {canManage && (meetingStatus === "held" || meetingStatus === "planned") ? (
        // The form is drawn for the item asked for only (its owner list and the plan's objectives
        // would repeat on every item otherwise): a plain link opens it, with or without JavaScript.
        choices ? (
          <div className="stack" id={`${prefix}-assign`}>
            <h5>{t("meetings.responsibility.add", { title: item.title })}</h5>
            <Form method="post" className="stack">
              {failure?.intent === "responsibility" ? <ErrorSummary errors={failure.errors} /> : null}
              <input type="hidden" name="intent" value="responsibility" />
              <input type="hidden" name="agendaItemId" value={item.id} />
              <SubmissionKey />
              <ResponsibilityFields choices={choices} values={choices.values ?? undefined} errors={failure?.intent === "responsibility" ? failure.errors : null} idPrefix={`${prefix}-`} />
              <div className="actions">
                <button type="submit">{t("meetings.responsibility.save")}</button> <Link to={{ search: "", hash: `#${anchor}` }}>{t("form.cancel")}</Link>
              </div>
            </Form>
          </div>
        ) : (
          <p>
            <Link to={`${pathname}?intent=responsibility&agendaItemId=${item.id}#${prefix}-assign`}>
              {t("meetings.responsibility.add", { title: item.title })}
            </Link>
          </p>
        )
      ) : null}
      {children}
    </section>
  );
}

interface Invitation {
  personId: string;
  name: string;
  organization: string | null;
  rsvp: string | null;
  attendance: string | null;
}

export function AttendanceSection({
  status,
  canManage,
  invitations,
  guests,
  version,
}: {
  status: string;
  canManage: boolean;
  invitations: Invitation[];
  guests: { id: string; name: string }[];
  /** The version of the attendance and guests shown: a save from a stale page answers 409. */
  version: number;
}) {
  const { t } = useT();
  const editing = canManage && status === "held";
  const table = (
    <TableScroll label={t("meetings.attendance.caption", { count: invitations.length })}>
      <table>
        <caption>{t("meetings.attendance.caption", { count: invitations.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("meetings.attendance.person")}</th>
            <th scope="col">{t("meetings.rsvp.title")}</th>
            <th scope="col">{t("meetings.attendance.title")}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.personId}>
              <th scope="row">
                {i.name}
                {i.organization ? ` (${i.organization})` : ""}
              </th>
              <td>{t(`meetings.rsvp.${i.rsvp ?? "none"}` as MessageKey)}</td>
              <td>
                {editing ? (
                  <select name={`attendance-${i.personId}`} defaultValue={i.attendance ?? ""} aria-label={t("meetings.attendance.of", { name: i.name })}>
                    <option value="">—</option>
                    {attendanceValues.map((v) => (
                      <option key={v} value={v}>
                        {t(`meetings.attendance.${v}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                ) : i.attendance ? (
                  t(`meetings.attendance.${i.attendance}` as MessageKey)
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <section aria-labelledby="attendance">
      <h2 id="attendance">{t("meetings.attendance.heading")}</h2>
      {editing ? (
        // Keyed by version: after a 409 the choices show the current attendance.
        <Form method="post" className="stack wide" key={version}>
          <input type="hidden" name="intent" value="attendance" />
          <input type="hidden" name="version" value={version} />
          {table}
          <div className="field">
            <label htmlFor="guests">{t("meetings.attendance.guests")}</label>
            <p className="hint" id="guests-hint">
              {t("meetings.attendance.guestsHint")}
            </p>
            <textarea id="guests" name="guests" aria-describedby="guests-hint" defaultValue={guests.map((g) => g.name).join("\n")} />
          </div>
          <div className="actions">
            <button type="submit">{t("meetings.attendance.save")}</button>
          </div>
        </Form>
      ) : (
        <>
          {table}
          {guests.length ? <p>{t("meetings.attendance.guestsList", { names: guests.map((g) => g.name).join(", ") })}</p> : null}
        </>
      )}
    </section>
  );
}

export function DocumentsSection({ meetingId, files, canManage, failure }: { meetingId: string; files: { id: string; fileName: string; byteSize: number; createdAt: Date | string }[]; canManage: boolean; failure: Failure | null }) {
  const { t } = useT();
  const f = useFormatters();
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t("meetings.documents.title")}</h2>
      <DocumentList
        documents={files.map((file) => ({
          id: file.id,
          fileName: file.fileName,
          href: `/meetings/${meetingId}/files/${file.id}`,
          details: `${f.number(Math.ceil(file.byteSize / 1024))} ko, ${f.date(file.createdAt)}`,
        }))}
        empty={t("meetings.documents.none")}
        remove={canManage ? (d) => <ConfirmDelete name={d.fileName} summary={t("meetings.documents.delete", { name: d.fileName })} fields={{ intent: "deleteFile", fileId: d.id }} /> : undefined}
      />
      {canManage ? (
        <DocumentUpload
          intent="upload"
          inputId="document"
          label={t("meetings.documents.add")}
          hint={t("meetings.documents.hint")}
          submitLabel={t("meetings.documents.upload")}
          errors={failure?.errors}
          formError={failure?.message}
          secondary
        />
      ) : null}
    </section>
  );
}
