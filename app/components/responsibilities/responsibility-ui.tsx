import { Form, Link } from "react-router";
import { ErrorSummary, Field, SelectField, translateMessage, type FieldErrors } from "../form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { ResponsibilityStatus } from "../../modules/meetings/responsibilities/vocabulary.ts";

/**
 * Sub-navigation shared by the meetings and responsibilities pages. `viewMeetings` false (an owner
 * without access to the meetings): only "my responsibilities", no link that would answer 404.
 */
export function MeetingsNav({ viewMeetings = true }: { viewMeetings?: boolean }) {
  const { t } = useT();
  return (
    <nav aria-label={t("meetings.nav")}>
      <ul className="subnav">
        {viewMeetings ? (
          <>
            <li>
              <Link to="/meetings">{t("meetings.title")}</Link>
            </li>
            <li>
              <Link to="/meetings/decisions">{t("meetings.decisions.title")}</Link>
            </li>
          </>
        ) : null}
        <li>
          <Link to="/responsibilities/mine">{t("responsibilities.mine.title")}</Link>
        </li>
        {viewMeetings ? (
          <li>
            <Link to="/responsibilities">{t("responsibilities.title")}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function ResponsibilityStatusBadge({ status, overdue }: { status: ResponsibilityStatus; overdue?: boolean }) {
  const { t } = useT();
  return (
    <>
      <span className="badge">{t(`responsibilities.status.${status}` as MessageKey)}</span>
      {overdue ? <span className="badge overdue"> {t("responsibilities.overdue")}</span> : null}
    </>
  );
}

export interface ResponsibilityListRow {
  id: string;
  what: string;
  status: ResponsibilityStatus;
  dueOn: string;
  overdue: boolean;
  owner: string;
  meetingId: string | null;
  meetingTitle: string | null;
  /** Whether the reader opens that meeting (false: its title without a link, never a 404). */
  meetingVisible?: boolean;
}

export function ResponsibilityTable({
  rows,
  caption,
  showMeeting = true,
  linkMeetings = true,
}: {
  rows: ResponsibilityListRow[];
  caption: string;
  showMeeting?: boolean;
  /** False for someone who does not open meetings: the meeting's title without a link. */
  linkMeetings?: boolean;
}) {
  const { t } = useT();
  if (rows.length === 0) return <p>{t("responsibilities.empty")}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("responsibilities.what")}</th>
            <th scope="col">{t("responsibilities.owner")}</th>
            <th scope="col">{t("responsibilities.dueOn")}</th>
            <th scope="col">{t("responsibilities.statusLabel")}</th>
            {showMeeting ? <th scope="col">{t("responsibilities.meeting")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/responsibilities/${r.id}`}>{r.what}</Link>
              </th>
              <td>{r.owner}</td>
              <td>{r.dueOn}</td>
              <td>
                <ResponsibilityStatusBadge status={r.status} overdue={r.overdue} />
              </td>
              {showMeeting ? <td>{r.meetingId ? linkMeetings && r.meetingVisible !== false ? <Link to={`/meetings/${r.meetingId}`}>{r.meetingTitle}</Link> : r.meetingTitle : "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Choices {
  people: { value: string; label: string }[];
  organizations: { value: string; label: string }[];
  objectives: { value: string; label: string }[];
}

/** What, owner (a person or an organization), due date, objective. Used alone and on a meeting's agenda item. */
export function ResponsibilityFields({ choices, values, errors, idPrefix = "" }: { choices: Choices; values?: Record<string, string>; errors?: FieldErrors | null; idPrefix?: string }) {
  const { t } = useT();
  const ownerId = `${idPrefix}field-owner`;
  const ownerErrors = (errors?.owner ?? []).map((e) => translateMessage(t, e)).join(" ");
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}field-what`}>{t("responsibilities.what")}</label>
        <input type="text" id={`${idPrefix}field-what`} name="what" required defaultValue={values?.what ?? ""} aria-invalid={errors?.what?.length ? true : undefined} />
        {errors?.what?.length ? <p className="error">{errors.what.map((e) => translateMessage(t, e)).join(" ")}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={ownerId}>{t("responsibilities.owner")}</label>
        <select id={ownerId} name="owner" required defaultValue={values?.owner ?? ""} aria-invalid={ownerErrors ? true : undefined}>
          <option value="">—</option>
          <optgroup label={t("responsibilities.owner.people")}>
            {choices.people.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("responsibilities.owner.organizations")}>
            {choices.organizations.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </select>
        {ownerErrors ? <p className="error">{ownerErrors}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}field-dueOn`}>{t("responsibilities.dueOn")}</label>
        <input type="date" id={`${idPrefix}field-dueOn`} name="dueOn" required defaultValue={values?.dueOn ?? ""} aria-invalid={errors?.dueOn?.length ? true : undefined} />
        {errors?.dueOn?.length ? <p className="error">{errors.dueOn.map((e) => translateMessage(t, e)).join(" ")}</p> : null}
      </div>
      {choices.objectives.length ? (
        <div className="field">
          <label htmlFor={`${idPrefix}field-objectiveId`}>
            {t("responsibilities.objective")} <span className="muted">({t("form.optional")})</span>
          </label>
          <select id={`${idPrefix}field-objectiveId`} name="objectiveId" defaultValue={values?.objectiveId ?? ""}>
            <option value="">—</option>
            {choices.objectives.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

export function ResponsibilityForm({
  choices,
  values,
  errors,
  formError,
  version,
  create,
  submitLabel,
}: {
  choices: Choices;
  values?: Record<string, string>;
  errors?: FieldErrors | null;
  formError?: string | null;
  /** Edit: the version shown (a stale save answers 409); the form is keyed by it. */
  version?: number;
  /** A create form: carries the submission key. */
  create?: boolean;
  submitLabel: string;
}) {
  return (
    <Form method="post" className="stack" key={version ?? "new"}>
      <ErrorSummary errors={errors} formError={formError} />
      {create ? <SubmissionKey /> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      {version ? <input type="hidden" name="intent" value="edit" /> : null}
      <ResponsibilityFields choices={choices} values={values} errors={errors} />
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}

export { Field, SelectField };
