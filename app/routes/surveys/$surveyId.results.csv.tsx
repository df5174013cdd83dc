import type { Route } from "./+types/$surveyId.results.csv";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { downloadResponse } from "../../modules/exports/download.server.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { exportSurveyResults } from "../../modules/surveys/export-results.server.ts";
import { getSurvey } from "../../modules/surveys/list-surveys.server.ts";

/** Resource route: a survey's protected results as CSV, audited with the file's hash. */
export const policy = needs("survey.results");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.surveyId)) notFound();
  const found = await getSurvey(args.context.db, user.partnershipId, args.params.surveyId.toLowerCase());
  if (!found) notFound();
  const body = await exportSurveyResults(args.context.db, actorOf(user, args.context), found.survey, "csv", user.locale);
  return downloadResponse(body, { filename: user.locale === "en" ? "survey-results" : "resultats-sondage", type: "csv" });
});
