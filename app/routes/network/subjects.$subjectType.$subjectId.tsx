import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/subjects.$subjectType.$subjectId";
import stylesheet from "../../components/forum/forum.css?url";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { GuardFindings } from "../../components/guard-findings.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { flaggedReply } from "../../modules/forum/flagged-reply.server.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { subjectThreadSchema } from "../../modules/forum/forum-schema.ts";
import { openSubjectThread } from "../../modules/forum/open-subject-thread.server.ts";
import { resolveSubject, subjectThreads } from "../../modules/forum/subjects.server.ts";
import { isSubjectType } from "../../modules/forum/vocabulary.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/**
 * "Start a discussion" on a Filet object (issue 14 §1): an agenda item, an action-plan action, a
 * guide section, an evaluation recommendation. GET shows the object's name and an optional first
 * message (or goes to its thread when it has one); POST opens its one thread and goes there. An
 * unknown kind, an object of another Table, one the viewer does not read, or whose space they do
 * not read: 404.
 */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.subject.start");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  const { subjectType, subjectId } = args.params;
  if (!isSubjectType(subjectType) || !isUuid(subjectId)) notFound();
  const subjectUser = { ...user, partnershipId: viewer.partnershipId };
  const subject = await resolveSubject(args.context.db, subjectUser, subjectType, subjectId.toLowerCase());
  if (!subject) notFound();
  return { user, subjectUser, viewer, subject };
}

export async function loader(args: Route.LoaderArgs) {
  const { viewer, subject } = await scoped(args);
  const talk = await subjectThreads(args.context.db, viewer, subject.type, subject.space, [subject.id]);
  if (!talk) notFound();
  const thread = talk.threads[subject.id];
  if (thread) throw redirect(`/network/threads/${thread[0]}`);
  if (!talk.mayStart) notFound();
  return { subject: { type: subject.type, title: subject.title, path: subject.path } };
}

export async function action(args: Route.ActionArgs) {
  const { user, subjectUser, viewer, subject } = await scoped(args);
  const input = await parseForm(args.request, subjectThreadSchema);
  const outcome = input.ok
    ? await createOnce<string, "forum.refused.readOnly" | "forum.refused.everyone" | "findings">(
        args.context.db,
        // One form name per object: a key drawn on a page listing several objects opens only the one it was sent for.
        submissionOf(input.values, `network.subjects:${subject.type}:${subject.id}`, user.accountId),
        (tx) => openSubjectThread(tx, actorOf(user, args.context), { user: subjectUser, viewer, type: subject.type, id: subject.id, fields: input.data, publicUrl: args.context.config.publicUrl }),
        (threadId) => `/network/threads/${threadId}`,
      )
    : invalidFields(input.errors, "form.errors");
  if (outcome.kind === "refused" && outcome.reason === "findings") return flaggedReply("subject", outcome, input.values);
  return respond(outcome, (location) => redirect(location), { body: { intent: "subject", values: input.values, findings: null }, refused: { "forum.refused.everyone": 400, "forum.refused.readOnly": 404 } });
}

export default function StartSubjectThread({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { subject } = loaderData;
  const failed = actionData ?? null;
  const values = (failed?.values ?? {}) as Record<string, string>;
  const findings = failed && "findings" in failed ? failed.findings : null;
  const labels = { title: t("forum.thread.title"), body: t("forum.subject.firstMessage") };
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link>
      </p>
      <h1>{t("forum.subject.start")}</h1>
      <p>
        {t(`forum.subject.type.${subject.type}` as MessageKey)} — <Link to={subject.path}>{subject.title}</Link>
      </p>
      <ErrorSummary errors={findings ? null : failed?.errors} formError={failed?.formError} />
      {findings ? <GuardFindings findings={findings} values={values} labels={labels} /> : null}
      <p id="subject-hint">{t("forum.post.deidentify")}</p>
      <Form method="post" className="stack" aria-describedby="subject-hint">
        <SubmissionKey />
        <Field name="body" label={labels.body} hint={t("forum.subject.firstMessageHint")} multiline defaultValue={values.body} errors={failed?.errors} />
        <p className="actions">
          <button type="submit">{t("forum.subject.start")}</button>
        </p>
      </Form>
    </>
  );
}
