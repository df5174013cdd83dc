import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/news.new";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { GuardFindings, readGuardedReply } from "../../components/guard-findings.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { guardRefusalReply } from "../../modules/consultations/guard-refusal.server.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { newsSchema } from "../../modules/news/news-schema.ts";
import { newsGuard } from "../../modules/news/news-route.server.ts";
import { publishNews } from "../../modules/news/publish-news.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** Publish an article on practices: the Table coordinator and the guide editors. */
export const policy = needs("news.publish");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "news.new.title");

export async function loader(args: Route.LoaderArgs) {
  await newsGuard(args, policy);
  return {};
}

export async function action(args: Route.ActionArgs) {
  const viewer = await newsGuard(args, policy);
  const input = await parseForm(args.request, newsSchema);
  if (!input.ok) return input.reply;
  const submission = submissionOf(input.values, "network.news.new", viewer.user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await createOnce<string, "findings">(
    args.context.db,
    submission,
    (tx) =>
      publishNews(tx, actorOf(viewer.user, args.context), {
        publisher: { partnershipId: viewer.partnershipId, personId: viewer.personId, locale: viewer.user.locale },
        fields: input.data,
        publicUrl: args.context.config.publicUrl,
      }),
    (id) => `/network/news/${id}?saved=published`,
  );
  if (outcome.kind === "refused") return guardRefusalReply(outcome, input.values);
  return respond(outcome, (location) => redirect(location), { body: { values: input.values, findings: null } });
}

export default function NewNews({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { values, findings, errors, formError } = readGuardedReply(actionData);
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link> › <Link to="/network/news">{t("news.title")}</Link>
      </p>
      <h1>{t("news.new.title")}</h1>
      <p className="lead">{t("news.new.intro")}</p>
      <ErrorSummary errors={findings ? null : errors} formError={formError} />
      {findings ? <GuardFindings findings={findings} values={values} labels={{ title: t("news.field.title"), body: t("news.field.body") }} /> : null}
      <p id="news-hint">{t("forum.post.deidentify")}</p>
      <Form method="post" className="stack" aria-describedby="news-hint">
        <SubmissionKey />
        <Field name="title" label={t("news.field.title")} required defaultValue={values.title} errors={errors} />
        <Field name="body" label={t("news.field.body")} hint={t("news.field.bodyHint")} multiline required defaultValue={values.body} errors={errors} />
        <p className="actions">
          <button type="submit">{t("news.new.submit")}</button>
        </p>
      </Form>
    </>
  );
}
