import { Link } from "react-router";
import type { Route } from "./+types/_index";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { canCreateMeetings } from "../../modules/meetings/meeting-access.server.ts";
import { listMeetings } from "../../modules/meetings/get-meeting.server.ts";
import { meetingGuard, saveOptions } from "../../modules/meetings/meeting-route.server.ts";
import { StatusBadge, useKindLabel } from "../../components/meetings/meeting-ui.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";


export const policy = needs("meeting.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "meetings.title");

export async function loader(args: Route.LoaderArgs) {
  const { user, access } = await meetingGuard(args, policy);
  const now = new Date();
  const [upcoming, past, options] = await Promise.all([
    listMeetings(args.context.db, access, "upcoming", now),
    listMeetings(args.context.db, access, "past", now),
    saveOptions(args, access.partnershipId, user.locale),
  ]);
  return { upcoming, past, customKinds: options.customKinds, canCreate: canCreateMeetings(access) };
}

type Row = Route.ComponentProps["loaderData"]["upcoming"][number];

function MeetingTable({ rows, caption, kindLabel }: { rows: Row[]; caption: string; kindLabel: (k: string) => string }) {
  const { t } = useT();
  const f = useFormatters();
  if (rows.length === 0) return <p>{t("meetings.list.empty")}</p>;
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("meetings.list.title")}</th>
            <th scope="col">{t("meetings.list.kind")}</th>
            <th scope="col">{t("meetings.list.when")}</th>
            <th scope="col">{t("meetings.list.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/meetings/${m.id}`}>{m.title}</Link>
              </th>
              <td>
                {kindLabel(m.kind)}
                {m.organization ? ` — ${m.organization}` : ""}
              </td>
              <td>{f.dateTime(m.startsAt)}</td>
              <td>
                <StatusBadge status={m.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function Meetings({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const kindLabel = useKindLabel(loaderData.customKinds);
  return (
    <>
      <h1>{t("meetings.title")}</h1>
      <p>{t("meetings.intro")}</p>
      {loaderData.canCreate ? (
        <p>
          <Link className="button" to="/meetings/new">
            {t("meetings.new")}
          </Link>
        </p>
      ) : null}
      <h2>{t("meetings.upcoming")}</h2>
      <MeetingTable rows={loaderData.upcoming} caption={t("meetings.upcoming")} kindLabel={kindLabel} />
      <h2>{t("meetings.past")}</h2>
      <MeetingTable rows={loaderData.past} caption={t("meetings.past")} kindLabel={kindLabel} />
    </>
  );
}
