import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/$meetingId.edit";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requiredId, versionField, type FieldErrorMap } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { canManageMeeting } from "../../modules/meetings/meeting-access.server.ts";
import { listInvitable } from "../../modules/meetings/meeting-people.server.ts";
import { formValuesOf, saveOptions, scopedMeeting } from "../../modules/meetings/meeting-route.server.ts";
import { MEETING_ARRAYS, meetingSchema } from "../../modules/meetings/meeting-schema.ts";
import { MeetingForm } from "../../components/meetings/meeting-form.tsx";
import { moveAgendaItem, moveDirections } from "../../modules/meetings/move-agenda-item.server.ts";
import { updateMeeting } from "../../modules/meetings/save-meeting.server.ts";
import { templateAgenda } from "../../modules/meetings/templates.server.ts";
import { shortcutFor } from "../../modules/meetings/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

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
  return {
    id: meeting.id,
    title: meeting.title,
    version: meeting.version,
    values: formValuesOf(meeting, agenda.items, agenda.invitees, false),
    // The boxes show a name and an organization; the roles only served the shortcuts, on the server.
    people: people.map(({ id, name, organization }) => ({ id, name, organization })),
    shortcut: shortcutFor(meeting.kind),
    // The move up / move down list (its own small forms, outside the meeting form).
    order: agenda.items.map((i) => ({ id: i.id, title: i.title })),
    moved: requestUrl(args.request).searchParams.has("moved"),
  };
}

const moveSchema = z.object({ moveItemId: requiredId, direction: z.enum(moveDirections, { message: "form.invalid" }), version: versionField });
const versionSchema = z.object({ version: versionField });

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, access, meeting } = await managed(args);
  const read = await readForm(args.request, { arrays: MEETING_ARRAYS });
  if (!read.ok) return data({ errors: read.errors, formError: "form.errors" }, { status: 400 });
  if (read.values.intent === "move") {
    // Move up / move down: a plain POST of its own, works without JavaScript; it carries the
    // meeting's version, so a second click from the same page does not move the item twice.
    const parsed = parseValues(read, moveSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, formError: "form.invalid" }, { status: 400 });
    const { moveItemId: itemId, direction, version } = parsed.data;
    const moved = await moveAgendaItem(args.context.db, actorOf(user, args.context), access, { meetingId: meeting.id, itemId, direction, version });
    return respond(moved, () => redirect(`/meetings/${meeting.id}/edit?moved=1#order-${itemId}`));
  }
  if (read.values.intent !== undefined && read.values.intent !== "") return data({ errors: {} as FieldErrorMap, formError: "form.invalid" }, { status: 400 });
  const version = parseValues(read, versionSchema);
  // Kind and organization never change after creation.
  const parsed = parseValues({ ...read, values: { ...read.values, kind: meeting.kind, organizationId: meeting.organizationId ?? "" } }, meetingSchema);
  if (!parsed.ok || !version.ok) return data({ errors: parsed.ok ? ({} as FieldErrorMap) : parsed.errors, formError: "form.errors" }, { status: 400 });
  const options = await saveOptions(args, access.partnershipId, user.locale);
  const result = await updateMeeting(args.context.db, actorOf(user, args.context), access, meeting.id, version.data.version, parsed.data, options);
  return respond(result, () => redirect(`/meetings/${meeting.id}?saved=updated`), { summary: "first-error" });
}

export default function EditMeeting({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to={`/meetings/${loaderData.id}`}>{loaderData.title}</Link>
      </p>
      <h1>{t("meetings.edit")}</h1>
      {loaderData.moved ? <SavedNotice message="meetings.order.moved" /> : null}
      <p>{t("meetings.edit.hint")}</p>
      {loaderData.order.length > 1 ? (
        <section aria-labelledby="order-title">
          <h2 id="order-title">{t("meetings.order.title")}</h2>
          <p className="hint">{t("meetings.order.hint")}</p>
          <ol className="agenda-order">
            {loaderData.order.map((item, index) => (
              <li key={item.id} id={`order-${item.id}`}>
                <div className="agenda-order-row">
                  <span>{item.title}</span>
                  <span className="agenda-order-moves">
                    {index > 0 ? <MoveButton itemId={item.id} direction="up" version={loaderData.version} label={t("meetings.order.up")} name={t("meetings.order.upNamed", { title: item.title })} /> : null}
                    {index < loaderData.order.length - 1 ? (
                      <MoveButton itemId={item.id} direction="down" version={loaderData.version} label={t("meetings.order.down")} name={t("meetings.order.downNamed", { title: item.title })} />
                    ) : null}
                  </span>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
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

function MoveButton({ itemId, direction, version, label, name }: { itemId: string; direction: "up" | "down"; version: number; label: string; name: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="moveItemId" value={itemId} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className="secondary" aria-label={name}>
        {label}
      </button>
    </Form>
  );
}
