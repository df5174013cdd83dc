import { Form, Link } from "react-router";
import { SubmissionKey } from "./submission-key.tsx";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { ErrorSummary } from "./form.tsx";
import { StatusBadge } from "./admin-common.tsx";
import type { AccountStatus } from "./admin-vocabulary.tsx";

/**
 * The person's account: its status explained, and the actions the reader may take on it
 * (invite, send again, deactivate with a confirmation box, reactivate).
 */
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
            <SubmissionKey />
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
