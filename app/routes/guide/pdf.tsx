import type { Route } from "./+types/pdf";
import { translator } from "../../i18n/catalog.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { renderGuidePdf } from "../../modules/guide/guide-pdf.server.ts";
import { getPublishedGuide } from "../../modules/guide/published-guide.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

/** Resource route: the published guide, or one module (?module=), as a PDF in the reader's language. */
export const policy = needs("partnership.view");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const moduleId = requestUrl(args.request).searchParams.get("module");
  if (moduleId !== null && !isUuid(moduleId)) notFound();
  const wanted = resolveLocale(args.request, user.locale);
  const modules = await getPublishedGuide(args.context.db, user.partnershipId, wanted, moduleId ?? undefined);
  if (moduleId && modules.length === 0) notFound();
  const t = translator(wanted);
  const title = moduleId && modules[0] ? `${t("guide.title")} — ${modules[0].title}` : t("guide.title");
  const pdf = await renderGuidePdf(modules, {
    title,
    demoNotice: t("guide.demoNotice"),
    frenchNotice: wanted === "en" ? t("guide.section.frenchNotice") : null,
    exercise: t("guide.exercise"),
    objectives: t("guide.exercise.objectives"),
    duration: (n) => t("guide.exercise.durationLine", { n }),
    material: t("guide.exercise.material"),
    instructions: t("guide.exercise.instructions"),
    empty: t("guide.module.empty"),
  });
  const name = moduleId && modules[0] ? `guide-${modules[0].kind}.pdf` : "guide.pdf";
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
