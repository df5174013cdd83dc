import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { SelectField } from "../../components/form.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { loadMeeting, previousOpenItems } from "../../modules/meetings/get-meeting.server.ts";
import { canManageMeeting } from "../../modules/meetings/meeting-access.server.ts";
import { listInvitable, organizationsOf } from "../../modules/meetings/meeting-people.server.ts";
import { formValuesOf, meetingGuard, saveOptions } from "../../modules/meetings/meeting-route.server.ts";
import { MEETING_ARRAYS, meetingSchema } from "../../modules/meetings/meeting-schema.ts";
import { useKindLabel } from "../../components/meetings/meeting-ui.tsx";
import { MeetingForm } from "../../components/meetings/meeting-form.tsx";
import type { MeetingFormValues } from "../../modules/meetings/meeting-form-values.ts";
import { createMeeting } from "../../modules/meetings/save-meeting.server.ts";
import { listTemplates, templateAgenda } from "../../modules/meetings/templates.server.ts";
import { FOLLOWUP_KIND, shortcutFor } from "../../modules/meetings/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { quebecDay } from "../../modules/time/days.ts";

export const policy = needs("meeting.create");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "meetings.new");

export async function loader(args: Route.LoaderArgs) {
  const { user, access } = await meetingGuard(args, policy);
  const db = args.context.db;
  const url = requestUrl(args.request);
  const options = await saveOptions(args, access.partnershipId, user.locale);
  const kinds = options.kinds.filter((k) => (k === FOLLOWUP_KIND ? access.manageFollowupOrgs.length > 0 : access.manageAll));
  const organizations = await organizationsOf(db, access.partnershipId, access.manageFollowupOrgs);
  let values: MeetingFormValues | null = null;
  const templateId = url.searchParams.get("template");
  let kind = url.searchParams.get("kind") ?? "";
  let organizationId = url.searchParams.get("organizationId") || null;
  if (templateId) {
    const template = isUuid(templateId) ? await loadMeeting(db, access, templateId.toLowerCase()) : null;
    if (!template || !canManageMeeting(access, template)) return { step: "kind" as const, kinds, organizations, customKinds: options.customKinds, templateMissing: true };
    const agenda = await templateAgenda(db, template);
    values = formValuesOf(template, agenda.items, agenda.invitees, true);
    kind = template.kind;
    organizationId = template.organizationId;
  }
  if (!kinds.includes(kind)) return { step: "kind" as const, kinds, organizations, customKinds: options.customKinds, templateMissing: false };
  if (kind === FOLLOWUP_KIND) {
    if (!organizationId || !access.manageFollowupOrgs.includes(organizationId)) organizationId = access.manageFollowupOrgs[0] ?? null;
  } else organizationId = null;
  const now = new Date();
  const [people, open, templates] = await Promise.all([
    listInvitable(db, access.partnershipId, organizationId),
    previousOpenItems(db, access, kind, organizationId, now, quebecDay(now)),
    listTemplates(db, access, kind, organizationId),
  ]);
  values ??= {
    title: "",
    kind,
    organizationId: organizationId ?? "",
    day: "",
    startTime: "09:00",
    endTime: "12:00",
    place: "",
    onlineUrl: "",
    objectives: "",
    items: [],
    invitees: [],
    templateId: "",
  };
  return {
    step: "form" as const,
    kinds,
    organizations,
    customKinds: options.customKinds,
    kind,
    organizationId,
    values,
    // The boxes show a name and an organization; the roles only served the shortcuts, on the server.
    people: people.map(({ id, name, organization }) => ({ id, name, organization })),
    shortcut: shortcutFor(kind),
    openItems: open.items.map((r) => ({ id: r.id, what: r.what, owner: r.owner, dueOn: r.dueOn })),
    previous: open.previous,
    templates,
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, access } = await meetingGuard(args, policy);
  const input = await parseForm(args.request, meetingSchema, { arrays: MEETING_ARRAYS });
  if (!input.ok) return input.reply;
  const submission = submissionOf(input.values, "meetings.new", user.accountId);
  if (!submission) return expiredReply(input.values);
  const options = await saveOptions(args, access.partnershipId, user.locale);
  const outcome = await createOnce(args.context.db, submission, (tx) => createMeeting(tx, actorOf(user, args.context), access, input.data, options), (id) => `/meetings/${id}?saved=created`);
  return respond(outcome, (location) => redirect(location), { summary: "first-error" });
}

export default function NewMeeting({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const f = useFormatters();
  const kindLabel = useKindLabel(loaderData.customKinds);
  const kindOptions = loaderData.kinds.map((k) => ({ value: k, label: kindLabel(k) }));
  const orgOptions = loaderData.organizations.map((o) => ({ value: o.id, label: locale === "en" ? o.nameEn : o.nameFr }));
  return (
    <>
      <p>
        <Link to="/meetings">{t("meetings.title")}</Link>
      </p>
      <h1>{t("meetings.new")}</h1>
      {loaderData.step === "kind" ? (
        <>
          {loaderData.templateMissing ? <p className="alert warning">{t("meetings.template.missing")}</p> : null}
          <Form method="get" className="stack">
            <SelectField name="kind" label={t("meetings.form.kind")} options={kindOptions} required />
            {orgOptions.length ? <SelectField name="organizationId" label={t("meetings.form.organization")} hint={t("meetings.form.organizationHint")} options={orgOptions} /> : null}
            <div className="actions">
              <button type="submit">{t("meetings.form.continue")}</button>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p>
            {t("meetings.form.kind")} : <strong>{kindLabel(loaderData.kind)}</strong>{" "}
            <Link to="/meetings/new">{t("meetings.form.changeKind")}</Link>
          </p>
          {loaderData.templates.length ? (
            <Form method="get" className="stack">
              <input type="hidden" name="kind" value={loaderData.kind} />
              <SelectField
                name="template"
                label={t("meetings.template.label")}
                hint={t("meetings.template.hint")}
                options={loaderData.templates.map((m) => ({ value: m.id, label: `${m.title} — ${f.date(m.startsAt)}` }))}
                defaultValue={loaderData.values.templateId}
              />
              <div className="actions">
                <button type="submit" className="secondary">
                  {t("meetings.template.use")}
                </button>
              </div>
            </Form>
          ) : null}
          <MeetingForm
            values={loaderData.values}
            people={loaderData.people}
            shortcut={loaderData.shortcut}
            openItems={loaderData.openItems}
            previousTitle={loaderData.previous?.title ?? null}
            errors={actionData?.errors}
            formError={actionData?.formError}
            submitLabel={t("meetings.form.create")}
          />
        </>
      )}
    </>
  );
}
