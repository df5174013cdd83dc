import type { Route } from "./+types/pdf";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { renderGuidePdf } from "../../modules/guide/guide-pdf.server.ts";
import { getPublishedGuide } from "../../modules/guide/published-guide.server.ts";
import { pdfContext } from "../../modules/pdf/pdf-context.server.ts";
import { pdfResponse } from "../../modules/pdf/pdf-response.server.ts";
import { resourceLoader } from "../../modules/http/resource-route.server.ts";

/** Resource route: the published guide, or one module (?module=), as a PDF in the reader's language. */
export const policy = needs("partnership.view");

export const loader = resourceLoader(async (args: Route.LoaderArgs) => {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const moduleId = requestUrl(args.request).searchParams.get("module");
  if (moduleId !== null && !isUuid(moduleId)) notFound();
  const wanted = resolveLocale(args.request, user.locale);
  const modules = await getPublishedGuide(args.context.db, user.partnershipId, wanted, moduleId ?? undefined);
  if (moduleId && modules.length === 0) notFound();
  const ctx = await pdfContext(args.context.db, user.partnershipId, wanted);
  const title = moduleId && modules[0] ? `${ctx.t("guide.title")} — ${modules[0].title}` : ctx.t("guide.title");
  const name = moduleId && modules[0] ? `guide-${modules[0].kind}.pdf` : "guide.pdf";
  return pdfResponse(await renderGuidePdf(modules, title, ctx), name);
});
