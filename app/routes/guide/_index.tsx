import { Form, Link, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/_index";
import { useT } from "../../i18n/use-t.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { DemoBadge, TranslationBadge, VersionStatusBadge, guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { listGuideModules, listGuideSections } from "../../modules/guide/read-guide.server.ts";
import { searchGuide } from "../../modules/guide/search-guide.server.ts";
import { ensureGuideModules } from "../../modules/guide/write-guide.server.ts";
import { moveGuideSection } from "../../modules/guide/organize-guide.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { requiredId } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** The practice guide's table of contents, with the search box (any member of the Table). */
export const policy = needs("partnership.view");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const language = resolveLocale(args.request, user.locale);
  const q = (requestUrl(args.request).searchParams.get("q") ?? "").slice(0, 100);
  const canEdit = can(user.roles, "guide.edit", { partnershipId: user.partnershipId });
  const canReview = can(user.roles, "guide.review", { partnershipId: user.partnershipId });
  const modules = await listGuideModules(args.context.db, user.partnershipId);
  const sections = await listGuideSections(args.context.db, user.partnershipId);
  const en = language === "en";
  return {
    q,
    hits: q.trim() ? await searchGuide(args.context.db, user.partnershipId, q, language) : null,
    canEdit,
    modules: modules.map((m) => ({
      id: m.id,
      title: en ? m.titleEn : m.titleFr,
      summary: en ? m.summaryEn : m.summaryFr,
      isDemo: m.isDemo,
      sections: sections
        .filter((s) => s.moduleId === m.id && (s.published || canReview))
        .map((s) => {
          const v = s.published ?? s.latest;
          const title = v ? (en && v.content.titleEn ? v.content.titleEn : v.content.titleFr) : "";
          return { id: s.id, title, published: !!s.published, latestStatus: s.latest?.status ?? null, translationStatus: v?.translationStatus ?? null };
        }),
    })),
  };
}

/**
 * Editors start the guide of a Table that has none (the three empty modules) and move
 * sections up and down inside a module. Both are idempotent steps ("action" forms): starting
 * twice keeps the modules, a move at the top or bottom already changes nothing.
 */
export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  await authorize(args, user, "guide.edit");
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const actor = actorOf(user, args.context);
  const input = parseValues(read, intentSchema);
  if (!input.ok) return input.reply;
  if (input.data.intent === "move") {
    const result = await moveGuideSection(args.context.db, actor, { partnershipId: user.partnershipId, sectionId: input.data.sectionId, direction: input.data.direction });
    return respond(result, () => redirect("/guide?done=moved"));
  }
  await ensureGuideModules(args.context.db, actor, user.partnershipId);
  return redirect("/guide");
}

/** Move buttons: a plain POST per section, so ordering works without JavaScript. An unknown intent is a 400. */
const intentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("move"), sectionId: requiredId, direction: z.enum(["up", "down"], { message: "form.invalid" }) }),
    z.object({ intent: z.literal("init") }),
  ],
  { message: "form.invalid" },
);

const doneMessages = { module: "guide.module.saved", moved: "guide.order.moved", archived: "guide.archive.done" } as const;

export default function Guide({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { q, hits, modules, canEdit } = loaderData;
  const [params] = useSearchParams();
  const done = doneMessages[params.get("done") as keyof typeof doneMessages];
  return (
    <>
      <h1>{t("guide.title")}</h1>
      {done ? <SavedNotice message={done} /> : null}
      <p>{t("guide.intro")}</p>
      <Form method="get" role="search" className="stack" aria-label={t("guide.search.label")}>
        <div className="field">
          <label htmlFor="guide-q">{t("guide.search.label")}</label>
          <p className="hint" id="guide-q-hint">
            {t("guide.search.hint")}
          </p>
          <input id="guide-q" name="q" type="search" defaultValue={q} aria-describedby="guide-q-hint" maxLength={100} />
        </div>
        <p className="actions">
          <button type="submit">{t("guide.search.submit")}</button>
        </p>
      </Form>
      {hits ? (
        <section aria-labelledby="guide-results" role="status">
          <h2 id="guide-results">{t("guide.search.results", { q, count: hits.length })}</h2>
          {q.trim().length < 2 ? (
            <p>{t("guide.search.tooShort")}</p>
          ) : hits.length === 0 ? (
            <p>{t("guide.search.none", { q })}</p>
          ) : (
            <ul data-testid="guide-hits">
              {hits.map((hit) => (
                <li key={hit.sectionId}>
                  <Link to={`/guide/sections/${hit.sectionId}`}>{hit.title}</Link> <span className="muted">({hit.moduleTitle})</span>
                  <br />
                  <span lang={hit.language}>{hit.excerpt}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {modules.length === 0 ? <p>{t("guide.noModules")}</p> : null}
      {modules.length === 0 && canEdit ? (
        <Form method="post">
          <input type="hidden" name="intent" value="init" />
          <button type="submit">{t("guide.init.button")}</button>
        </Form>
      ) : null}
      {modules.map((m) => (
        <section key={m.id} aria-labelledby={`module-${m.id}`}>
          <h2 id={`module-${m.id}`}>
            {m.title} {m.isDemo ? <DemoBadge /> : null}
          </h2>
          {m.isDemo ? <p className="muted">{t("guide.demoNotice")}</p> : null}
          {m.summary ? <p>{m.summary}</p> : null}
          {m.sections.length ? (
            <ol>
              {m.sections.map((s, i) => (
                <li key={s.id}>
                  <Link to={`/guide/sections/${s.id}`}>{s.title}</Link>{" "}
                  {!s.published ? <span className="badge">{t("guide.section.unpublished")}</span> : null}
                  {s.latestStatus === "draft" || s.latestStatus === "in_review" ? <VersionStatusBadge status={s.latestStatus} /> : null}
                  {s.translationStatus && s.translationStatus !== "translated" ? <TranslationBadge status={s.translationStatus} /> : null}
                  {canEdit && m.sections.length > 1 ? (
                    <Form method="post" className="guide-order no-print">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="sectionId" value={s.id} />
                      {i > 0 ? (
                        <button type="submit" name="direction" value="up" className="secondary" aria-label={t("guide.order.up", { title: s.title })}>
                          {t("guide.order.upShort")}
                        </button>
                      ) : null}
                      {i < m.sections.length - 1 ? (
                        <button type="submit" name="direction" value="down" className="secondary" aria-label={t("guide.order.down", { title: s.title })}>
                          {t("guide.order.downShort")}
                        </button>
                      ) : null}
                    </Form>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("guide.module.empty")}</p>
          )}
          <p className="actions no-print">
            <Link to={`/guide/print?module=${m.id}`}>{t("guide.module.print", { title: m.title })}</Link>
            <a href={`/guide/pdf?module=${m.id}`} download>
              {t("guide.module.pdf", { title: m.title })}
            </a>
            {canEdit ? <Link to={`/guide/sections/new?module=${m.id}`}>{t("guide.module.newSection", { title: m.title })}</Link> : null}
            {canEdit ? <Link to={`/guide/modules/${m.id}/edit`}>{t("guide.module.edit", { title: m.title })}</Link> : null}
          </p>
        </section>
      ))}
    </>
  );
}
