import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/answer.$token";
import { ErrorSummary, type FieldErrors } from "../../components/form.tsx";
import { GuardFindings } from "../../components/guard-findings.tsx";
import { QuestionFields } from "../../components/questionnaire/question-fields.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT, useDay } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { expiredReply, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { parseAnswers, repeatedFields } from "../../modules/questionnaires/parse-answers.ts";
import { choiceLabel, isVisible, questionText, type AnswerMap, type QuestionBase } from "../../modules/questionnaires/questions.ts";
import { invitationByToken, saveSurveyDraft, submitSurveyAnswer } from "../../modules/surveys/answer-survey.server.ts";
import { guardFreeText } from "../../modules/surveys/guard-answers.server.ts";
import { allQuestions } from "../../modules/surveys/vocabulary.ts";

/**
 * Answering a survey through the single-use link of an invitation (no sign-in needed: the link
 * is personal). One section per page, progress saved per section against the invitation; the
 * last section submits. A used link or a closed survey answers 410 with a page, an unknown one 404.
 */
export const policy = publicRoute;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "surveys.answer.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  await guard(args, policy);
  const state = await invitationByToken(args.context.db, args.params.token);
  if (state.state === "unknown") notFound();
  return state;
}

const thanks = (token: string) => `/surveys/answer/${token}?thanks=1`;

export async function loader(args: Route.LoaderArgs) {
  const state = await scoped(args);
  if (state.state !== "open") {
    const thanksShown = requestUrl(args.request).searchParams.has("thanks") && state.state === "used";
    return data({ state: state.state, thanks: thanksShown, titleFr: state.titleFr, titleEn: state.titleEn, sections: [], section: 0, answers: {} as AnswerMap, anonymous: true, closesOn: "" }, { status: thanksShown ? 200 : 410 });
  }
  const sections = state.version.sections;
  const section = Math.min(state.draft?.section ?? 0, sections.length - 1);
  return {
    state: state.state,
    thanks: false,
    titleFr: state.survey.titleFr,
    titleEn: state.survey.titleEn,
    sections,
    section,
    answers: state.draft?.answers ?? {},
    anonymous: state.survey.anonymous,
    closesOn: state.survey.closesOn,
  };
}

export async function action(args: Route.ActionArgs) {
  const state = await scoped(args);
  if (state.state === "used") {
    // The same submission again (a double click, a retry) lands on the thanks page.
    const again = await readForm(args.request.clone());
    const submission = again.ok ? submissionOf(again.values, "surveys.answer", null) : null;
    if (submission) {
      const replay = await submitOnce(args.context.db, submission, async () => refused({ status: "used" }));
      if (replay.created) return redirect(replay.location);
    }
  }
  if (state.state !== "open") return data({ errors: {} as FieldErrors, formError: `surveys.answer.${state.state}` as string | undefined, values: {}, findings: null }, { status: 410 });
  const sections = state.version.sections;
  const read = await readForm(args.request, { arrays: repeatedFields(allQuestions(sections)) });
  if (!read.ok) return data({ errors: read.errors as FieldErrors, formError: "form.errors" as string | undefined, values: {}, findings: null }, { status: 400 });
  const intent = read.values.intent;
  const current = Math.min(state.draft?.section ?? 0, sections.length - 1);
  const earlier: AnswerMap = {};
  const kept = state.draft?.answers ?? {};
  for (const s of sections.slice(0, current)) for (const q of s.questions) if (kept[q.key] !== undefined) earlier[q.key] = kept[q.key]!;
  const questions = sections[current]!.questions;
  const going = intent === "back" ? "back" : intent === "submit" && current === sections.length - 1 ? "submit" : "next";
  const parsed = parseAnswers(questions, read.values, going !== "back", earlier);
  if (!parsed.ok && going !== "back") return data({ errors: parsed.errors as FieldErrors, formError: "form.errors" as string | undefined, values: parsed.answers, findings: null }, { status: 400 });
  const answers = { ...kept, ...parsed.answers };
  for (const q of questions) if (!(q.key in parsed.answers)) delete answers[q.key];
  const findings = await guardFreeText(args.context.db, state.partnershipId, questions, parsed.answers);
  if (Object.keys(findings).length) return data({ errors: {} as FieldErrors, formError: "guard.blocked" as string | undefined, values: parsed.answers, findings }, { status: 400 });
  if (going !== "submit") {
    await saveSurveyDraft(args.context.db, { invitationId: state.invitationId, partnershipId: state.partnershipId, answers, section: going === "back" ? Math.max(0, current - 1) : Math.min(sections.length - 1, current + 1) });
    return redirect(`/surveys/answer/${args.params.token}`);
  }
  // Keep only what the conditions show, over the whole survey.
  const shown: AnswerMap = {};
  for (const q of allQuestions(sections)) if (answers[q.key] !== undefined && isVisible(q, shown)) shown[q.key] = answers[q.key]!;
  const submission = submissionOf(read.values, "surveys.answer", null);
  if (!submission) return expiredReply(read.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const r = await submitSurveyAnswer(tx, { invitationId: state.invitationId, answers: shown, now: new Date() });
    return r.status === "answered" ? created(thanks(args.params.token)) : refused(r);
  });
  if (outcome.created) return redirect(outcome.location);
  return data({ errors: {} as FieldErrors, formError: "surveys.answer.used" as string | undefined, values: {}, findings: null }, { status: 410 });
}

export default function AnswerSurvey({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const findings = actionData && "findings" in actionData ? actionData.findings : null;
  const day = useDay();
  const title = locale === "en" ? loaderData.titleEn : loaderData.titleFr;
  if (loaderData.state !== "open") {
    return (
      <>
        <h1>{title}</h1>
        <p className={loaderData.thanks ? "notice" : "alert"} role="status">
          {loaderData.thanks ? t("surveys.answer.thanks") : t(loaderData.state === "used" ? "surveys.answer.used" : "surveys.answer.closed")}
        </p>
      </>
    );
  }
  const { sections, section } = loaderData;
  const current = sections[section]!;
  const values = { ...loaderData.answers, ...((actionData?.values as AnswerMap | undefined) ?? {}) };
  const earlier: AnswerMap = {};
  for (const s of sections.slice(0, section)) for (const q of s.questions) if (loaderData.answers[q.key] !== undefined) earlier[q.key] = loaderData.answers[q.key]!;
  const shown = current.questions.filter((q) => !q.showIf || current.questions.some((o) => o.key === q.showIf!.question) || isVisible(q, earlier));
  const byKey = new Map(sections.flatMap((s) => s.questions).map((q) => [q.key, q] as const));
  const note = (q: QuestionBase) => {
    if (!q.showIf || !current.questions.some((o) => o.key === q.showIf!.question)) return undefined;
    const target = byKey.get(q.showIf.question)!;
    const choices = q.showIf.anyOf.map((v) => target.options?.find((o) => o.value === v)).filter(Boolean).map((o) => `« ${choiceLabel(o!, locale)} »`.replace("« ", "«\u00a0").replace(" »", "\u00a0»"));
    return t("surveys.answer.onlyIf", { question: questionText(target, locale), choices: choices.join(locale === "en" ? " or " : " ou ") });
  };
  const first = sections.slice(0, section).reduce((n, s) => n + s.questions.length, 0) + 1;
  const last = section === sections.length - 1;
  const freeText = Object.fromEntries(current.questions.map((q) => [`a_${q.key}`, questionText(q, locale)]));
  return (
    <>
      <h1>{title}</h1>
      {section === 0 ? <p className="alert">{loaderData.anonymous ? t("surveys.answer.anonymous") : t("surveys.answer.named")}</p> : null}
      <p>
        {t("surveys.answer.progress", { n: section + 1, total: sections.length })} · {t("surveys.field.closesOn")} {day(loaderData.closesOn)}
      </p>
      {findings ? <GuardFindings findings={findings} values={Object.fromEntries(Object.entries(values).map(([k, v]) => [`a_${k}`, v]))} labels={freeText} /> : null}
      <Form method="post" className="stack">
        <SubmissionKey />
        <ErrorSummary errors={actionData?.errors} formError={findings ? undefined : actionData?.formError} />
        <h2>{locale === "en" ? current.titleEn : current.titleFr}</h2>
        <QuestionFields questions={shown} values={values} errors={actionData?.errors} first={first} note={note} />
        <div className="actions">
          <button type="submit" name="intent" value={last ? "submit" : "next"}>
            {last ? t("surveys.answer.submit") : t("surveys.answer.next")}
          </button>
          {section > 0 ? (
            <button type="submit" name="intent" value="back" className="secondary">
              {t("surveys.answer.back")}
            </button>
          ) : null}
        </div>
      </Form>
    </>
  );
}
