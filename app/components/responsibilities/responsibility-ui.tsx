import { Link } from "react-router";
import { Field, SelectField } from "../form.tsx";
import { TableScroll } from "../table-scroll.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
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
  const day = useDay();
  if (rows.length === 0) return <p>{t("responsibilities.empty")}</p>;
  return (
    <TableScroll label={caption}>
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
              <td>{day(r.dueOn)}</td>
              <td>
                <ResponsibilityStatusBadge status={r.status} overdue={r.overdue} />
              </td>
              {showMeeting ? <td>{r.meetingId ? linkMeetings && r.meetingVisible !== false ? <Link to={`/meetings/${r.meetingId}`}>{r.meetingTitle}</Link> : r.meetingTitle : "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export { Field, SelectField };
