import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/sessions.$sessionId.evaluation";
import { ErrorSummary, type FieldErrors } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { isUuid } from "../../modules/forms/fields.ts";
import { expiredReply, readForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { AnswerFields } from "../../components/training-evaluation/evaluation-ui.tsx";
import { hasAnswered, submitEvaluation } from "../../modules/training-evaluation/evaluation.server.ts";
import { parseAnswers } from "../../modules/training-evaluation/questionnaire-form.ts";
import { loadQuestionnaire } from "../../modules/training-evaluation/questionnaires.server.ts";
import { sessionAccess } from "../../modules/training-evaluation/session-access.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/**
 * The end-of-training questionnaire, answered once and anonymously by the participants of a
 * given session. Nobody else reaches it (404).
 */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.evaluation.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId)) notFound();
  const access = await sessionAccess(args.context.db, user, args.params.sessionId);
  if (!access?.participant || access.session.status !== "given") notFound();
  const questionnaire = await loadQuestionnaire(args.context.db, user.partnershipId, "evaluation");
  const answered = await hasAnswered(args.context.db, user.partnershipId, access.participant.id);
  return { user, partnershipId: user.partnershipId, access, registration: access.participant, questionnaire, answered };
}

export async function loader(args: Route.LoaderArgs) {
  const { access, questionnaire, answered } = await scoped(args);
  return {
    session: { id: access.session.id, dates: access.session.dates },
    questions: questionnaire?.questions ?? [],
    answered,
    thanks: requestUrl(args.request).searchParams.has("thanks"),
  };
}

/**
 * The one place every answer lands, whoever gave it: the submission key's row keeps the account
 * (that is what prevents a second answer, like the marker) and this location, which names the
 * session only — never the response.
 */
const thanksPage = (sessionId: string) => `/training/sessions/${sessionId}/evaluation?thanks=1`;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, access, registration, questionnaire } = await scoped(args);
  if (!questionnaire) notFound();
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const form = Object.fromEntries(Object.entries(read.values).filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = parseAnswers(questionnaire.questions, form, true);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, answers: parsed.answers, formError: undefined as string | undefined }, { status: 400 });
  // Answered once: the same submission again (a double click, a retry) lands on the thanks page;
  // another submission after the answer is refused by the marker (409).
  const submission = submissionOf(read.values, "training.sessions.evaluation", user.accountId);
  if (!submission) return expiredReply(read.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    // No actor: the answer is recorded anonymously (see submitEvaluation).
    const result = await submitEvaluation(tx, {
      partnershipId,
      sessionId: access.session.id,
      programId: access.session.programId,
      registrationId: registration.id,
      questionnaireId: questionnaire.id,
      answers: parsed.answers,
    });
    return result.status === "answered" ? created(thanksPage(access.session.id)) : refused(result);
  });
  if (outcome.created) return redirect(outcome.location);
  return data({ errors: {} as FieldErrors, answers: {}, formError: "trainingEval.evaluation.already" as string | undefined }, { status: 409 });
}

export default function Evaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { session, questions } = loaderData;
  const when = session.dates.map((d) => day(d)).join(" · ");
  const satisfaction = questions.filter((q) => q.section === "satisfaction");
  const knowledge = questions.filter((q) => q.section === "knowledge");
  const sentAnswers = actionData && "answers" in actionData ? actionData.answers : {};
  return (
    <>
      <p>
        <Link to={`/training/sessions/${session.id}/space`}>{t("trainingEval.space.title", { date: when })}</Link>
      </p>
      <h1>{t("trainingEval.evaluation.heading", { date: when })}</h1>
      {loaderData.answered ? (
        <SavedNotice message={loaderData.thanks ? "trainingEval.evaluation.thanks" : "trainingEval.evaluation.already"} />
      ) : questions.length === 0 ? (
        <p>{t("trainingEval.evaluation.noQuestionnaire")}</p>
      ) : (
        <Form method="post" className="stack">
          <SubmissionKey />
          <p className="alert">{t("trainingEval.evaluation.anonymous")}</p>
          <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
          {satisfaction.length ? <h2>{t("trainingEval.section.satisfaction")}</h2> : null}
          <AnswerFields questions={satisfaction} values={sentAnswers} errors={actionData?.errors} />
          {knowledge.length ? (
            <>
              <h2>{t("trainingEval.section.knowledge")}</h2>
              <p>{t("trainingEval.evaluation.knowledgeIntro")}</p>
            </>
          ) : null}
          <AnswerFields questions={knowledge} values={sentAnswers} errors={actionData?.errors} />
          <div className="actions">
            <button type="submit">{t("trainingEval.evaluation.submit")}</button>
          </div>
        </Form>
      )}
    </>
  );
}
