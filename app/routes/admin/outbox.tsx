import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/outbox";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { Pager, withParams } from "../../components/pagination.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { listOutbox } from "../../modules/email/list-outbox.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** Every email the installation produced; without SMTP this is where they stay. */
export const policy = needs("outbox.read");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.outbox.title");

function parseCursor(value: string | null) {
  const match = value?.match(/^(\d+)~([0-9a-f-]{36})$/i);
  return match ? { createdAt: new Date(Number(match[1])), id: match[2]!.toLowerCase() } : null;
}

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  const before = parseCursor(requestUrl(args.request).searchParams.get("before"));
  const { messages, next } = await listOutbox(args.context.db, { before });
  return {
    messages,
    next: next ? `${next.createdAt.getTime()}~${next.id}` : null,
    smtpConfigured: !!args.context.config.SMTP_URL,
  };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const [search] = useSearchParams();
  const { messages, next, smtpConfigured } = loaderData;
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("admin.outbox.title")}</h1>
      <p className={smtpConfigured ? "alert" : "alert warning"}>
        {smtpConfigured ? t("admin.outbox.smtpOn") : t("admin.outbox.smtpOff")}
      </p>
      {messages.length === 0 ? (
        <p>{t("admin.outbox.empty")}</p>
      ) : (
        <TableScroll label={t("admin.outbox.caption")}>
          <table>
            <caption>{t("admin.outbox.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.outbox.subject")}</th>
                <th scope="col">{t("admin.outbox.to")}</th>
                <th scope="col">{t("admin.outbox.status")}</th>
                <th scope="col">{t("admin.outbox.created")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/admin/outbox/${m.id}`}>{m.subject}</Link>
                    {m.hasSecretLink ? (
                      <>
                        {" "}
                        <span className="badge">{t("admin.outbox.hiddenLink")}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{m.toAddress}</td>
                  <td>
                    <span className="badge">{t(`admin.outbox.status.${m.status}`)}</span>
                  </td>
                  <td>{dateTime(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager previous={search.get("before") ? "?" : null} next={next ? withParams(search, { before: next }) : null} />
    </>
  );
}
