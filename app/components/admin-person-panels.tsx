import { Form, Link, useSearchParams } from "react-router";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { ErrorSummary } from "./form.tsx";
import { StatusBadge, localName } from "./admin-common.tsx";
import type { AccountStatus, roleList } from "./admin-vocabulary.tsx";
import type { Option } from "./admin-person-form.tsx";

interface Assignment {
  id: string;
  role: (typeof roleList)[number];
  organizationNameFr: string | null;
  organizationNameEn: string | null;
  grantedAt: Date | string;
  grantedByEmail: string | null;
  revokedAt: Date | string | null;
  revokedByEmail: string | null;
}

const notices = ["saved", "granted", "revoked", "invited", "deactivated", "reactivated"] as const;

/** The confirmation after a redirect from one of the page's forms (post/redirect/get). */
export function PersonNotice() {
  const { t } = useT();
  const [params] = useSearchParams();
  const notice = notices.find((n) => n === params.get("notice"));
  if (!notice) return null;
  return (
    <p className="alert success" role="status">
      {t(`admin.person.notice.${notice}`)}
    </p>
  );
}

/** Current and past roles (history is kept), with grant and revoke forms. */
export function RolesPanel({
  roles,
  grantable,
  revocable,
  organizations,
  formError,
}: {
  roles: Assignment[];
  grantable: Assignment["role"][];
  revocable: string[];
  organizations: Option[];
  formError?: string | null;
}) {
  const { t, locale } = useT();
  const { dateTime } = useFormatters();
  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t("admin.roles.title")}</h2>
      <ErrorSummary formError={formError} />
      {roles.length === 0 ? (
        <p>{t("admin.roles.none")}</p>
      ) : (
        <table>
          <caption>{t("admin.roles.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.roles.role")}</th>
              <th scope="col">{t("admin.roles.scope")}</th>
              <th scope="col">{t("admin.roles.granted")}</th>
              <th scope="col">{t("admin.roles.status")}</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr key={r.id}>
                <th scope="row">{t(`role.${r.role}`)}</th>
                <td>
                  {r.role === "platform_admin"
                    ? t("admin.roles.scopeInstallation")
                    : r.organizationNameFr
                      ? localName(locale, { nameFr: r.organizationNameFr, nameEn: r.organizationNameEn })
                      : t("admin.roles.scopeTable")}
                </td>
                <td>
                  {dateTime(r.grantedAt)}
                  {r.grantedByEmail ? <div className="muted">{t("admin.roles.by", { email: r.grantedByEmail })}</div> : null}
                </td>
                <td>
                  {r.revokedAt ? (
                    <>
                      {t("admin.roles.revokedOn", { date: dateTime(r.revokedAt) })}
                      {r.revokedByEmail ? <div className="muted">{t("admin.roles.by", { email: r.revokedByEmail })}</div> : null}
                    </>
                  ) : revocable.includes(r.id) ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="assignmentId" value={r.id} />
                      <span className="badge">{t("admin.roles.active")}</span>{" "}
                      <button type="submit" className="secondary" aria-label={t("admin.roles.revokeLabel", { role: t(`role.${r.role}`) })}>
                        {t("admin.roles.revoke")}
                      </button>
                    </Form>
                  ) : (
                    <span className="badge">{t("admin.roles.active")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {grantable.length ? (
        <Form method="post" className="stack" aria-labelledby="grant-heading">
          <h3 id="grant-heading">{t("admin.roles.grantTitle")}</h3>
          <input type="hidden" name="intent" value="grant" />
          <div className="field">
            <label htmlFor="grant-role">{t("admin.roles.role")}</label>
            <select id="grant-role" name="role" required defaultValue="">
              <option value="" disabled>
                {t("admin.roles.chooseRole")}
              </option>
              {grantable.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="grant-organization">
              {t("admin.roles.organization")} <span className="muted">({t("form.optional")})</span>
            </label>
            <p className="hint" id="grant-organization-hint">
              {t("admin.roles.organizationHint")}
            </p>
            <select id="grant-organization" name="organizationId" defaultValue="" aria-describedby="grant-organization-hint">
              <option value="">{t("admin.roles.personOrganization")}</option>
              {organizations.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button type="submit">{t("admin.roles.grant")}</button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

export function AccountPanel({
  account,
  hasEmail,
  canManage,
  formError,
}: {
  account: { status: AccountStatus; email: string; lastLoginAt: Date | string | null; mfaEnabledAt: Date | string | null } | null;
  hasEmail: boolean;
  canManage: boolean;
  formError?: string | null;
}) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const status = account?.status ?? null;
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">{t("admin.account.title")}</h2>
      <ErrorSummary formError={formError} />
      <dl>
        <dt>{t("admin.account.status")}</dt>
        <dd>
          <StatusBadge status={status} /> <span className="muted">{t(`admin.accountStatus.${status ?? "none"}.help`)}</span>
        </dd>
        {account ? (
          <>
            <dt>{t("admin.account.email")}</dt>
            <dd>{account.email}</dd>
            <dt>{t("admin.account.lastLogin")}</dt>
            <dd>{account.lastLoginAt ? dateTime(account.lastLoginAt) : t("admin.account.never")}</dd>
            <dt>{t("admin.account.mfa")}</dt>
            <dd>{account.mfaEnabledAt ? t("common.yes") : t("common.no")}</dd>
          </>
        ) : null}
      </dl>
      {!canManage ? null : status === null || status === "invited" ? (
        hasEmail ? (
          <Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <button type="submit">{status === "invited" ? t("admin.account.reinvite") : t("admin.account.invite")}</button>
          </Form>
        ) : (
          <p className="alert warning">{t("admin.account.emailMissing")}</p>
        )
      ) : status === "pending_approval" ? (
        <p>
          <Link to="/admin/approvals">{t("admin.approvals.title")}</Link>
        </p>
      ) : null}
      {canManage && (status === "active" || status === "invited" || status === "pending_approval" || status === "pending_email") ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="deactivate" />
          <div className="checkbox">
            <input type="checkbox" id="confirm-deactivate" name="confirm" value="yes" required />
            <label htmlFor="confirm-deactivate">{t("admin.account.confirmDeactivate")}</label>
          </div>
          <div className="actions">
            <button type="submit" className="danger">
              {t("admin.account.deactivate")}
            </button>
          </div>
        </Form>
      ) : null}
      {canManage && status === "deactivated" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="reactivate" />
          <button type="submit">{t("admin.account.reactivate")}</button>
        </Form>
      ) : null}
    </section>
  );
}
