import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/news.$newsId.edit";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { GuardFindings, readGuardedReply } from "../../components/guard-findings.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { guardRefusalReply } from "../../modules/consultations/guard-refusal.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { editNews } from "../../modules/news/edit-news.server.ts";
import { editNewsSchema } from "../../modules/news/news-schema.ts";
import { mayChange, newsGuard, newsOfUrl } from "../../modules/news/news-route.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** Edit an article (version-checked, the guard again): its author or the Table coordinator; anyone else reads a 404. */
export const policy = needs("news.publish");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "news.edit.title");

export const shouldRevalidate = revalidateAfterConflict;

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const viewer = await newsGuard(args, policy);
  const item = await newsOfUrl(args, viewer);
  // A guide update follows its section (archived, never rewritten); someone else's article is not theirs to edit.
  if (item.kind !== "article" || !mayChange(viewer)(item.authorPersonId)) notFound();
  return { viewer, item };
}

export async function loader(args: Route.LoaderArgs) {
  const { item } = await scoped(args);
  return { item: { id: item.id, title: item.title, body: item.body, version: item.version } };
}

export async function action(args: Route.ActionArgs) {
  const { viewer, item } = await scoped(args);
  const input = await parseForm(args.request, editNewsSchema);
  if (!input.ok) return input.reply;
  const outcome = await editNews(args.context.db, actorOf(viewer.user, args.context), {
    partnershipId: viewer.partnershipId,
    id: item.id,
    version: input.data.version,
    fields: input.data,
    mayChange: mayChange(viewer),
  });
  if (outcome.kind === "refused" && outcome.reason === "findings") return guardRefusalReply(outcome, input.values);
  return respond(outcome, (id) => redirect(`/network/news/${id}?saved=edited`), { body: { values: input.values, findings: null }, conflict: { values: undefined } });
}

export default function EditNews({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { item } = loaderData;
  const { values, findings, errors, formError } = readGuardedReply(actionData);
  return (
    <>
      <p>
        <Link to="/network/news">{t("news.title")}</Link> › <Link to={`/network/news/${item.id}`}>{item.title}</Link>
      </p>
      <h1>{t("news.edit.title")}</h1>
      <ErrorSummary errors={findings ? null : errors} formError={formError} />
      {findings ? <GuardFindings findings={findings} values={values} labels={{ title: t("news.field.title"), body: t("news.field.body") }} /> : null}
      <p id="news-hint">{t("forum.post.deidentify")}</p>
      <Form method="post" className="stack" aria-describedby="news-hint" key={item.version}>
        <input type="hidden" name="version" value={item.version} />
        <Field name="title" label={t("news.field.title")} required defaultValue={values.title ?? item.title} errors={errors} />
        <Field name="body" label={t("news.field.body")} hint={t("news.field.bodyHint")} multiline required defaultValue={values.body ?? item.body} errors={errors} />
        <p className="actions">
          <button type="submit">{t("news.edit.submit")}</button>
        </p>
      </Form>
    </>
  );
}
