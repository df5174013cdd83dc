import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/questionnaires.$kind";
import { ErrorSummary, translateMessage, type FieldErrors } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { requiredInt } from "../../modules/forms/fields.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { parseQuestionnaireForm } from "../../modules/training-evaluation/questionnaire-form.ts";
import { loadQuestionnaire, saveQuestionnaire } from "../../modules/training-evaluation/questionnaires.server.ts";
import { questionKinds, questionnaireKinds, questionSections, type Question, type QuestionnaireKind } from "../../modules/training-evaluation/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** The training coordinator defines the Table's observation grid and evaluation questionnaire. */
export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "trainingEval.editor.title");

const BLANK_ROWS = 3;

function kindOf(param: string | undefined): QuestionnaireKind {
  const kind = questionnaireKinds.find((k) => k === param);
  if (!kind) notFound();
  return kind;
}

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const kind = kindOf(args.params.kind);
  const current = await loadQuestionnaire(args.context.db, user.partnershipId, kind);
  return { kind, version: current?.version ?? 0, questions: current?.questions ?? [], saved: requestUrl(args.request).searchParams.has("saved") };
}

/** The version the editor was drawn from: 0 while the Table has none (the first save makes 1). */
const expectedVersionField = requiredInt(0);

// A 409 reloads the questionnaire as it is now (its version and questions).
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const kind = kindOf(args.params.kind);
  const read = await readForm(args.request);
  if (!read.ok) return data({ errors: read.errors as FieldErrors, formError: "form.errors" }, { status: 400 });
  // No field repeats (readForm refused that): every value is one string.
  const values = read.values as Record<string, string>;
  const expectedVersion = expectedVersionField.safeParse(values.expectedVersion);
  if (!expectedVersion.success) return data({ errors: {} as FieldErrors, formError: "form.invalid" }, { status: 400 });
  const parsed = parseQuestionnaireForm(values, kind);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, formError: undefined }, { status: 400 });
  const result = await saveQuestionnaire(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    kind,
    questions: parsed.questions,
    expectedVersion: expectedVersion.data,
    personId: user.personId,
  });
  return respond(result, () => redirect(`/training/questionnaires/${kind}?saved=1`));
}

function QuestionRow({ index, question, kind, errors }: { index: number; question?: Question; kind: QuestionnaireKind; errors?: FieldErrors }) {
  const { t } = useT();
  const p = `q${index}.`;
  const err = (f: string) => errors?.[p + f];
  const errorText = (f: string) =>
    err(f) ? (
      <p className="error" id={`${p}${f}-error`}>
        {err(f)!.map((e) => translateMessage(t, e)).join(" ")}
      </p>
    ) : null;
  const described = (f: string) => (err(f) ? `${p}${f}-error` : undefined);
  return (
    <fieldset className="question-row">
      <legend>{question ? t("trainingEval.editor.question", { n: index + 1 }) : t("trainingEval.editor.newQuestion", { n: index + 1 })}</legend>
      {question ? <input type="hidden" name={`${p}key`} value={question.key} /> : null}
      <div className="field">
        <label htmlFor={`${p}labelFr`}>{t("trainingEval.editor.labelFr")}</label>
        <input type="text" id={`${p}labelFr`} name={`${p}labelFr`} defaultValue={question?.labelFr} maxLength={300} aria-invalid={err("labelFr") ? true : undefined} aria-describedby={described("labelFr")} />
        {errorText("labelFr")}
      </div>
      <div className="field">
        <label htmlFor={`${p}labelEn`}>{t("trainingEval.editor.labelEn")}</label>
        <input type="text" id={`${p}labelEn`} name={`${p}labelEn`} defaultValue={question?.labelEn} maxLength={300} aria-invalid={err("labelEn") ? true : undefined} aria-describedby={described("labelEn")} />
        {errorText("labelEn")}
      </div>
      <div className="field">
        <label htmlFor={`${p}kind`}>{t("trainingEval.editor.kind")}</label>
        <select id={`${p}kind`} name={`${p}kind`} defaultValue={question?.kind ?? "scale"}>
          {questionKinds.map((k) => (
            <option key={k} value={k}>
              {t(`trainingEval.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === "evaluation" ? (
        <>
          <div className="field">
            <label htmlFor={`${p}section`}>{t("trainingEval.editor.section")}</label>
            <select id={`${p}section`} name={`${p}section`} defaultValue={question?.section ?? "satisfaction"}>
              {questionSections.map((s) => (
                <option key={s} value={s}>
                  {t(`trainingEval.section.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${p}correct`}>{t("trainingEval.editor.correct")}</label>
            <select id={`${p}correct`} name={`${p}correct`} defaultValue={question?.correct ?? ""} aria-invalid={err("correct") ? true : undefined} aria-describedby={described("correct")}>
              <option value="">—</option>
              <option value="yes">{t("trainingEval.true")}</option>
              <option value="no">{t("trainingEval.false")}</option>
            </select>
            {errorText("correct")}
          </div>
        </>
      ) : null}
      {question ? (
        <label className="checkbox">
          <input type="checkbox" name={`${p}remove`} value="1" />
          {t("trainingEval.editor.remove")}
        </label>
      ) : null}
    </fieldset>
  );
}

export default function QuestionnaireEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { kind, questions, version } = loaderData;
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t(`trainingEval.editor.title.${kind}`)}</h1>
      <p>{t(`trainingEval.editor.intro.${kind}`)}</p>
      <p className="muted">{version ? t("trainingEval.editor.version", { version }) : t("trainingEval.editor.none")}</p>
      {loaderData.saved && !actionData ? <SavedNotice message="form.saved" /> : null}
      {/* Keyed by version: after a 409 the rows show the current questions, not the stale ones. */}
      <Form method="post" className="stack" key={version}>
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <input type="hidden" name="expectedVersion" value={version} />
        {questions.map((q, i) => (
          <QuestionRow key={q.key} index={i} question={q} kind={kind} errors={actionData?.errors} />
        ))}
        {Array.from({ length: BLANK_ROWS }, (_, j) => (
          <QuestionRow key={`new-${j}`} index={questions.length + j} kind={kind} errors={actionData?.errors} />
        ))}
        <p className="hint">{t("trainingEval.editor.hint")}</p>
        <div className="actions">
          <button type="submit">{t("trainingEval.editor.save")}</button>
        </div>
      </Form>
    </>
  );
}
