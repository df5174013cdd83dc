import { Link, NavLink } from "react-router";
import { RichText } from "../rich-text.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { formatDuration } from "../../i18n/format.ts";
import guideCss from "./guide.css?url";
import type { GuideVersionStatus, LocalizedExercise, TranslationStatus } from "../../modules/guide/vocabulary.ts";


/** Route `links` export: the guide's layout and print rules. */
export const guideLinks = () => [{ rel: "stylesheet", href: guideCss }];

export function GuideNav() {
  const { t } = useT();
  return (
    <nav aria-label={t("guide.nav.label")} className="no-print">
      <ul className="subnav">
        <li>
          <NavLink to="/guide" end>
            {t("guide.nav.guide")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/guide/print">{t("guide.nav.print")}</NavLink>
        </li>
        <li>
          <a href="/guide/pdf" download>
            {t("guide.nav.pdf")}
          </a>
        </li>
      </ul>
    </nav>
  );
}

export function VersionStatusBadge({ status }: { status: GuideVersionStatus }) {
  const { t } = useT();
  return <span className="badge">{t(`guide.status.${status}` as MessageKey)}</span>;
}

export function TranslationBadge({ status }: { status: TranslationStatus }) {
  const { t } = useT();
  return (
    <span className="badge" data-testid="translation-status">
      {t("guide.translation.badge", { status: t(`guide.translation.${status}` as MessageKey) })}
    </span>
  );
}

export function DemoBadge() {
  const { t } = useT();
  return <span className="badge">{t("guide.demo")}</span>;
}

/**
 * A section's body and exercises. `lang` marks the texts only: the labels around them are in
 * the interface language, which may differ (an English reader of a French-only section).
 * `headingLevel` is the level of the section title, so the
 * exercises sit one below and the page outline stays right on every page that uses it.
 */
export function SectionBody({
  body,
  exercises,
  headingLevel,
  lang,
}: {
  body: string;
  exercises: LocalizedExercise[];
  headingLevel: 1 | 2 | 3;
  lang?: string;
}) {
  const { t, locale } = useT();
  const Sub = `h${headingLevel + 1}` as "h3";
  const Ex = `h${headingLevel + 2}` as "h4";
  return (
    <div>
      <div lang={lang} data-testid="section-body">
        <RichText source={body} headingLevel={(headingLevel + 1) as 2 | 3 | 4} />
      </div>
      {exercises.length ? (
        <>
          <Sub>{t("guide.exercises")}</Sub>
          {exercises.map((e) => (
            <article key={e.key} className="guide-exercise" id={`exercise-${e.key}`}>
              <Ex>
                {t("guide.exercise")} — <span lang={lang}>{e.title}</span>
              </Ex>
              <dl>
                <dt>{t("guide.exercise.duration")}</dt>
                <dd>{formatDuration(locale, e.durationMinutes)}</dd>
                {e.objectives ? (
                  <>
                    <dt>{t("guide.exercise.objectives")}</dt>
                    <dd lang={lang}>
                      <RichText source={e.objectives} headingLevel={5} />
                    </dd>
                  </>
                ) : null}
                {e.material ? (
                  <>
                    <dt>{t("guide.exercise.material")}</dt>
                    <dd lang={lang}>
                      <RichText source={e.material} headingLevel={5} />
                    </dd>
                  </>
                ) : null}
                {e.instructions ? (
                  <>
                    <dt>{t("guide.exercise.instructions")}</dt>
                    <dd lang={lang}>
                      <RichText source={e.instructions} headingLevel={5} />
                    </dd>
                  </>
                ) : null}
              </dl>
            </article>
          ))}
        </>
      ) : null}
    </div>
  );
}

export function SectionLinks({ sectionId, canEdit, canReview }: { sectionId: string; canEdit: boolean; canReview: boolean }) {
  const { t } = useT();
  if (!canEdit && !canReview) return null;
  return (
    <p className="actions no-print">
      {canEdit ? (
        <Link className="button secondary" to={`/guide/sections/${sectionId}/edit`}>
          {t("guide.section.edit")}
        </Link>
      ) : null}
      {canReview ? (
        <Link className="button secondary" to={`/guide/sections/${sectionId}/versions`}>
          {t("guide.section.history")}
        </Link>
      ) : null}
      {canEdit ? (
        <Link className="button secondary" to={`/guide/sections/${sectionId}/archive`}>
          {t("guide.archive.linkShort")}
        </Link>
      ) : null}
    </p>
  );
}
