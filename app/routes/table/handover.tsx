import { Form, redirect } from "react-router";
import type { Route } from "./+types/handover";
import { ErrorSummary, SelectField, Field } from "../../components/form.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { FormValues } from "../../modules/forms/fields.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { intentOf } from "../../modules/forms/dispatch-intent.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { handleHandoverAction, loadHandoverPage } from "../../modules/handover/handover-page.server.ts";
import { HandoverChecklist, HandoverHistory } from "../../components/handover/handover-sections.tsx";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** Passing the Table coordinator role on: checklist from the live data, transfer, history. */
export const policy = needs("handover.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "handover.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const page = await loadHandoverPage(args.context.db, user.partnershipId);
  return { ...page, me: user.personId, saved: requestUrl(args.request).searchParams.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const read = await readForm(args.request, { arrays: ["checked"] });
  const intent = intentOf(read.values);
  const result = read.ok
    ? await handleHandoverAction({
        db: args.context.db,
        actor: actorOf(user, args.context),
        partnershipId: user.partnershipId,
        accountId: user.accountId,
        granterRoles: user.roles,
        publicUrl: args.context.config.publicUrl,
        read,
      })
    : invalidFields(read.errors, "form.errors");
  // The outgoing coordinator no longer reaches this page after a transfer; a platform admin still does.
  const next = (step: string) => (step === "transferred" && !user.roles.some((r) => r.role === "platform_admin") ? "/?handover=done" : `/handover?saved=${step}`);
  // A stale checklist (409) shows the current ticks; an unchecked transfer is 409, a refused one 403.
  return respond(result, (step) => redirect(next(step)), {
    body: { intent, values: read.values as FormValues },
    conflict: { values: {} as FormValues },
    refused: { "handover.forbidden": 403 },
  });
}

export default function Handover({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { open, history, coordinators, successors, me } = loaderData;
  const startErrors = actionData?.intent === "start" ? actionData.errors : undefined;
  return (
    <>
      <h1>{t("handover.title")}</h1>
      <p>{t("handover.intro")}</p>
      {loaderData.saved ? <SavedNotice message={`handover.saved.${loaderData.saved}` as "handover.saved.started"} /> : null}
      {actionData?.formError ? (
        <p className="alert error" role="alert">
          {t(actionData.formError as "form.invalid")}
        </p>
      ) : null}
      {open ? (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">{t("handover.openTitle", { from: open.outgoingName, to: open.successorName })}</h2>
          <p>{t("handover.startedAt", { date: dateTime(open.startedAt) })}</p>
          {open.note ? <p className="pre-line">{open.note}</p> : null}
          <p>
            {t("handover.progress", { checked: open.items.filter((i) => i.checked).length, total: open.items.length })}
          </p>
          <HandoverChecklist open={open} version={loaderData.checklistVersion} />
          <Form method="post" className="stack">
            <input type="hidden" name="handoverId" value={open.id} />
            <p>{t("handover.transferHint", { to: open.successorName })}</p>
            <p className="actions">
              <button type="submit" name="intent" value="transfer">
                {t("handover.transfer", { to: open.successorName })}
              </button>
              <button type="submit" name="intent" value="cancel" className="secondary">
                {t("handover.cancel")}
              </button>
            </p>
          </Form>
        </section>
      ) : (
        <Form method="post" className="stack" aria-labelledby="start-heading">
          <h2 id="start-heading">{t("handover.start")}</h2>
          <ErrorSummary errors={startErrors} />
          <input type="hidden" name="intent" value="start" />
          <SubmissionKey />
          <SelectField
            name="outgoingPersonId"
            label={t("handover.outgoing")}
            required
            options={coordinators.map((c) => ({ value: c.personId, label: `${c.name} (${c.email})` }))}
            defaultValue={(actionData?.values.outgoingPersonId as string) ?? (coordinators.some((c) => c.personId === me) ? me : "")}
            errors={startErrors}
          />
          <SelectField
            name="successorPersonId"
            label={t("handover.successor")}
            required
            hint={t("handover.successorHint")}
            placeholder={t("handover.chooseSuccessor")}
            options={successors.map((c) => ({ value: c.personId, label: `${c.name} (${c.email})` }))}
            defaultValue={(actionData?.values.successorPersonId as string) ?? ""}
            errors={startErrors}
          />
          <Field name="note" label={t("handover.note")} multiline errors={startErrors} />
          <p>
            <button type="submit">{t("handover.startSubmit")}</button>
          </p>
        </Form>
      )}
      <HandoverHistory history={history} />
    </>
  );
}
