import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/funding.$grantId";
import { ErrorSummary, Field, type FieldErrors } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { ConfirmDelete, DeleteLink, useDay } from "../../components/action-plan/plan-ui.tsx";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { acceptAttribute, anyDocument } from "../../modules/files/file-types.ts";
import { useMoney } from "../../components/funding/funding-ui.tsx";
import { GrantForm } from "../../components/funding/grant-form.tsx";
import { findGrant, handleGrantAction, loadGrantPage, type Deleting } from "../../modules/funding/grant-page.server.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { intentOf } from "../../modules/forms/dispatch-intent.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond, valueOf } from "../../modules/outcome/respond.server.ts";

/** One grant: its terms, reporting dates, spending by action and (for the coordinator) its documents. */
export const policy = needs("funding.view");

export const meta: Route.MetaFunction = ({ matches, data }) => pageTitle(matches, "funding.grant", undefined, data?.grant.funder);

async function reader(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { user, partnershipId: user.partnershipId, roles: user.roles };
}

export async function loader(args: Route.LoaderArgs) {
  const access = await reader(args);
  return valueOf(await loadGrantPage(args.context.db, access, args.params.grantId, requestUrl(args.request).searchParams));
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const access = await reader(args);
  const { grant } = valueOf(await findGrant(args.context.db, access, args.params.grantId));
  await authorize(args, access.user, "funding.manage");
  // The body is capped at the upload limit (the documents form) before it is read.
  const read = await readForm(args.request, { files: ["document"] });
  const intent = intentOf(read.values);
  const result = read.ok
    ? await handleGrantAction({ db: args.context.db, actor: actorOf(access.user, args.context), partnershipId: access.partnershipId, grantId: grant.id, personId: access.user.personId, accountId: access.user.accountId, read })
    : invalidFields(read.errors, "form.errors");
  // The edit form shows the current grant after a conflict, not what was typed.
  return respond(result, () => redirect(`/funding/${grant.id}?saved=1`), { body: { intent, values: read.values }, conflict: intent === "grant" ? { values: undefined } : {} });
}

function RowButton({ intent, id, label }: { intent: string; id: string; label: string }) {
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

export default function GrantPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const money = useMoney();
  const { grant, reports, spending, documents, actions, canManage, editing, today, deleting } = loaderData;
  const errorsFor = (intent: string): FieldErrors | undefined => (actionData?.intent === intent ? actionData.errors : undefined);
  const here = `/funding/${grant.id}`;
  const deleteTo = (kind: Deleting["kind"], id: string) => `${here}?delete=${kind}:${id}#delete-heading`;
  const deletingName = (d: Deleting) =>
    d.kind === "report"
      ? `${t("funding.confirmDelete.report", { date: day(d.dueOn) })}${d.name ? ` (${d.name})` : ""}`
      : d.kind === "spending"
        ? `${d.name} — ${money(d.amount ?? 0)}`
        : d.name;
  return (
    <>
      <p>
        <Link to="/funding">{t("funding.title")}</Link>
      </p>
      <h1>
        {grant.funder}
        {grant.program ? <span className="muted"> — {grant.program}</span> : null}
      </h1>
      {loaderData.saved ? (
        <p className="alert success" role="status">
          {t("funding.saved")}
        </p>
      ) : null}
      {actionData?.formError && actionData.intent !== "grant" ? (
        <p className="alert error" role="alert">
          {t(actionData.formError as "form.invalid")}
        </p>
      ) : null}
      {deleting ? (
        <ConfirmDelete name={deletingName(deleting)} fields={{ intent: `${deleting.kind}-delete`, id: deleting.id }} cancelTo={here} />
      ) : null}
      {editing || actionData?.intent === "grant" ? (
        <section aria-labelledby="edit-grant">
          <h2 id="edit-grant">{t("funding.editGrant")}</h2>
          <GrantForm
            version={grant.version}
            errors={errorsFor("grant")}
            formError={actionData?.intent === "grant" ? actionData.formError : undefined}
            values={
              actionData?.intent === "grant" && actionData.values
                ? actionData.values
                : { funder: grant.funder, program: grant.program, amount: String(grant.amount), startsOn: grant.startsOn, endsOn: grant.endsOn, conditions: grant.conditions }
            }
          />
          <p>
            <Link to={here}>{t("actionPlan.cancel")}</Link>
          </p>
        </section>
      ) : (
        <>
          <dl className="summary">
            <dt>{t("funding.amount")}</dt>
            <dd>{money(grant.amount)}</dd>
            <dt>{t("funding.period")}</dt>
            <dd>
              {day(grant.startsOn)} – {day(grant.endsOn)} {grant.endsOn < today ? <span className="badge">{t("funding.ended")}</span> : null}
            </dd>
            <dt>{t("funding.spent")}</dt>
            <dd>{money(loaderData.spent)}</dd>
            <dt>{t("funding.remaining")}</dt>
            <dd>{money(loaderData.remaining)}</dd>
            <dt>{t("funding.conditions")}</dt>
            <dd className="pre-line">{grant.conditions || "—"}</dd>
          </dl>
          {canManage ? (
            <p>
              <Link to={`${here}?edit=1`}>{t("funding.editGrant")}</Link>
            </p>
          ) : null}
        </>
      )}

      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t("funding.reports")}</h2>
        {reports.length === 0 ? (
          <p>{t("funding.reportsEmpty")}</p>
        ) : (
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
                      <DeleteLink to={deleteTo("report", r.id)} name={t("funding.confirmDelete.report", { date: day(r.dueOn) })} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
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

      <section aria-labelledby="spending-heading">
        <h2 id="spending-heading">{t("funding.spending")}</h2>
        {spending.length === 0 ? (
          <p>{t("funding.spendingEmpty")}</p>
        ) : (
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

      {canManage ? (
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">{t("funding.documents")}</h2>
          <p className="muted">{t("funding.documentsPrivate")}</p>
          {documents.length === 0 ? (
            <p>{t("funding.documentsEmpty")}</p>
          ) : (
            <ul>
              {documents.map((d) => (
                <li key={d.id} className="actions">
                  <a href={`${here}/files/${d.id}`}>{d.fileName}</a>
                  <DeleteLink to={deleteTo("document", d.id)} name={d.fileName} />
                </li>
              ))}
            </ul>
          )}
          <Form method="post" encType="multipart/form-data" className="stack" aria-labelledby="add-document">
            <h3 id="add-document">{t("funding.addDocument")}</h3>
            <ErrorSummary errors={errorsFor("document")} />
            <input type="hidden" name="intent" value="document" />
            <SubmissionKey />
            <div className="field">
              <label htmlFor="grant-document">{t("funding.document")}</label>
              <input
                id="grant-document"
                name="document"
                type="file"
                required
                accept={acceptAttribute(anyDocument)}
                aria-invalid={errorsFor("document")?.document ? true : undefined}
                aria-describedby={errorsFor("document")?.document ? "grant-document-error" : undefined}
              />
              {errorsFor("document")?.document ? (
                <p className="error" id="grant-document-error">
                  {t(errorsFor("document")!.document![0] as "form.invalid")}
                </p>
              ) : null}
            </div>
            <p>
              <button type="submit">{t("funding.upload")}</button>
            </p>
          </Form>
        </section>
      ) : null}
    </>
  );
}
