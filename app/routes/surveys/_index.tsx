import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_index";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { SurveyEditorFields } from "../../components/surveys/survey-editor.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { listSurveys, surveyOrganizations } from "../../modules/surveys/list-surveys.server.ts";
import { createSurvey } from "../../modules/surveys/save-survey.server.ts";
import { surveySchema } from "../../modules/surveys/survey-schema.ts";

/** The Table's surveys: the coordinator creates and manages them; the evaluator reads results. */
export const policy = needs("survey.results");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "surveys.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const mayManage = can(user.roles, "survey.manage", { partnershipId: user.partnershipId, organizationId: null });
  return { user, partnershipId: user.partnershipId, mayManage };
}

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId, mayManage } = await scoped(args);
  const surveys = await listSurveys(args.context.db, partnershipId);
  return {
    mayManage,
    organizations: mayManage ? await surveyOrganizations(args.context.db, partnershipId, user.locale) : [],
    surveys: surveys.map((s) => ({ id: s.id, titleFr: s.titleFr, titleEn: s.titleEn, status: s.status, closesOn: s.closesOn, anonymous: s.anonymous, invited: s.invited, responses: s.responses })),
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, mayManage } = await scoped(args);
  if (!mayManage) notFound();
  const read = await readForm(args.request, { arrays: ["organizationIds"] });
  const intent = typeof read.values.intent === "string" ? read.values.intent : "";
  const result = read.ok
    ? await dispatchIntent(
        intent,
        {
          create: async (): Promise<Outcome<string>> => {
            const parsed = parseValues(read, surveySchema);
            if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
            return createOnce(args.context.db, submissionOf(read.values, "surveys.create", user.accountId), (tx) => createSurvey(tx, actorOf(user, args.context), partnershipId, parsed.data), (id) => `/surveys/${id}?saved=1`);
          },
        },
        null,
        () => invalidFields({}, "form.invalid"),
      )
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { values: read.values } });
}

const TEMPLATE = "# Section | Section\n? q1 | single | required | Question en français | Question in English\n- yes | Oui | Yes\n- no | Non | No\n";

export default function Surveys({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const v = (actionData && "values" in actionData ? actionData.values : {}) as Record<string, unknown>;
  const s = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  return (
    <>
      <h1>{t("surveys.title")}</h1>
      <p>{t("surveys.intro")}</p>
      {loaderData.surveys.length === 0 ? (
        <p>{t("surveys.none")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("surveys.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.list.survey")}</th>
                <th scope="col">{t("surveys.list.status")}</th>
                <th scope="col">{t("surveys.field.closesOn")}</th>
                <th scope="col">{t("surveys.list.invited")}</th>
                <th scope="col">{t("surveys.list.results")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.surveys.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{loaderData.mayManage ? <Link to={`/surveys/${row.id}`}>{locale === "en" ? row.titleEn : row.titleFr}</Link> : locale === "en" ? row.titleEn : row.titleFr}</th>
                  <td>
                    {t(`surveys.status.${row.status}`)} · {row.anonymous ? t("surveys.anonymous.short") : t("surveys.named.short")}
                  </td>
                  <td>{day(row.closesOn)}</td>
                  <td>{row.invited}</td>
                  <td>
                    <Link to={`/surveys/${row.id}/results`}>{t("surveys.results.link")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaderData.mayManage ? (
        <section aria-labelledby="new-survey">
          <h2 id="new-survey">{t("surveys.new.title")}</h2>
          <Form method="post" className="stack">
            <SubmissionKey />
            <input type="hidden" name="intent" value="create" />
            <SurveyEditorFields
              values={{ titleFr: s("titleFr"), titleEn: s("titleEn"), closesOn: s("closesOn"), definition: s("definition") ?? TEMPLATE, audience: s("audience"), anonymous: s("anonymous") !== "no", asksOrganizationType: s("organizationType") === "yes" }}
              errors={actionData && "errors" in actionData ? (actionData.errors as never) : undefined}
              formError={actionData && "formError" in actionData ? (actionData.formError as string) : undefined}
              organizations={loaderData.organizations}
              started={false}
            />
            <div className="actions">
              <button type="submit">{t("surveys.new.submit")}</button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
