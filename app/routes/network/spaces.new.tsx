import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/spaces.new";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { GuardFindings, readGuardedReply } from "../../components/guard-findings.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { guardRefusalReply } from "../../modules/consultations/guard-refusal.server.ts";
import { createSpace } from "../../modules/forum/create-space.server.ts";
import { newSpaceSchema } from "../../modules/forum/forum-schema.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { listNetworkPeople } from "../../modules/forum/network-people.server.ts";
import { postingRules } from "../../modules/forum/vocabulary.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** A working-group or meeting space: the Table coordinator or a pivot coordinator names it and its members. */
export const policy = needs("network.space_create");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forum.spaces.new");

export async function loader(args: Route.LoaderArgs) {
  const { viewer } = await forumGuard(args, policy);
  return { people: (await listNetworkPeople(args.context.db, viewer.partnershipId)).filter((p) => p.id !== viewer.personId) };
}

export async function action(args: Route.ActionArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  const input = await parseForm(args.request, newSpaceSchema, { arrays: ["members"] });
  if (!input.ok) return input.reply;
  const submission = submissionOf(input.values, "network.spaces.new", user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await createOnce<string, "forum.refused.members" | "findings">(args.context.db, submission, (tx) => createSpace(tx, actorOf(user, args.context), { viewer, fields: input.data }), (id) => `/network/spaces/${id}`);
  if (outcome.kind === "refused" && outcome.reason === "findings") return guardRefusalReply(outcome, input.values);
  return respond(outcome, (location) => redirect(location), { body: { values: input.values, findings: null }, refused: 400 });
}

export default function NewSpace({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { values, findings, errors, formError } = readGuardedReply<Record<string, string | string[]>>(actionData);
  const chosen = new Set(Array.isArray(values.members) ? values.members : values.members ? [values.members] : []);
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link>
      </p>
      <h1>{t("forum.spaces.new")}</h1>
      <p className="lead">{t("forum.spaces.newIntro")}</p>
      <ErrorSummary errors={findings ? null : errors} formError={formError} />
      {findings ? <GuardFindings findings={findings} values={values} labels={{ name: t("forum.spaces.name"), description: t("forum.spaces.description") }} /> : null}
      <Form method="post" className="stack">
        <SubmissionKey />
        <Field name="name" label={t("forum.spaces.name")} required defaultValue={values.name as string | undefined} errors={errors} />
        <Field name="description" label={t("forum.spaces.description")} multiline defaultValue={values.description as string | undefined} errors={errors} />
        <SelectField
          name="posting"
          label={t("forum.spaces.posting")}
          required
          defaultValue={(values.posting as string | undefined) ?? "members"}
          errors={errors}
          options={postingRules.map((p) => ({ value: p, label: t(`forum.posting.${p}` as MessageKey) }))}
        />
        <fieldset>
          <legend>{t("forum.spaces.members")}</legend>
          <p className="muted">{t("forum.spaces.membersHint")}</p>
          {loaderData.people.map((p) => (
            <div key={p.id} className="choice">
              <input type="checkbox" id={`member-${p.id}`} name="members" value={p.id} defaultChecked={chosen.has(p.id)} />
              <label htmlFor={`member-${p.id}`}>
                {p.name}
                {p.organization ? <span className="muted"> ({p.organization})</span> : null}
              </label>
            </div>
          ))}
        </fieldset>
        <p className="actions">
          <button type="submit">{t("forum.spaces.create")}</button>
        </p>
      </Form>
    </>
  );
}
