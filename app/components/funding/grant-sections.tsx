import { Form } from "react-router";
import { ErrorSummary, Field, type FieldErrors } from "../form.tsx";
import { SubmissionKey } from "../submission-key.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { DeleteLink } from "../action-plan/plan-ui.tsx";
import { useMoney } from "./funding-ui.tsx";
import { DocumentList, DocumentUpload } from "../documents.tsx";
import { TableScroll } from "../table-scroll.tsx";

/** The grant page's sections (reporting dates, spending, documents); the page passes its data and the errors of each form. */
type DeleteKind = "report" | "spending" | "document";
interface SectionProps {
  canManage: boolean;
  today: string;
  errorsFor: (intent: string) => FieldErrors | undefined;
  deleteTo: (kind: DeleteKind, id: string) => string;
}

export function RowButton({ intent, id, label }: { intent: string; id: string; label: string }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="link-button">
        {label}
      </button>
    </Form>
  );
}

export function ReportsSection({
  reports,
  canManage,
  today,
  errorsFor,
  deleteTo,
}: SectionProps & {
  reports: {
    id: string;
    dueOn: string;
    label: string;
    submittedOn: string | null;
  }[];
}) {
  const { t } = useT();
  const day = useDay();
  return (
    <section aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t("funding.reports")}</h2>
      {reports.length === 0 ? (
        <p>{t("funding.reportsEmpty")}</p>
      ) : (
        <TableScroll label={t("funding.reports")}>
          <table>
            <caption className="visually-hidden">{t("funding.reports")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("funding.dueOn")}</th>
                <th scope="col">{t("funding.reportLabel")}</th>
                <th scope="col">{t("funding.reportStatus")}</th>
                {canManage ? <th scope="col">{t("actionPlan.manage")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{day(r.dueOn)}</th>
                  <td>{r.label || "—"}</td>
                  <td>{r.submittedOn ? t("funding.submittedOn", { date: day(r.submittedOn) }) : r.dueOn < today ? t("funding.late") : t("funding.toSubmit")}</td>
                  {canManage ? (
                    <td className="actions">
                      {r.submittedOn ? (
                        <RowButton intent="report-reopen" id={r.id} label={t("funding.reopen")} />
                      ) : (
                        <RowButton intent="report-submitted" id={r.id} label={t("funding.markSubmitted")} />
                      )}
                      <DeleteLink
                        to={deleteTo("report", r.id)}
                        name={t("funding.confirmDelete.report", {
                          date: day(r.dueOn),
                        })}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canManage ? (
        <Form method="post" className="stack" aria-labelledby="add-report">
          <h3 id="add-report">{t("funding.addReport")}</h3>
          <ErrorSummary errors={errorsFor("report")} />
          <input type="hidden" name="intent" value="report" />
          <SubmissionKey />
          <Field idPrefix="report" name="dueOn" type="date" label={t("funding.dueOn")} required errors={errorsFor("report")} />
          <Field idPrefix="report" name="label" label={t("funding.reportLabel")} errors={errorsFor("report")} />
          <p>
            <button type="submit">{t("funding.addReport")}</button>
          </p>
        </Form>
      ) : null}
    </section>
  );
}

export function SpendingSection({
  spending,
  actions,
  canManage,
  errorsFor,
  deleteTo,
}: Omit<SectionProps, "today"> & {
  spending: {
    id: string;
    spentOn: string;
    label: string;
    amount: number;
    actionTitle: string | null;
    actionYear: number | null;
  }[];
  actions: { id: string; label: string }[];
}) {
  const { t } = useT();
  const day = useDay();
  const money = useMoney();
  return (
    <section aria-labelledby="spending-heading">
      <h2 id="spending-heading">{t("funding.spending")}</h2>
      {spending.length === 0 ? (
        <p>{t("funding.spendingEmpty")}</p>
      ) : (
        <TableScroll label={t("funding.spending")}>
          <table>
            <caption className="visually-hidden">{t("funding.spending")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("funding.spentOn")}</th>
                <th scope="col">{t("funding.spendingLabel")}</th>
                <th scope="col">{t("funding.action")}</th>
                <th scope="col">{t("funding.amount")}</th>
                {canManage ? <th scope="col">{t("actionPlan.manage")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {spending.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{day(s.spentOn)}</th>
                  <td>{s.label}</td>
                  <td>{s.actionTitle ? `${s.actionYear} — ${s.actionTitle}` : "—"}</td>
                  <td className="num">{money(s.amount)}</td>
                  {canManage ? (
                    <td>
                      <DeleteLink to={deleteTo("spending", s.id)} name={s.label} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canManage ? (
        <Form method="post" className="stack" aria-labelledby="add-spending">
          <h3 id="add-spending">{t("funding.addSpending")}</h3>
          <ErrorSummary errors={errorsFor("spending")} />
          <input type="hidden" name="intent" value="spending" />
          <SubmissionKey />
          <Field idPrefix="spending" name="label" label={t("funding.spendingLabel")} required errors={errorsFor("spending")} />
          <Field idPrefix="spending" name="amount" label={t("funding.amountField")} required inputMode="numeric" errors={errorsFor("spending")} />
          <Field idPrefix="spending" name="spentOn" type="date" label={t("funding.spentOn")} required errors={errorsFor("spending")} />
          <div className="field">
            <label htmlFor="spending-actionId">
              {t("funding.action")} <span className="muted">({t("form.optional")})</span>
            </label>
            <select id="spending-actionId" name="actionId" defaultValue="">
              <option value="">—</option>
              {actions.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          <p>
            <button type="submit">{t("funding.addSpending")}</button>
          </p>
        </Form>
      ) : null}
    </section>
  );
}

export function DocumentsSection({
  here,
  documents,
  errorsFor,
  deleteTo,
}: Pick<SectionProps, "errorsFor" | "deleteTo"> & {
  here: string;
  documents: { id: string; fileName: string }[];
}) {
  const { t } = useT();
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("funding.documents")}</h2>
      <p className="muted">{t("funding.documentsPrivate")}</p>
      <DocumentList
        documents={documents.map((d) => ({ id: d.id, fileName: d.fileName, href: `${here}/files/${d.id}` }))}
        empty={t("funding.documentsEmpty")}
        remove={(d) => <DeleteLink to={deleteTo("document", d.id)} name={d.fileName} />}
      />
      <DocumentUpload
        intent="document"
        inputId="grant-document"
        heading={{ id: "add-document", text: t("funding.addDocument") }}
        label={t("funding.document")}
        submitLabel={t("funding.upload")}
        errors={errorsFor("document")}
      />
    </section>
  );
}
