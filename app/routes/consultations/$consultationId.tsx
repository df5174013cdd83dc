import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/$consultationId";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { expiredReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { viewerOf } from "../../modules/consultations/access.server.ts";
import { consultationsTitle } from "../../modules/consultations/ui/page-title.ts";
import { replySchema, threadIntentSchema, versionSchema } from "../../modules/consultations/consultation-schema.ts";
import { openConsultation } from "../../modules/consultations/open-consultation.server.ts";
import { closeConsultation, replyToConsultation, takeConsultation } from "../../modules/consultations/update-consultation.server.ts";
import { GuardFindings } from "../../components/guard-findings.tsx";
import { guardRefusalReply } from "../../modules/consultations/guard-refusal.server.ts";
import { StatusBadge, UrgencyBadge } from "../../components/consultations/badges.tsx";
import stylesheet from "../../components/consultations/consultations.css?url";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** Any member of the Table may ask for a thread; only its asker, addressed pivots and their coordinator get it. */
export const meta: Route.MetaFunction = ({ matches }) => consultationsTitle(matches, "consultations.thread.title");

export const policy = needs("partnership.view");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

const notices = { sent: "consultations.thread.created.notice", replied: "consultations.thread.sent", taken: "consultations.thread.taken", closed: "consultations.thread.closed" } as const;

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  const viewer = user && viewerOf(user);
  if (!user || !viewer) notFound();
  const thread = await openConsultation(args.context.db, actorOf(user, args.context), viewer, args.params.consultationId);
  if (!thread) notFound();
  const url = requestUrl(args.request);
  const done = url.searchParams.get("sent") ? "sent" : url.searchParams.get("done");
  return {
    thread,
    notice: done && done in notices ? notices[done as keyof typeof notices] : null,
    // Each message sent leads to its own address (?message=…): the reply box remounts empty.
    replied: url.searchParams.get("message") ?? "",
  };
}

export const shouldRevalidate = revalidateAfterConflict;

/**
 * Three forms: a reply (a create: its submission key makes a double click one message), and
 * taking charge or closing, from the version shown (a stale one answers 409).
 */
export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  const viewer = user && viewerOf(user);
  if (!user || !viewer) notFound();
  const id = args.params.consultationId;
  const actor = actorOf(user, args.context);
  const read = await readForm(args.request);
  if (!read.ok) return data({ errors: read.errors, findings: null, values: read.values, formError: "form.errors" }, { status: 400 });
  const values = read.values;
  const which = parseValues(read, threadIntentSchema);
  if (!which.ok) return data({ errors: null, findings: null, values, formError: "form.invalid" }, { status: 400 });
  const intent = which.data.intent;
  const back = (done: string) => redirect(`/consultations/${id}?done=${done}`);
  if (intent === "take" || intent === "close") {
    const version = parseValues(read, versionSchema);
    if (!version.ok) return data({ errors: null, findings: null, values, formError: "form.invalid" }, { status: 400 });
    const result =
      intent === "take"
        ? await takeConsultation(args.context.db, actor, viewer, { id, version: version.data.version })
        : await closeConsultation(args.context.db, actor, viewer, { id, version: version.data.version, publicUrl: args.context.config.publicUrl });
    return respond(result, () => back(intent === "take" ? "taken" : "closed"), { conflict: { findings: null, values: undefined } });
  }
  const parsed = parseValues(read, replySchema);
  if (!parsed.ok) return data({ errors: parsed.errors, findings: null, values, formError: null }, { status: 400 });
  const submission = submissionOf(values, "consultations.thread:reply", user.accountId);
  if (!submission) return expiredReply(values);
  const outcome = await createOnce<string, "consultations.thread.closedNotice" | "findings">(
    args.context.db,
    submission,
    (tx) => replyToConsultation(tx, actor, viewer, { id, ...parsed.data, publicUrl: args.context.config.publicUrl }),
    (messageId) => `/consultations/${encodeURIComponent(id)}?done=replied&message=${messageId}`,
  );
  const kept = { ...values, ...parsed.data };
  if (outcome.kind === "refused") return guardRefusalReply(outcome, kept);
  return respond(outcome, (location) => redirect(location), { body: { values: kept, findings: null } });
}

export default function ConsultationThread({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const f = useFormatters();
  const { thread } = loaderData;
  const orgName = (o: { nameFr: string; nameEn: string } | null) => (o ? (locale === "en" ? o.nameEn : o.nameFr) : "");
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const findings = actionData && "findings" in actionData ? actionData.findings : null;
  const closed = thread.status === "closed";
  return (
    <>
      <p>
        <Link to="/consultations">{t("consultations.thread.back")}</Link>
      </p>
      <h1>{thread.subject}</h1>
      {loaderData.notice ? <SavedNotice message={loaderData.notice} /> : null}
      <p className="actions">
        <StatusBadge status={thread.status} /> <UrgencyBadge urgency={thread.urgency} />
      </p>
      {thread.side === "asker" ? (
        <p>
          <Link to={`/privacy/consultations/${thread.id}/reads`}>{t("privacy.consultationReads.link")}</Link>
        </p>
      ) : null}
      <ul>
        <li>
          {thread.askerOrganization
            ? t("consultations.thread.askedByOrg", { name: thread.askerName, organization: orgName(thread.askerOrganization) })
            : t("consultations.thread.askedBy", { name: thread.askerName })}
        </li>
        <li>
          {thread.targetPersonName
            ? t("consultations.thread.toPivot", { name: thread.targetPersonName, organization: orgName(thread.targetOrganization) })
            : t("consultations.thread.toOrganization", { organization: orgName(thread.targetOrganization) })}
        </li>
        {thread.takenByName ? <li>{t("consultations.thread.takenBy", { name: thread.takenByName })}</li> : null}
        <li>{t("consultations.thread.created", { date: f.dateTime(thread.createdAt) })}</li>
        {thread.closedAt ? <li>{t("consultations.thread.closedOn", { date: f.dateTime(thread.closedAt) })}</li> : null}
      </ul>
      <h2>{t("consultations.thread.context")}</h2>
      <p className="consultation-text">{thread.context}</p>
      <h2>{t("consultations.thread.question")}</h2>
      <p className="consultation-text">{thread.question}</p>
      <h2>{t("consultations.thread.messages")}</h2>
      {thread.messages.length ? (
        <ol className="thread">
          {thread.messages.map((m) => (
            <li key={m.id} className={m.fromAsker ? "from-asker" : "from-pivot"}>
              <p className="meta">
                <strong>{m.authorName}</strong> ({m.fromAsker ? t("consultations.thread.fromAsker") : t("consultations.thread.fromPivot")}) —{" "}
                {f.dateTime(m.createdAt)}
              </p>
              <p className="consultation-text">{m.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("consultations.thread.noMessages")}</p>
      )}
      <ErrorSummary errors={findings ? null : actionData?.errors} formError={actionData?.formError} />
      {closed ? (
        <p className="alert">{t("consultations.thread.closedNotice")}</p>
      ) : (
        <>
          {thread.side === "responder" && thread.status === "new" ? (
            <Form method="post" key={`take-${thread.version}`}>
              <input type="hidden" name="intent" value="take" />
              <input type="hidden" name="version" value={thread.version} />
              <button type="submit">{t("consultations.thread.take")}</button>
            </Form>
          ) : null}
          <h2 id="reply-title">{t("consultations.thread.reply")}</h2>
          {findings ? (
            <GuardFindings findings={findings} values={values} labels={{ body: t("consultations.field.body") }} />
          ) : null}
          {/* A new key after each message sent: the box empties instead of keeping the text just sent. */}
          <Form method="post" className="stack" aria-labelledby="reply-title" key={loaderData.replied}>
            <input type="hidden" name="intent" value="reply" />
            <SubmissionKey />
            <Field name="body" label={t("consultations.field.body")} required multiline defaultValue={values.body} errors={actionData?.errors} />
            <p className="actions">
              <button type="submit">{t("consultations.thread.send")}</button>
            </p>
          </Form>
          <Form method="post" className="stack" key={`close-${thread.version}`}>
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="version" value={thread.version} />
            <p className="hint muted">{t("consultations.thread.closeHint")}</p>
            <p className="actions">
              <button type="submit" className="secondary">
                {t("consultations.thread.close")}
              </button>
            </p>
          </Form>
        </>
      )}
    </>
  );
}
