import type { Route } from "./+types/print";
import { useT } from "../../i18n/use-t.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { DemoBadge, SectionBody, guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { getPublishedGuide } from "../../modules/guide/published-guide.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

/** The whole published guide (or one module) on one page; the print stylesheet hides the site chrome. */
export const policy = needs("partnership.view");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.print.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const moduleId = requestUrl(args.request).searchParams.get("module");
  if (moduleId !== null && !isUuid(moduleId)) notFound();
  const wanted = resolveLocale(args.request, user.locale);
  const modules = await getPublishedGuide(args.context.db, user.partnershipId, wanted, moduleId ?? undefined);
  if (moduleId && modules.length === 0) notFound();
  return { modules, wanted, moduleId };
}

export default function GuidePrint({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { modules, wanted, moduleId } = loaderData;
  return (
    <>
      <h1>{moduleId && modules[0] ? modules[0].title : t("guide.print.title")}</h1>
      <p className="muted no-print">{t("guide.print.hint")}</p>
      <p className="no-print">
        <a href={moduleId ? `/guide/pdf?module=${moduleId}` : "/guide/pdf"} download>
          {moduleId && modules[0] ? t("guide.module.pdf", { title: modules[0].title }) : t("guide.nav.pdf")}
        </a>
      </p>
      {modules.map((m) => (
        <section key={m.id} className="guide-print-module" aria-labelledby={`print-${m.id}`}>
          <h2 id={`print-${m.id}`}>
            {m.title} {m.isDemo ? <DemoBadge /> : null}
          </h2>
          {m.summary ? <p>{m.summary}</p> : null}
          {m.sections.length === 0 ? <p>{t("guide.module.empty")}</p> : null}
          {m.sections.map((s) => (
            <article key={s.id} className="guide-print-section" aria-labelledby={`print-s-${s.id}`}>
              <h3 id={`print-s-${s.id}`} lang={s.language}>
                {s.title}
              </h3>
              {wanted === "en" && s.language === "fr" ? (
                <p className="alert warning">
                  {t("guide.section.frenchNotice")}
                </p>
              ) : null}
              <SectionBody body={s.body} exercises={s.exercises} headingLevel={3} lang={s.language} />
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
