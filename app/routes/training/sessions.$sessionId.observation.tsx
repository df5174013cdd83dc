import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/sessions.$sessionId.observation";
import { ErrorSummary, type FieldErrors } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { z } from "zod";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, MAX_INT } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { AnswerFields, AnswersView } from "../../components/training-evaluation/evaluation-ui.tsx";
import { loadObservation, saveObservation } from "../../modules/training-evaluation/observation.server.ts";
import { parseAnswers } from "../../modules/training-evaluation/questionnaire-form.ts";
import { loadQuestionnaire, loadQuestionnaireVersion } from "../../modules/training-evaluation/questionnaires.server.ts";
import { sessionAccess } from "../../modules/training-evaluation/session-access.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/**
 * The observation grid of one session: its observer fills it (editable until submitted); the
 * training coordinator and the session's two trainers read it. Anyone else: 404.
 */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.observation.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId)) notFound();
  const access = await sessionAccess(args.context.db, user, args.params.sessionId);
  if (!access || !(access.observer || access.coordinator || access.trainer)) notFound();
  const observation = await loadObservation(args.context.db, user.partnershipId, access.session.id);
  // The grid keeps the version it was started on; a new one uses the Table's current version.
  const questionnaire = observation
    ? await loadQuestionnaireVersion(args.context.db, user.partnershipId, observation.questionnaireId)
    : await loadQuestionnaire(args.context.db, user.partnershipId, "observation");
  return { user, partnershipId: user.partnershipId, access, observation, questionnaire };
}

export async function loader(args: Route.LoaderArgs) {
  const { access, observation, questionnaire } = await scoped(args);
  const canFill = access.observer && !observation?.submittedAt && !!questionnaire;
  return {
    session: { id: access.session.id, dates: access.session.dates },
    questions: questionnaire?.questions ?? [],
    answers: observation?.answers ?? {},
    submittedAt: observation?.submittedAt?.toISOString() ?? null,
    version: observation?.version ?? 0,
    canFill,
    isObserver: access.observer,
    outcome: requestUrl(args.request).searchParams.get("outcome"),
  };
}

/** The grid's two buttons, and the version it was drawn from (0: no grid saved yet). */
const gridSchema = z.object({
  intent: z.enum(["draft", "submit"], { message: "form.invalid" }),
  version: z.coerce.number({ message: "form.invalid" }).int("form.invalid").min(0, "form.invalid").max(MAX_INT, "form.invalid"),
});

// A save from a grid someone changed since answers 409; the page then reloads the current answers.
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, access, questionnaire } = await scoped(args);
  // Only the session's observer writes; the others read (same 404 as a missing page).
  if (!access.observer || !questionnaire) notFound();
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const step = parseValues(read, gridSchema);
  if (!step.ok) return step.reply;
  const form = Object.fromEntries(Object.entries(read.values).filter((e): e is [string, string] => typeof e[1] === "string"));
  const submit = step.data.intent === "submit";
  const parsed = parseAnswers(questionnaire.questions, form, submit);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, answers: parsed.answers, formError: undefined as string | undefined }, { status: 400 });
  const result = await saveObservation(args.context.db, actorOf(user, args.context), {
    partnershipId,
    sessionId: access.session.id,
    observerPersonId: user.personId,
    questionnaireId: questionnaire.id,
    answers: parsed.answers,
    submit,
    expectedVersion: step.data.version,
  });
  // A submitted grid is frozen: 409 with the reason, the page shows it.
  return respond(result, (outcome) => redirect(`/training/sessions/${access.session.id}/observation?outcome=${outcome}`), {
    refused: () => data({ errors: {} as FieldErrors, answers: {}, formError: "trainingEval.observation.locked" as string | undefined }, { status: 409 }),
  });
}

export default function Observation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { session, questions, canFill } = loaderData;
  const when = session.dates.map((d) => day(d)).join(" · ");
  return (
    <>
      <p>
        <Link to={`/training/sessions/${session.id}/space`}>{t("trainingEval.space.title", { date: when })}</Link>
      </p>
      <h1>{t("trainingEval.observation.heading", { date: when })}</h1>
      {loaderData.outcome === "saved" || loaderData.outcome === "submitted" ? <SavedNotice message={`trainingEval.observation.outcome.${loaderData.outcome}`} /> : null}
      {questions.length === 0 ? (
        <p>{t("trainingEval.observation.noGrid")}</p>
      ) : canFill ? (
        // Keyed by the grid's version: after a 409 the fields show the current answers.
        <Form method="post" className="stack" key={loaderData.version}>
          <p>{t("trainingEval.observation.intro")}</p>
          <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
          <input type="hidden" name="version" value={loaderData.version} />
          <AnswerFields questions={questions} values={(actionData && "answers" in actionData ? actionData.answers : undefined) ?? loaderData.answers} errors={actionData?.errors} />
          <div className="actions">
            <button type="submit" name="intent" value="draft" className="button secondary">
              {t("trainingEval.observation.saveDraft")}
            </button>
            <button type="submit" name="intent" value="submit">
              {t("trainingEval.observation.submit")}
            </button>
          </div>
        </Form>
      ) : (
        <>
          <p className="badge">
            {loaderData.submittedAt ? t("trainingEval.observation.submittedBadge") : t("trainingEval.observation.draftBadge")}
          </p>
          {loaderData.submittedAt || loaderData.isObserver ? (
            <AnswersView questions={questions} answers={loaderData.answers} />
          ) : (
            <p>{t("trainingEval.observation.notYet")}</p>
          )}
        </>
      )}
    </>
  );
}
