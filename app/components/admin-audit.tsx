import { Form } from "react-router";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { localName } from "../i18n/names.ts";
import { roles, type Role } from "../modules/identity/roles.ts";

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
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string;
  ip: string;
  requestId: string;
  details: Record<string, unknown>;
}

function utc(value: Date | string): string {
  return `${new Date(value).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function AuditTable({ events }: { events: AuditEventView[] }) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  return (
    <div style={{ overflowX: "auto" }}>
      <table>
        <caption>{t("admin.audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("admin.audit.time")}</th>
            <th scope="col">{t("admin.audit.actor")}</th>
            <th scope="col">{t("admin.audit.action")}</th>
            <th scope="col">{t("admin.audit.target")}</th>
            <th scope="col">{t("admin.audit.origin")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <time dateTime={new Date(e.occurredAt).toISOString()}>{utc(e.occurredAt)}</time>
                <div className="muted">{dateTime(e.occurredAt)}</div>
                <div className="muted">#{e.id}</div>
              </th>
              <td>
                {e.actorEmail ?? (e.actorAccountId ? e.actorAccountId : t("admin.audit.noActor"))}
                <div className="muted">{roleLabels(e.actorRole, t)}</div>
              </td>
              <td>
                <code>{e.action}</code>
                {Object.keys(e.details).length ? (
                  <details>
                    <summary>{t("admin.audit.details")}</summary>
                    <pre>{JSON.stringify(e.details, null, 2)}</pre>
                  </details>
                ) : null}
              </td>
              <td>
                {e.targetType ? <code>{e.targetType}</code> : "—"}
                {e.targetId ? <div className="muted">{e.targetId}</div> : null}
              </td>
              <td>
                {e.ip || "—"}
                <div className="muted">{t("admin.audit.requestId", { id: e.requestId || "—" })}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
      {input("action", t("admin.audit.action"), "text", t("admin.audit.actionHint"))}
      {input("actor", t("admin.audit.actorEmail"))}
      {input("targetType", t("admin.audit.targetType"), "text", t("admin.audit.targetTypeHint"))}
      {input("from", t("admin.audit.from"), "date")}
      {input("to", t("admin.audit.to"), "date")}
      <div className="actions">
        <button type="submit">{t("common.filter")}</button>
      </div>
    </Form>
  );
}
