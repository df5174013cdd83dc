import { Form, useSearchParams } from "react-router";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { ErrorSummary } from "./form.tsx";
import { localName } from "../i18n/names.ts";
import { SubmissionKey } from "./submission-key.tsx";
import type { roleList } from "./admin-vocabulary.tsx";
import type { Option } from "./admin-person-form.tsx";
import { SavedNotice } from "./saved-notice.tsx";
import { TableScroll } from "./table-scroll.tsx";

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
  const [params] = useSearchParams();
  const notice = notices.find((n) => n === params.get("notice"));
  return notice ? <SavedNotice message={`admin.person.notice.${notice}`} /> : null;
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
        <TableScroll label={t("admin.roles.caption")}>
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
        </TableScroll>
      )}
      {grantable.length ? (
        <Form method="post" className="stack" aria-labelledby="grant-heading">
          <h3 id="grant-heading">{t("admin.roles.grantTitle")}</h3>
          <input type="hidden" name="intent" value="grant" />
          <SubmissionKey />
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
