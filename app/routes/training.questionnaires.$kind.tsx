import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/training.questionnaires.$kind";
import { ErrorSummary, translateMessage, type FieldErrors } from "../components/form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { parseQuestionnaireForm } from "../modules/training-evaluation/questionnaire-form.ts";
import { loadQuestionnaire, saveQuestionnaire } from "../modules/training-evaluation/questionnaires.server.ts";
import { questionKinds, questionnaireKinds, questionSections, type Question, type QuestionnaireKind } from "../modules/training-evaluation/vocabulary.ts";
import { requestUrl } from "../modules/forms/request-url.ts";

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

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const kind = kindOf(args.params.kind);
  const form = await args.request.formData();
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const expectedVersion = Number(values.expectedVersion);
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) return data({ errors: {} as FieldErrors, formError: "form.invalid" }, { status: 400 });
  const parsed = parseQuestionnaireForm(values, kind);
  if (!parsed.ok) return data({ errors: parsed.errors as FieldErrors, formError: undefined }, { status: 400 });
  const result = await saveQuestionnaire(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    kind,
    questions: parsed.questions,
    expectedVersion,
    personId: user.personId,
  });
  if (result.status === "conflict") return data({ errors: {} as FieldErrors, formError: "form.conflict" }, { status: 409 });
  return redirect(`/training/questionnaires/${kind}?saved=1`);
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
      {loaderData.saved && !actionData ? (
        <p className="alert success" role="status">
          {t("form.saved")}
        </p>
      ) : null}
      <Form method="post" className="stack">
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
