import { Form, Link } from "react-router";
import type { Route } from "./+types/responsibilities";
import { SelectField } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { canCreateMeetings } from "../../modules/meetings/meeting-access.server.ts";
import { listMeetings } from "../../modules/meetings/get-meeting.server.ts";
import { meetingGuard } from "../../modules/meetings/meeting-route.server.ts";
import { listResponsibilities, ownerOptions } from "../../modules/meetings/responsibilities/list-responsibilities.server.ts";
import { ResponsibilityTable } from "../../components/responsibilities/responsibility-ui.tsx";
import { responsibilityFilters, type ResponsibilityFilter } from "../../modules/meetings/responsibilities/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { quebecDay } from "../../modules/time/days.ts";

export const policy = needs("meeting.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "responsibilities.title");

export async function loader(args: Route.LoaderArgs) {
  const { access } = await meetingGuard(args, policy);
  const url = requestUrl(args.request);
  const raw = url.searchParams.get("filter") ?? "open";
  const filter: ResponsibilityFilter = (responsibilityFilters as readonly string[]).includes(raw) ? (raw as ResponsibilityFilter) : "open";
  const owner = url.searchParams.get("owner") ?? "";
  const meetingId = url.searchParams.get("meeting") ?? "";
  const now = new Date();
  const today = quebecDay(now);
  const [all, rows, past] = await Promise.all([
    listResponsibilities(args.context.db, access, { today }),
    listResponsibilities(args.context.db, access, { today, filter, owner, meetingId: isUuid(meetingId) ? meetingId.toLowerCase() : null }),
    listMeetings(args.context.db, access, "past", now),
  ]);
  return {
    filter,
    owner,
    meetingId,
    rows,
    owners: ownerOptions(all),
    meetings: past.slice(0, 30).map((m) => ({ value: m.id, label: `${m.title}` })),
    canCreate: canCreateMeetings(access),
  };
}

export default function Responsibilities({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { filter, rows } = loaderData;
  const heading = filter === "overdue" ? t("responsibilities.overdue.title") : t("responsibilities.title");
  return (
    <>
      <h1>{heading}</h1>
      <p>{filter === "overdue" ? t("responsibilities.overdue.intro") : t("responsibilities.intro")}</p>
      <p className="actions">
        <Link to="/responsibilities?filter=overdue">{t("responsibilities.overdue.title")}</Link>
        {loaderData.canCreate ? (
          <Link className="button" to="/responsibilities/new">
            {t("responsibilities.new")}
          </Link>
        ) : null}
      </p>
      <Form method="get" className="stack filters" aria-label={t("responsibilities.filters")}>
        <SelectField
          name="filter"
          label={t("responsibilities.statusLabel")}
          required
          options={responsibilityFilters.map((f) => ({ value: f, label: t(`responsibilities.filter.${f}` as MessageKey) }))}
          defaultValue={filter}
        />
        <SelectField name="owner" label={t("responsibilities.owner")} options={loaderData.owners} defaultValue={loaderData.owner} />
        <SelectField name="meeting" label={t("responsibilities.meeting")} options={loaderData.meetings} defaultValue={loaderData.meetingId} />
        <div className="actions">
          <button type="submit">{t("responsibilities.filter.apply")}</button>
        </div>
      </Form>
      <ResponsibilityTable rows={rows} caption={t("responsibilities.caption", { count: rows.length })} />
    </>
  );
}
