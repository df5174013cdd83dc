import { Form, Link } from "react-router";
import type { Route } from "./+types/decisions";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { listDecisions } from "../../modules/meetings/get-meeting.server.ts";
import { meetingGuard } from "../../modules/meetings/meeting-route.server.ts";

import { requestUrl } from "../../modules/forms/request-url.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

export const policy = needs("meeting.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "meetings.decisions.title");

export async function loader(args: Route.LoaderArgs) {
  const { access } = await meetingGuard(args, policy);
  const q = (requestUrl(args.request).searchParams.get("q") ?? "").slice(0, 100);
  return { q, decisions: await listDecisions(args.context.db, access, q) };
}

export default function Decisions({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const f = useFormatters();
  const { q, decisions } = loaderData;
  return (
    <>
      <h1>{t("meetings.decisions.title")}</h1>
      <p>{t("meetings.decisions.intro")}</p>
      <Form method="get" role="search" className="stack">
        <div className="field">
          <label htmlFor="q">{t("meetings.decisions.search")}</label>
          <input type="search" id="q" name="q" defaultValue={q} />
        </div>
        <div className="actions">
          <button type="submit">{t("meetings.decisions.searchButton")}</button>
        </div>
      </Form>
      {decisions.length === 0 ? (
        <p>{t("meetings.decisions.none")}</p>
      ) : (
        <TableScroll label={t("meetings.decisions.caption", { count: decisions.length })}>
          <table>
            <caption>{t("meetings.decisions.caption", { count: decisions.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meetings.decisions.decision")}</th>
                <th scope="col">{t("meetings.decisions.meeting")}</th>
                <th scope="col">{t("meetings.list.when")}</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.text}
                    {d.item ? <span className="muted"> — {d.item}</span> : null}
                  </th>
                  <td>
                    <Link to={`/meetings/${d.meetingId}#decisions`}>{d.meetingTitle}</Link>
                  </td>
                  <td>{f.date(d.startsAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
