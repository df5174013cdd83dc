import { Form, Link, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/versions.$versionId";
import { ErrorSummary, Field } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, optionalText, requiredText, versionField } from "../../modules/forms/fields.ts";
import { expiredReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { SectionBody, TranslationBadge, VersionStatusBadge, guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { getGuideSection, getGuideVersion, listReviewComments } from "../../modules/guide/read-guide.server.ts";
import { restoreGuideVersion } from "../../modules/guide/restore-guide-version.server.ts";
import { guideLanguages, localizeExercise } from "../../modules/guide/vocabulary.ts";
import { addGuideReviewComment, changeGuideVersionStatus } from "../../modules/guide/write-guide.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** One version, FR and EN side by side, with the Table's review comments and the editors' steps. */
export const policy = needs("guide.review");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.section.history");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.versionId)) notFound();
  const version = await getGuideVersion(args.context.db, user.partnershipId, args.params.versionId);
  if (!version) notFound();
  const comments = await listReviewComments(args.context.db, user.partnershipId, version.id);
  // The section's newest version: any older one can be restored as a new draft on top of it
  // (null when the section was withdrawn from the guide — its history stays readable).
  const section = await getGuideSection(args.context.db, user.partnershipId, version.sectionId);
  return { version, comments, latestNumber: section?.latest?.number ?? null, canEdit: can(user.roles, "guide.edit", { partnershipId: user.partnershipId }) };
}

/**
 * The page's forms, by intent: a review comment (a create: one comment per submission key),
 * "restore this version" (an edit on top of the newest version the editor saw: baseNumber),
 * and the steps draft → in review → published (idempotent: a step already done succeeds).
 */
const intentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("comment"), body: requiredText(4000) }),
    z.object({ intent: z.literal("restore"), baseNumber: versionField, changeNote: optionalText(300) }),
    z.object({ intent: z.literal("review") }),
    z.object({ intent: z.literal("draft") }),
    z.object({ intent: z.literal("publish") }),
  ],
  { message: "form.invalid" },
);
const steps = { review: "in_review", draft: "draft", publish: "published" } as const;

// A restore on top of a version someone replaced answers 409; the page then reloads.
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.versionId)) notFound();
  // Another Table's version (or none) is a 404 whatever the body says.
  if (!(await getGuideVersion(args.context.db, user.partnershipId, args.params.versionId))) notFound();
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  // Reviewers comment; restoring and moving a version along are for editors only.
  if (read.values.intent !== "comment") await authorize(args, user, "guide.edit");
  const input = parseValues(read, intentSchema);
  if (!input.ok) return input.reply;
  const actor = actorOf(user, args.context);
  const base = { partnershipId: user.partnershipId, personId: user.personId, versionId: args.params.versionId };
  const form = input.data;
  if (form.intent === "comment") {
    const submission = submissionOf(read.values, "guide.versions.comment", user.accountId);
    if (!submission) return expiredReply(read.values);
    // A version no longer in review takes no comment (409, "guide.comments.closed").
    const outcome = await createOnce(args.context.db, submission, (tx) => addGuideReviewComment(tx, actor, { ...base, body: form.body }), (id) => `/guide/versions/${base.versionId}?done=commented#comment-${id}`);
    return respond(outcome, (location) => redirect(location));
  }
  if (form.intent === "restore") {
    const result = await restoreGuideVersion(args.context.db, actor, { ...base, baseNumber: form.baseNumber, changeNote: form.changeNote });
    return respond(result, (id) => redirect(`/guide/versions/${id}?done=restored`));
  }
  const to = steps[form.intent];
  const result = await changeGuideVersionStatus(args.context.db, actor, { ...base, to, publicUrl: args.context.config.publicUrl, locale: user.locale });
  return respond(result, () => {
    // Opening a review queues a notice to each reviewer of the Table.
    if (to === "in_review") args.context.notifyJobs();
    return redirect(`/guide/versions/${base.versionId}?done=${to}`);
  });
}

export default function GuideVersion({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const [params] = useSearchParams();
  const { version, comments, canEdit, latestNumber } = loaderData;
  const done = params.get("done");
  const c = version.content;
  return (
    <>
      <h1>{t("guide.version.title", { number: version.number, title: c.titleFr })}</h1>
      {done && ["saved", "in_review", "draft", "published", "commented", "restored"].includes(done) ? <SavedNotice message={`guide.version.done.${done}` as MessageKey} /> : null}
      <ErrorSummary formError={actionData?.formError} />
      <p>
        <VersionStatusBadge status={version.status} /> <TranslationBadge status={version.translationStatus} />
      </p>
      {version.status === "archived" ? <p className="alert warning">{t("guide.version.notCurrent")}</p> : null}
      {canEdit && version.status !== "archived" ? (
        <div className="actions no-print">
          {version.status === "draft" ? (
            <Form method="post">
              <button type="submit" name="intent" value="review" className="secondary">
                {t("guide.version.submitReview")}
              </button>
            </Form>
          ) : null}
          {version.status === "in_review" ? (
            <Form method="post">
              <button type="submit" name="intent" value="draft" className="secondary">
                {t("guide.version.backToDraft")}
              </button>
            </Form>
          ) : null}
          {version.status !== "published" ? (
            <Form method="post">
              <button type="submit" name="intent" value="publish">
                {t("guide.version.publish")}
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {canEdit && latestNumber !== null && latestNumber !== version.number ? (
        <Form method="post" className="stack no-print" aria-labelledby="restore-heading">
          <h2 id="restore-heading">{t("guide.restore.title")}</h2>
          <p>{t("guide.restore.explain")}</p>
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="baseNumber" value={latestNumber} />
          <Field name="changeNote" label={t("guide.restore.note")} defaultValue={t("guide.restore.defaultNote", { number: version.number })} errors={actionData?.errors} />
          <p className="actions">
            <button type="submit" className="secondary">
              {t("guide.restore.submit")}
            </button>
          </p>
        </Form>
      ) : null}
      <p className="no-print">
        <Link to={`/guide/sections/${version.sectionId}/versions`}>{t("guide.section.history")}</Link>
      </p>
      <h2>{t("guide.version.sideBySide")}</h2>
      <div className="guide-columns">
        {guideLanguages.map((language) => (
          <section key={language} aria-label={t(`guide.language.${language}`)}>
            <h3 lang={language}>{(language === "fr" ? c.titleFr : c.titleEn) || "—"}</h3>
            <SectionBody
              body={language === "fr" ? c.bodyFr : c.bodyEn}
              exercises={c.exercises.map((e) => localizeExercise(e, language))}
              headingLevel={3}
              lang={language}
            />
          </section>
        ))}
      </div>
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("guide.comments.title")}</h2>
        {comments.length === 0 ? <p>{t("guide.comments.none")}</p> : null}
        {comments.map((comment) => (
          <div key={comment.id} id={`comment-${comment.id}`} className="guide-comment">
            <p className="muted">{t("guide.comments.by", { name: comment.authorName, date: dateTime(comment.createdAt) })}</p>
            <p className="guide-comment-body">{comment.body}</p>
          </div>
        ))}
        {version.status === "in_review" ? (
          <Form method="post" className="stack no-print">
            <SubmissionKey />
            <input type="hidden" name="intent" value="comment" />
            <Field name="body" label={t("guide.comments.body")} multiline required errors={actionData?.errors} />
            <p className="actions">
              <button type="submit">{t("guide.comments.submit")}</button>
            </p>
          </Form>
        ) : (
          <p className="muted">{t("guide.comments.closed")}</p>
        )}
      </section>
    </>
  );
}
