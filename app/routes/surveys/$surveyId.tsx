import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/$surveyId";
import { PostButton } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SurveyEditorFields } from "../../components/surveys/survey-editor.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields, map, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { definitionText } from "../../modules/surveys/definition-text.ts";
import { getSurvey, surveyOrganizations } from "../../modules/surveys/list-surveys.server.ts";
import { closeSurvey, openSurvey } from "../../modules/surveys/open-survey.server.ts";
import { updateSurvey } from "../../modules/surveys/save-survey.server.ts";
import { surveyEditSchema, versionOnly } from "../../modules/surveys/survey-schema.ts";

/** One survey for the coordinator: edit (a published definition makes a new draft version), open, close. */
export const policy = needs("survey.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "surveys.edit.title");

export const shouldRevalidate = revalidateAfterConflict;

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.surveyId)) notFound();
  const found = await getSurvey(args.context.db, user.partnershipId, args.params.surveyId.toLowerCase());
  if (!found) notFound();
  return { user, partnershipId: user.partnershipId, ...found };
}

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId, survey, latest } = await scoped(args);
  return {
    survey: { id: survey.id, titleFr: survey.titleFr, titleEn: survey.titleEn, anonymous: survey.anonymous, asksOrganizationType: survey.asksOrganizationType, audience: survey.audience, organizationIds: survey.audienceOrganizationIds, closesOn: survey.closesOn, status: survey.status, version: survey.version },
    definition: latest ? definitionText(latest.sections) : "",
    definitionNumber: latest?.number ?? 0,
    draftPending: !!latest && !latest.published && survey.status !== "draft",
    organizations: await surveyOrganizations(args.context.db, partnershipId, user.locale),
    saved: requestUrl(args.request).searchParams.get("saved"),
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, survey } = await scoped(args);
  const read = await readForm(args.request, { arrays: ["organizationIds"] });
  const intent = typeof read.values.intent === "string" ? read.values.intent : "";
  const actor = actorOf(user, args.context);
  const db = args.context.db;
  const here = (saved: string) => `/surveys/${survey.id}?saved=${saved}`;
  const result = read.ok
    ? await dispatchIntent(
        intent,
        {
          save: async (): Promise<Outcome<string>> => {
            const parsed = parseValues(read, surveyEditSchema);
            if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
            return map(await updateSurvey(db, actor, partnershipId, survey.id, parsed.data.version, parsed.data), () => here("saved"));
          },
          open: async (): Promise<Outcome<string>> => {
            const parsed = parseValues(read, versionOnly);
            if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
            return map(await openSurvey(db, actor, { partnershipId, surveyId: survey.id, expectedVersion: parsed.data.version, publicUrl: args.context.config.publicUrl, now: new Date() }), () => here("opened"));
          },
          close: async (): Promise<Outcome<string>> => {
            const parsed = parseValues(read, versionOnly);
            if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
            return map(await closeSurvey(db, actor, { partnershipId, surveyId: survey.id, expectedVersion: parsed.data.version, now: new Date() }), () => here("closed"));
          },
        },
        null,
        () => invalidFields({}, "form.invalid"),
      )
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { values: read.values }, refused: 409 });
}

export default function SurveyEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { survey } = loaderData;
  const v = (actionData && "values" in actionData ? actionData.values : {}) as Record<string, unknown>;
  const s = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
  return (
    <>
      <p>
        <Link to="/surveys">{t("surveys.title")}</Link>
      </p>
      <h1>{locale === "en" ? survey.titleEn : survey.titleFr}</h1>
      {loaderData.saved ? <SavedNotice message={`surveys.saved.${loaderData.saved === "opened" ? "opened" : loaderData.saved === "closed" ? "closed" : "saved"}`} /> : null}
      <p>
        {t(`surveys.status.${survey.status}`)} · {t("surveys.field.closesOn")} {day(survey.closesOn)} · {t("surveys.edit.definitionNumber", { n: loaderData.definitionNumber })}
      </p>
      {loaderData.draftPending ? <p className="alert">{t("surveys.edit.draftPending")}</p> : null}
      <div className="actions">
        {survey.status !== "open" ? (
          <PostButton fields={{ intent: "open", version: String(survey.version) }}>{t("surveys.edit.open")}</PostButton>
        ) : (
          <PostButton fields={{ intent: "close", version: String(survey.version) }}>{t("surveys.edit.close")}</PostButton>
        )}
        <Link to={`/surveys/${survey.id}/results`}>{t("surveys.results.link")}</Link>
      </div>
      <h2>{t("surveys.edit.heading")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={survey.version} />
        <SurveyEditorFields
          values={{
            titleFr: s("titleFr") ?? survey.titleFr,
            titleEn: s("titleEn") ?? survey.titleEn,
            anonymous: survey.anonymous,
            asksOrganizationType: survey.asksOrganizationType,
            audience: survey.audience,
            organizationIds: survey.organizationIds,
            closesOn: s("closesOn") ?? survey.closesOn,
            definition: s("definition") ?? loaderData.definition,
          }}
          errors={actionData && "errors" in actionData ? (actionData.errors as never) : undefined}
          formError={actionData && "formError" in actionData ? (actionData.formError as string) : undefined}
          organizations={loaderData.organizations}
          started={survey.status !== "draft"}
        />
        <div className="actions">
          <button type="submit">{t("surveys.edit.save")}</button>
        </div>
      </Form>
    </>
  );
}
