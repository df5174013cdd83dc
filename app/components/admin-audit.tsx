import { Form } from "react-router";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { localName } from "../i18n/names.ts";
import { roles, type Role } from "../modules/identity/roles.ts";
import { auditKinds } from "../modules/audit/action-kinds.ts";
import { TableScroll } from "./table-scroll.tsx";

/** The audit stores role codes ("pivot,worker"); people read their names. */
function roleLabels(codes: string, t: ReturnType<typeof useT>["t"]): string {
  return codes
    .split(",")
    .filter(Boolean)
    .map((code) => (roles.includes(code as Role) ? t(`role.${code as Role}`) : code))
    .join(", ");
}

export interface AuditEventView {
  id: number;
  occurredAt: Date | string;
  actorEmail: string | null;
  actorAccountId: string | null;
  actorName: string | null;
  actorOrganization: string | null;
  actorRole: string;
  action: string;
  actionWords: string;
  targetType: string;
  subject: string | null;
  detailsWords: string[];
}

export function AuditTable({ events }: { events: AuditEventView[] }) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  return (
    <TableScroll label={t("admin.audit.caption")}>
      <table>
        <caption>{t("admin.audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.when")}</th>
            <th scope="col">{t("admin.audit.who")}</th>
            <th scope="col">{t("admin.audit.what")}</th>
            <th scope="col">{t("admin.audit.subject")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <time dateTime={new Date(e.occurredAt).toISOString()}>{dateTime(e.occurredAt)}</time>
                <div className="muted">#{e.id}</div>
              </th>
              <td>
                {e.actorName ?? e.actorEmail ?? (e.actorAccountId ? e.actorAccountId : t("admin.audit.system"))}
                {e.actorOrganization ? <div>{e.actorOrganization}</div> : null}
                {e.actorName && e.actorEmail ? <div className="muted">{e.actorEmail}</div> : null}
                <div className="muted">{roleLabels(e.actorRole, t)}</div>
              </td>
              <td>
                {e.actionWords}
                <div className="muted">
                  <code>{e.action}</code>
                </div>
                {e.detailsWords.length ? (
                  <ul className="muted">
                    {e.detailsWords.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td>{e.subject ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function AuditFilters({
  filters,
  tables,
}: {
  filters: Record<string, string | number | undefined>;
  tables: { id: string; nameFr: string; nameEn: string }[] | null;
}) {
  const { t, locale } = useT();
  const input = (name: string, label: string, type = "text", hint?: string) => (
    <div className="field">
      <label htmlFor={`audit-${name}`}>{label}</label>
      {hint ? (
        <p className="hint" id={`audit-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={`audit-${name}`}
        name={name}
        type={type}
        defaultValue={filters[name] === undefined ? "" : String(filters[name])}
        aria-describedby={hint ? `audit-${name}-hint` : undefined}
      />
    </div>
  );
  return (
    <Form method="get" className="stack" role="search" aria-label={t("admin.audit.filters")}>
      {tables ? (
        <div className="field">
          <label htmlFor="audit-table">{t("admin.audit.table")}</label>
          <select id="audit-table" name="table" defaultValue={filters.table === undefined ? "" : String(filters.table)}>
            <option value="">{t("admin.audit.allTables")}</option>
            {tables.map((p) => (
              <option key={p.id} value={p.id}>
                {localName(locale, p)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="audit-kind">{t("admin.audit.kind")}</label>
        <select id="audit-kind" name="kind" defaultValue={filters.kind === undefined ? "" : String(filters.kind)}>
          <option value="">{t("admin.audit.kind.all")}</option>
          {auditKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`admin.audit.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {input("actor", t("admin.audit.actorEmail"))}
      {input("from", t("admin.audit.from"), "date")}
      {input("to", t("admin.audit.to"), "date")}
      <div className="actions">
        <button type="submit">{t("common.filter")}</button>
      </div>
    </Form>
  );
}
