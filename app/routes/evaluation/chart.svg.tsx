import type { Route } from "./+types/chart.svg";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";
import { chartImage } from "../../modules/indicators/chart-image.server.ts";
import { valueOf } from "../../modules/outcome/respond.server.ts";

/** Resource route: one evaluation chart as an SVG image (the dashboard's progress, an indicator's breakdown or trend). */
export const policy = needs("evaluation.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const q = requestUrl(args.request).searchParams;
  const svg = valueOf(
    await chartImage(args.context.db, {
      partnershipId: user.partnershipId,
      chart: q.get("chart"),
      code: q.get("code"),
      periodKey: q.get("period"),
      by: q.get("by"),
      exact: can(user.roles, "evaluation.exact_figures", { partnershipId: user.partnershipId }),
      locale: resolveLocale(args.request, user.locale),
    }),
  );
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, no-store" } });
});
