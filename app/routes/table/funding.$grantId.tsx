import { Link, redirect } from "react-router";
import type { Route } from "./+types/funding.$grantId";
import type { FieldErrors } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { useMoney } from "../../components/funding/funding-ui.tsx";
import { GrantForm } from "../../components/funding/grant-form.tsx";
import { DocumentsSection, ReportsSection, SpendingSection } from "../../components/funding/grant-sections.tsx";
import { findGrant, handleGrantAction, loadGrantPage, type Deleting } from "../../modules/funding/grant-page.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { intentOf } from "../../modules/forms/dispatch-intent.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond, valueOf } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { ConfirmDelete } from "../../components/forms/confirm-delete.tsx";

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
      {loaderData.saved ? <SavedNotice message="funding.saved" /> : null}
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
            <dt>{t(grant.endsOn < today ? "funding.unspent" : "funding.remaining")}</dt>
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

      <ReportsSection reports={reports} canManage={canManage} today={today} errorsFor={errorsFor} deleteTo={deleteTo} />
      <SpendingSection spending={spending} actions={actions} canManage={canManage} errorsFor={errorsFor} deleteTo={deleteTo} />
      {canManage ? <DocumentsSection here={here} documents={documents} errorsFor={errorsFor} deleteTo={deleteTo} /> : null}
    </>
  );
}
