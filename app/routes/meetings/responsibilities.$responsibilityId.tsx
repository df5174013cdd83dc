import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/responsibilities.$responsibilityId";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseValues, readForm, type FormRead } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { meetingGuard } from "../../modules/meetings/meeting-route.server.ts";
import { getResponsibility } from "../../modules/meetings/responsibilities/list-responsibilities.server.ts";
import { responsibilityFormData } from "../../modules/meetings/responsibilities/responsibility-form-data.server.ts";
import { commentSchema, responsibilitySchema, statusSchema, versionSchema } from "../../modules/meetings/responsibilities/responsibility-schema.ts";
import { ResponsibilityStatusBadge } from "../../components/responsibilities/responsibility-ui.tsx";
import { ResponsibilityForm } from "../../components/responsibilities/responsibility-form.tsx";
import { addResponsibilityComment, loadResponsibilityRow, setResponsibilityStatus, updateResponsibility } from "../../modules/meetings/responsibilities/save-responsibility.server.ts";
import { responsibilityStatuses } from "../../modules/meetings/responsibilities/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";

// The owner opens it whatever their role (a worker may be named owner); the record is then checked.
export const policy = needs("responsibility.own");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "responsibilities.title", undefined, d?.item.what);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, access } = await meetingGuard(args, policy);
  const id = args.params.responsibilityId;
  if (!isUuid(id)) notFound();
  // Not visible (another Table, another organization's) reads exactly like missing.
  const item = await getResponsibility(args.context.db, access, id.toLowerCase(), quebecDay(new Date()));
  if (!item) notFound();
  return { user, access, item };
}

export async function loader(args: Route.LoaderArgs) {
  const { access, item } = await scoped(args);
  const params = requestUrl(args.request).searchParams;
  let choices = null;
  if (item.canEdit) {
    const row = await loadResponsibilityRow(args.context.db, access.partnershipId, item.id);
    choices = await responsibilityFormData(args.context.db, access.partnershipId, row!.scopeOrganizationId, { params, currentPersonId: item.ownerPersonId });
  }
  return { item, choices, saved: params.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

type Ctx = { db: Route.LoaderArgs["context"]["db"]; actor: AuditActor; access: Awaited<ReturnType<typeof scoped>>["access"]; accountId: string; id: string; read: Extract<FormRead, { ok: true }> };

/** The page's three forms; each answers where to go next, or why not. */
const intents = {
  status: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, statusSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return map(await setResponsibilityStatus(c.db, c.actor, c.access, c.id, parsed.data), () => `/responsibilities/${c.id}?saved=status`);
  },
  // A comment is a create: a double click posts it once.
  comment: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, commentSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const submission = submissionOf(c.read.values, "responsibilities.$responsibilityId:comment", c.accountId);
    return createOnce(c.db, submission, (tx) => addResponsibilityComment(tx, c.actor, c.access, c.id, parsed.data.body), (commentId) => `/responsibilities/${c.id}?saved=comment#comment-${commentId}`);
  },
  edit: async (c: Ctx): Promise<Outcome<string>> => {
    const version = parseValues(c.read, versionSchema);
    const parsed = parseValues({ ...c.read, values: { ...c.read.values, meetingId: "", agendaItemId: "" } }, responsibilitySchema);
    if (!parsed.ok || !version.ok) return invalidFields(parsed.ok ? {} : parsed.errors, "form.errors");
    return map(await updateResponsibility(c.db, c.actor, c.access, c.id, version.data.version, parsed.data), () => `/responsibilities/${c.id}?saved=edit`);
  },
};

export async function action(args: Route.ActionArgs) {
  const { user, access, item } = await scoped(args);
  const read = await readForm(args.request);
  const intent = read.ok || typeof read.values.intent === "string" ? String(read.values.intent ?? "") : "";
  const result = read.ok
    ? await dispatchIntent(intent, intents, { db: args.context.db, actor: actorOf(user, args.context), access, accountId: user.accountId, id: item.id, read }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent }, summary: "first-error" });
}

export default function ResponsibilityPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const f = useFormatters();
  const day = useDay();
  const { item, choices, saved } = loaderData;
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : null);
  return (
    <>
      <h1>{item.what}</h1>
      {saved ? <SavedNotice message={`responsibilities.saved.${saved}` as MessageKey} /> : null}
      <dl className="summary">
        <dt>{t("responsibilities.owner")}</dt>
        <dd>{item.owner}</dd>
        <dt>{t("responsibilities.dueOn")}</dt>
        <dd>{day(item.dueOn)}</dd>
        <dt>{t("responsibilities.statusLabel")}</dt>
        <dd>
          <ResponsibilityStatusBadge status={item.status} overdue={item.overdue} />
          {item.status === "dropped" ? ` — ${item.droppedReason}` : null}
        </dd>
        <dt>{t("responsibilities.meeting")}</dt>
        <dd>
          {/* A link only to a meeting the reader opens: an owner not invited to it sees its title. */}
          {item.meetingId ? item.meetingVisible ? <Link to={`/meetings/${item.meetingId}`}>{item.meetingTitle}</Link> : item.meetingTitle : t("responsibilities.standalone")}
        </dd>
        {item.objectiveTitle ? (
          <>
            <dt>{t("responsibilities.objective")}</dt>
            <dd>{item.objectiveTitle}</dd>
          </>
        ) : null}
      </dl>
      {item.canUpdate ? (
        <section aria-labelledby="status-title">
          <h2 id="status-title">{t("responsibilities.update.title")}</h2>
          {/* Keyed by version: after a 409 the fields show the current status. */}
          <Form method="post" className="stack" key={item.version}>
            <ErrorSummary errors={failed("status")?.errors} formError={failed("status")?.formError} />
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="version" value={item.version} />
            <SelectField
              name="status"
              label={t("responsibilities.statusLabel")}
              required
              defaultValue={item.status}
              options={responsibilityStatuses.map((s) => ({ value: s, label: t(`responsibilities.status.${s}` as MessageKey) }))}
            />
            <Field name="droppedReason" label={t("responsibilities.droppedReason")} hint={t("responsibilities.droppedReason.hint")} multiline defaultValue={item.droppedReason} errors={failed("status")?.errors} />
            <div className="actions">
              <button type="submit">{t("responsibilities.update.save")}</button>
            </div>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t("responsibilities.comments", { count: item.comments.length })}</h2>
        {item.comments.length ? (
          <ol className="comments">
            {item.comments.map((c) => (
              <li key={c.id} id={`comment-${c.id}`}>
                <p className="muted">
                  {c.author} — {f.dateTime(c.createdAt)}
                </p>
                <p>{c.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("responsibilities.comments.none")}</p>
        )}
        {item.canUpdate ? (
          // Keyed by the count: the text area empties once the comment is posted.
          <Form method="post" className="stack" key={item.comments.length}>
            <ErrorSummary errors={failed("comment")?.errors} formError={failed("comment")?.formError} />
            <input type="hidden" name="intent" value="comment" />
            <SubmissionKey />
            <Field name="body" label={t("responsibilities.comment.label")} multiline required errors={failed("comment")?.errors} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t("responsibilities.comment.add")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
      {item.canEdit && choices ? (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">{t("responsibilities.edit")}</h2>
          <ResponsibilityForm
            choices={choices}
            // After the owner picker's search (without JavaScript), the values typed before it.
            values={choices.values ?? { what: item.what, owner: item.ownerPersonId ? `person:${item.ownerPersonId}` : `organization:${item.ownerOrganizationId}`, dueOn: item.dueOn, objectiveId: item.objectiveId ?? "" }}
            errors={failed("edit")?.errors}
            formError={failed("edit")?.formError}
            version={item.version}
            submitLabel={t("responsibilities.edit.save")}
          />
        </section>
      ) : null}
    </>
  );
}
