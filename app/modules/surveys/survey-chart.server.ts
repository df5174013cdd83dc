import type { Database } from "../db/client.server.ts";
import { renderChart } from "../charts/render-chart.server.ts";
import { getSurveyResults } from "./get-results.server.ts";
import { getSurvey } from "./list-surveys.server.ts";

/**
 * One question's bar chart of a survey's results, as an SVG image of its own: the results page
 * points at it (`<img>`) so the drawing is not sent twice (markup and page data). Figures come
 * from the same protected results as the page's table; a survey or question not found, not yet
 * shown (under the threshold) or without figures is `null` (the route answers 404).
 */
export async function surveyChart(db: Database, input: { partnershipId: string; surveyId: string; questionKey: string; locale: "fr" | "en" }): Promise<string | null> {
  const found = await getSurvey(db, input.partnershipId, input.surveyId);
  if (!found) return null;
  const results = await getSurveyResults(db, found.survey, input.locale, input.questionKey);
  if (!results.shown) return null;
  const q = results.questions.find((x) => x.key === input.questionKey && x.kind !== "matrix" && x.figures.length > 0);
  if (!q) return null;
  return renderChart({ kind: "bar", title: q.label, desc: "", locale: input.locale, unit: "percent", suppressedMark: "x", points: q.figures.map((f) => ({ label: f.label, value: f.percent })) });
}
