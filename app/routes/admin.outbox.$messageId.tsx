import type { Route } from "./+types/admin.outbox.$messageId";
import { AdminBreadcrumb, adminTitle } from "../components/admin-common.tsx";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { getOutboxMessage } from "../modules/email/list-outbox.server.ts";
import { isUuid } from "../modules/forms/fields.ts";

export const policy = needs("outbox.read");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.outbox.messageTitle");

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  if (!isUuid(args.params.messageId)) notFound();
  const message = await getOutboxMessage(args.context.db, args.params.messageId);
  if (!message) notFound();
  return { message };
}

export default function OutboxMessage({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { message } = loaderData;
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/outbox", label: t("admin.outbox.title") }]} />
      <h1>{message.subject}</h1>
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
