import type { Route } from "./+types/$surveyId.chart.svg";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { surveyChart } from "../../modules/surveys/survey-chart.server.ts";

/** Resource route: one question's chart of a survey's results, for those who may read the results. */
export const policy = needs("survey.results");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.surveyId)) notFound();
  const questionKey = requestUrl(args.request).searchParams.get("question") ?? "";
  const svg = await surveyChart(args.context.db, {
    partnershipId: user.partnershipId,
    surveyId: args.params.surveyId.toLowerCase(),
    questionKey: questionKey.slice(0, 100),
    locale: resolveLocale(args.request, user.locale),
  });
  if (!svg) notFound();
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, no-store" } });
});
