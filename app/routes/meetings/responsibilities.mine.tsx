import type { Route } from "./+types/responsibilities.mine";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { meetingGuard } from "../../modules/meetings/meeting-route.server.ts";
import { listResponsibilities } from "../../modules/meetings/responsibilities/list-responsibilities.server.ts";
import { ResponsibilityTable } from "../../components/responsibilities/responsibility-ui.tsx";
import { quebecDay } from "../../modules/time/days.ts";

// Any member may be named owner: the list holds only what they see (owners without meeting.view: what they own).
export const policy = needs("responsibility.own");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "responsibilities.mine.title");

export async function loader(args: Route.LoaderArgs) {
  const { access } = await meetingGuard(args, policy);
  const today = quebecDay(new Date());
  const [open, finished] = await Promise.all([
    listResponsibilities(args.context.db, access, { today, mine: true, filter: "open" }),
    listResponsibilities(args.context.db, access, { today, mine: true, filter: "done" }),
  ]);
  return { open, finished, viewMeetings: access.viewMeetings };
}

export default function MyResponsibilities({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <h1>{t("responsibilities.mine.title")}</h1>
      <p>{t("responsibilities.mine.intro")}</p>
      <h2>{t("responsibilities.mine.open", { count: loaderData.open.length })}</h2>
      <ResponsibilityTable rows={loaderData.open} caption={t("responsibilities.mine.open", { count: loaderData.open.length })} linkMeetings={loaderData.viewMeetings} />
      <h2>{t("responsibilities.mine.done", { count: loaderData.finished.length })}</h2>
      <ResponsibilityTable rows={loaderData.finished} caption={t("responsibilities.mine.done", { count: loaderData.finished.length })} linkMeetings={loaderData.viewMeetings} />
    </>
  );
}
