import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/funding.$grantId";
import { ErrorSummary, Field, type FieldErrors } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { ConfirmDelete, DeleteLink, useDay } from "../../components/action-plan/plan-ui.tsx";
import { listActionsForSelect } from "../../modules/action-plan/read-plan.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { localDate } from "../../modules/directory/dates.ts";
import { acceptAttribute, anyDocument } from "../../modules/files/file-types.ts";
import { readUpload } from "../../modules/files/read-upload.server.ts";
import { listFiles } from "../../modules/files/stored-files.server.ts";
import { grantSchema, reportDateSchema, spendingSchema } from "../../modules/funding/funding-schema.ts";
import { useMoney } from "../../components/funding/funding-ui.tsx";
import { GrantForm } from "../../components/funding/grant-form.tsx";
import { loadGrant } from "../../modules/funding/read-funding.server.ts";
import {
  addReportDate,
  addSpending,
  attachGrantDocument,
  deleteReportDate,
  deleteSpending,
  GRANT_FILE_OWNER,
  removeGrantDocument,
  setReportSubmitted,
  updateGrant,
  type FundingResult,
} from "../../modules/funding/write-funding.server.ts";
import { z } from "zod";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { isUuid, requiredId, versionField, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { conflictReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

/** One grant: its terms, reporting dates, spending by action and (for the coordinator) its documents. */
export const policy = needs("funding.view");

export const meta: Route.MetaFunction = ({ matches, data }) => pageTitle(matches, "funding.grant", undefined, data?.grant.funder);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.grantId)) notFound();
  const loaded = await loadGrant(args.context.db, user.partnershipId, args.params.grantId);
  if (!loaded) notFound();
  return { user, partnershipId: user.partnershipId, ...loaded };
}

type Deleting = { kind: "report" | "spending" | "document"; id: string; name: string; dueOn?: string; amount?: number };

/** "?delete=spending:<id>": the line whose deletion is to be confirmed (null when unknown). */
function readDeleting(
  url: URL,
  reports: { id: string; label: string; dueOn: string }[],
  spending: { id: string; label: string; amount: number }[],
  documents: { id: string; fileName: string }[],
): Deleting | null {
  const [kind, id] = (url.searchParams.get("delete") ?? "").split(":");
  if (!isUuid(id)) return null;
  if (kind === "report") {
    const r = reports.find((x) => x.id === id);
    return r ? { kind, id, name: r.label, dueOn: r.dueOn } : null;
  }
  if (kind === "spending") {
    const l = spending.find((x) => x.id === id);
    return l ? { kind, id, name: l.label, amount: l.amount } : null;
  }
  if (kind === "document") {
    const d = documents.find((x) => x.id === id);
    return d ? { kind, id, name: d.fileName } : null;
  }
  return null;
}

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId, grant, reports, spending, spent, remaining } = await scoped(args);
  const canManage = can(user.roles, "funding.manage", { partnershipId });
  const url = requestUrl(args.request);
  // Agreements may name signatories and bank details: the coordinator's only.
  const documents = canManage ? await listFiles(args.context.db, { partnershipId, ownerType: GRANT_FILE_OWNER, ownerId: grant.id }) : [];
  return {
    grant,
    reports,
    spending,
    spent,
    remaining,
    canManage,
    editing: canManage && url.searchParams.has("edit"),
    saved: url.searchParams.has("saved"),
    documents,
    // Deleting asks first: the "Delete" link opens this confirmation, whose form deletes.
    deleting: canManage ? readDeleting(url, reports, spending, documents) : null,
    actions: canManage ? await listActionsForSelect(args.context.db, partnershipId) : [],
    today: localDate(),
  };
}

type ActionResult = { intent: string; errors: FieldErrorMap; values: FormValues; formError?: string };

const grantFormSchema = grantSchema.and(z.object({ version: versionField }));
const rowSchema = z.object({ id: requiredId });
/** The creates of the page: each runs once per submission key. */
const creates = ["report", "spending", "document"] as const;

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, grant } = await scoped(args);
  await authorize(args, user, "funding.manage");
  // The body is capped at the upload limit (the documents form) before it is read.
  const read = await readForm(args.request, { files: ["document"] });
  const values = read.values;
  const intent = typeof values.intent === "string" ? values.intent : "";
  const fail = (errors: FieldErrorMap, status = 400, formError?: string) => data<ActionResult>({ intent, errors, values, formError }, { status });
  if (!read.ok) return fail(read.errors, 400, "form.errors");
  const db = args.context.db;
  const actor = actorOf(user, args.context);
  const row = () => {
    const parsed = parseValues(read, rowSchema);
    return parsed.ok ? parsed.data.id : null;
  };
  let result: FundingResult | ReturnType<typeof fail>;
  if (intent === "grant") {
    const parsed = parseValues(read, grantFormSchema);
    if (!parsed.ok) return fail(parsed.errors);
    const { version, ...input } = parsed.data;
    result = await updateGrant(db, actor, partnershipId, grant.id, version, input);
    if (result.status === "conflict") return conflictReply({ intent, values: undefined });
  } else if (creates.includes(intent as (typeof creates)[number])) {
    const create = async (tx: typeof db): Promise<FundingResult | ReturnType<typeof fail>> => {
      if (intent === "report") {
        const parsed = parseValues(read, reportDateSchema);
        return parsed.ok ? addReportDate(tx, actor, partnershipId, grant.id, parsed.data) : fail(parsed.errors);
      }
      if (intent === "spending") {
        const parsed = parseValues(read, spendingSchema);
        return parsed.ok ? addSpending(tx, actor, partnershipId, grant.id, parsed.data) : fail(parsed.errors);
      }
      const upload = await readUpload(read.form, "document", anyDocument);
      return upload.ok ? attachGrantDocument(tx, actor, partnershipId, grant.id, upload.upload, user.personId) : fail({ document: [`funding.uploadError.${upload.error}`] });
    };
    const submission = submissionOf(values, `funding.$grantId:${intent}`, user.accountId);
    if (!submission) return fail({}, 400, "form.expired");
    const outcome = await submitOnce(db, submission, async (tx) => {
      const r = await create(tx);
      return "status" in r && r.status === "ok" ? created(`/funding/${grant.id}?saved=1`) : refused(r);
    });
    if (outcome.created) return redirect(outcome.location);
    result = outcome.refused;
  } else if (intent === "report-submitted" || intent === "report-reopen") {
    const id = row();
    if (!id) return fail({}, 400, "form.invalid");
    result = await setReportSubmitted(db, actor, partnershipId, grant.id, id, intent === "report-submitted" ? localDate() : null);
  } else if (intent === "report-delete" || intent === "spending-delete" || intent === "document-delete") {
    const id = row();
    if (!id) return fail({}, 400, "form.invalid");
    const remove = intent === "report-delete" ? deleteReportDate : intent === "spending-delete" ? deleteSpending : removeGrantDocument;
    result = await remove(db, actor, partnershipId, grant.id, id);
  } else {
    return fail({}, 400, "form.invalid");
  }
  if (!("status" in result)) return result;
  if (result.status === "not_found") notFound();
  if (result.status === "conflict") return fail({}, 409, "form.conflict");
  if (result.status === "invalid") return fail({ [result.field]: [result.message] });
  return redirect(`/funding/${grant.id}?saved=1`);
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
