import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/meetings.$meetingId.edit";
import { pageTitle } from "../i18n/page-title.ts";
import { useT } from "../i18n/use-t.ts";
import { actorOf, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, versionField, type FieldErrorMap } from "../modules/governance/form-fields.ts";
import { canManageMeeting } from "../modules/meetings/meeting-access.server.ts";
import { listInvitable } from "../modules/meetings/meeting-people.server.ts";
import { formValuesOf, saveOptions, scopedMeeting } from "../modules/meetings/meeting-route.server.ts";
import { MEETING_ARRAYS, meetingSchema } from "../modules/meetings/meeting-schema.ts";
import { MeetingForm } from "../modules/meetings/meeting-ui.tsx";
import { updateMeeting } from "../modules/meetings/save-meeting.server.ts";
import { templateAgenda } from "../modules/meetings/templates.server.ts";
import { shortcutFor } from "../modules/meetings/vocabulary.ts";

export const policy = needs("meeting.create");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "meetings.edit", undefined, d?.title);

async function managed(args: Route.LoaderArgs | Route.ActionArgs) {
  const scoped = await scopedMeeting(args, policy);
  // Seeing a meeting is not managing it: the others get the same 404 as a missing one.
  if (!canManageMeeting(scoped.access, scoped.meeting) || scoped.meeting.status === "closed" || scoped.meeting.status === "cancelled") notFound();
  return scoped;
}

export async function loader(args: Route.LoaderArgs) {
  const { access, meeting } = await managed(args);
  const [agenda, people] = await Promise.all([templateAgenda(args.context.db, meeting), listInvitable(args.context.db, access.partnershipId, meeting.organizationId)]);
  return { id: meeting.id, title: meeting.title, version: meeting.version, values: formValuesOf(meeting, agenda.items, agenda.invitees, false), people, shortcut: shortcutFor(meeting.kind) };
}

export async function action(args: Route.ActionArgs) {
  const { user, access, meeting } = await managed(args);
  const values = formValues(await args.request.formData(), MEETING_ARRAYS);
  const version = versionField.safeParse(values.version);
  // Kind and organization never change after creation.
  const parsed = meetingSchema.safeParse({ ...values, kind: meeting.kind, organizationId: meeting.organizationId ?? "" });
  if (!parsed.success || !version.success) return data({ errors: parsed.success ? ({} as FieldErrorMap) : fieldErrors(parsed.error), formError: "form.errors" }, { status: 400 });
  const options = await saveOptions(args, access.partnershipId, user.locale);
  const result = await updateMeeting(args.context.db, actorOf(user, args.context), access, meeting.id, version.data, parsed.data, options);
  if (result.status === "not_found") notFound();
  if (result.status === "conflict") return data({ errors: {} as FieldErrorMap, formError: "form.conflict" }, { status: 409 });
  if (result.status === "invalid") return data({ errors: { [result.field]: [result.message] } as FieldErrorMap, formError: result.message }, { status: 400 });
  return redirect(`/meetings/${meeting.id}?saved=updated`);
}

export default function EditMeeting({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to={`/meetings/${loaderData.id}`}>{loaderData.title}</Link>
      </p>
      <h1>{t("meetings.edit")}</h1>
      <p>{t("meetings.edit.hint")}</p>
      <MeetingForm
        values={loaderData.values}
        people={loaderData.people}
        shortcut={loaderData.shortcut}
        errors={actionData?.errors}
        formError={actionData?.formError}
        version={loaderData.version}
        submitLabel={t("meetings.form.save")}
      />
    </>
  );
}
