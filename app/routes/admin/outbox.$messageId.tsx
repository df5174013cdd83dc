import { Form, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/outbox.$messageId";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { ErrorSummary } from "../../components/form.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { getOutboxMessage } from "../../modules/email/list-outbox.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { expiredReply, invalidReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { resendableKind, resendIdentityLink } from "../../modules/identity/resend-link.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

export const policy = needs("outbox.read");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.outbox.messageTitle");

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  if (!isUuid(args.params.messageId)) notFound();
  // Masked: a reset, invitation or confirmation link is for its recipient only.
  const message = await getOutboxMessage(args.context.db, args.params.messageId);
  if (!message) notFound();
  return { message, resendKind: message.hiddenLinks ? await resendableKind(args.context.db, message.id) : null };
}

const schema = z.object({ intent: z.literal("resend") });

/**
 * "Resend": the recipient gets a fresh message with a new link (the old one stops working);
 * the administrator never sees the link. A create: the same submission twice sends one message.
 */
export async function action(args: Route.ActionArgs) {
  const user = (await guard(args, policy))!;
  if (!isUuid(args.params.messageId)) notFound();
  const messageId = args.params.messageId.toLowerCase();
  const input = await parseForm(args.request, schema);
  if (!input.ok) return input.reply;
  const submission = submissionOf(input.values, "admin.outbox.resend", user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const result = await resendIdentityLink(tx, actorOf(user, args.context), { messageId, publicUrl: args.context.config.publicUrl });
    return result.ok ? created(`/admin/outbox/${result.messageId}?resent=1`) : refused(result.error);
  });
  if (outcome.created) {
    args.context.notifyJobs();
    return redirect(outcome.location);
  }
  if (outcome.refused === "not_found") notFound();
  return invalidReply({}, input.values, "admin.outbox.resendImpossible");
}

export default function OutboxMessage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const [search] = useSearchParams();
  const { message, resendKind } = loaderData;
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/outbox", label: t("admin.outbox.title") }]} />
      <h1>{message.subject}</h1>
      {search.get("resent") && !actionData ? <SavedNotice message="admin.outbox.resent" /> : null}
      <ErrorSummary formError={actionData?.formError} />
      <dl>
        <dt>{t("admin.outbox.to")}</dt>
        <dd>{message.toAddress}</dd>
        <dt>{t("admin.outbox.status")}</dt>
        <dd>
          <span className="badge">{t(`admin.outbox.status.${message.status}`)}</span>
          {message.error ? <span className="error-text"> {message.error}</span> : null}
        </dd>
        <dt>{t("admin.outbox.created")}</dt>
        <dd>{dateTime(message.createdAt)}</dd>
        {message.sentAt ? (
          <>
            <dt>{t("admin.outbox.sent")}</dt>
            <dd>{dateTime(message.sentAt)}</dd>
          </>
        ) : null}
      </dl>
      {message.hiddenLinks > 0 ? (
        <div className="alert" role="note">
          <p>{t("admin.outbox.linksHidden")}</p>
          {resendKind ? (
            <Form method="post">
              <SubmissionKey />
              <input type="hidden" name="intent" value="resend" />
              <button type="submit">{t(`admin.outbox.resend.${resendKind}`)}</button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <h2>{t("admin.outbox.body")}</h2>
      <pre>{message.textBody}</pre>
      {message.attachments.length > 0 ? (
        <>
          <h2>{t("admin.outbox.attachments")}</h2>
          {message.attachments.map((attachment) => (
            <details key={attachment.fileName}>
              <summary>
                {attachment.fileName} <span className="muted">({attachment.contentType})</span>
              </summary>
              <pre>{attachment.content}</pre>
            </details>
          ))}
        </>
      ) : null}
    </>
  );
}
