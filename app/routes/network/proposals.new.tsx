import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/proposals.new";
import { useSpaceName } from "../../components/forum/forum-ui.tsx";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { GuardFindings, readGuardedReply } from "../../components/guard-findings.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { guardRefusalReply } from "../../modules/consultations/guard-refusal.server.ts";
import { createProposal } from "../../modules/forum/create-proposal.server.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { proposalSpaces } from "../../modules/forum/open-proposal.server.ts";
import { newProposalSchema } from "../../modules/forum/proposal-schema.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { addDays, quebecDay } from "../../modules/time/days.ts";

/** A new proposal in the whole network's space or a working group: its text, closing date, anonymity, hidden results. */
export const policy = needs("network.propose");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "proposals.new.title");

export async function loader(args: Route.LoaderArgs) {
  const { viewer } = await forumGuard(args, policy);
  const spaces = await proposalSpaces(args.context.db, viewer);
  const wanted = requestUrl(args.request).searchParams.get("space");
  return {
    spaces: spaces.map((s) => ({ id: s.id, kind: s.kind, milieu: s.milieu, name: s.name, organizationNameFr: null, organizationNameEn: null })),
    space: spaces.some((s) => s.id === wanted) ? wanted : null,
    defaultDay: addDays(quebecDay(), 7),
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  const input = await parseForm(args.request, newProposalSchema);
  if (!input.ok) return input.reply;
  const submission = submissionOf(input.values, "network.proposals.new", user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await createOnce<string, "forum.refused.readOnly" | "forum.refused.everyone" | "proposals.refused.space" | "findings">(
    args.context.db,
    submission,
    (tx) => createProposal(tx, actorOf(user, args.context), { viewer, spaceId: input.data.spaceId, fields: input.data, now: new Date(), publicUrl: args.context.config.publicUrl }),
    (id) => `/network/proposals/${id}`,
  );
  if (outcome.kind === "refused" && outcome.reason === "findings") return guardRefusalReply(outcome, input.values);
  return respond(outcome, (location) => redirect(location), { body: { values: input.values, findings: null }, refused: 400 });
}

export default function NewProposal({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const spaceName = useSpaceName();
  const { values, findings, errors, formError } = readGuardedReply(actionData);
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link> › <Link to="/network/proposals">{t("proposals.title")}</Link>
      </p>
      <h1>{t("proposals.new.title")}</h1>
      <p className="lead">{t("proposals.new.intro")}</p>
      <ErrorSummary errors={findings ? null : errors} formError={formError} />
      {findings ? <GuardFindings findings={findings} values={values} labels={{ title: t("proposals.field.title"), body: t("proposals.field.body") }} /> : null}
      <p id="proposal-hint">{t("forum.post.deidentify")}</p>
      <Form method="post" className="stack" aria-describedby="proposal-hint">
        <SubmissionKey />
        <SelectField
          name="spaceId"
          label={t("proposals.field.space")}
          required
          placeholder={t("proposals.field.spaceChoose")}
          defaultValue={values.spaceId ?? loaderData.space ?? (loaderData.spaces.length === 1 ? loaderData.spaces[0]!.id : "")}
          errors={errors}
          options={loaderData.spaces.map((s) => ({ value: s.id, label: spaceName(s) }))}
        />
        <Field name="title" label={t("proposals.field.title")} required defaultValue={values.title} errors={errors} />
        <Field name="body" label={t("proposals.field.body")} hint={t("proposals.field.bodyHint")} multiline required defaultValue={values.body} errors={errors} />
        <Field name="closesOn" type="date" label={t("proposals.field.closesOn")} required defaultValue={values.closesOn ?? loaderData.defaultDay} errors={errors} />
        <Field name="closesAtTime" type="time" label={t("proposals.field.closesAtTime")} required defaultValue={values.closesAtTime ?? "17:00"} errors={errors} />
        <fieldset>
          <legend>{t("proposals.field.options")}</legend>
          <div className="choice">
            <input type="checkbox" id="proposal-anonymous" name="anonymous" value="on" defaultChecked={values.anonymous === "on"} aria-describedby="proposal-anonymous-hint" />
            <label htmlFor="proposal-anonymous">{t("proposals.field.anonymous")}</label>
            <p className="hint" id="proposal-anonymous-hint">
              {t("proposals.field.anonymousHint")}
            </p>
          </div>
          <div className="choice">
            <input type="checkbox" id="proposal-hide" name="hideResults" value="on" defaultChecked={values.hideResults === "on"} />
            <label htmlFor="proposal-hide">{t("proposals.field.hideResults")}</label>
          </div>
        </fieldset>
        <p className="actions">
          <button type="submit">{t("proposals.new.submit")}</button>
        </p>
      </Form>
    </>
  );
}
