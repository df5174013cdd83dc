import { Link } from "react-router";
import type { Route } from "./+types/sections.$sectionId";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { DemoBadge, SectionBody, SectionLinks, TranslationBadge, guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { toReaderSection } from "../../modules/guide/published-guide.server.ts";
import { getGuideSection } from "../../modules/guide/read-guide.server.ts";
import { subjectTalk } from "../../modules/forum/subjects.server.ts";
import { SubjectDiscussion } from "../../components/forum/subject-discussion.tsx";

/** One published section of the guide, in the reader's language (or French with a notice). */
export const policy = needs("partnership.view");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches, data }) => [
  { title: `${data?.section?.title ?? pageTitle(matches, "guide.title")[0]!.title} — Filet` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  if (!isUuid(args.params.sectionId)) notFound();
  const entry = await getGuideSection(args.context.db, user.partnershipId, args.params.sectionId);
  const canEdit = can(user.roles, "guide.edit", { partnershipId: user.partnershipId });
  const canReview = can(user.roles, "guide.review", { partnershipId: user.partnershipId });
  // A never-published section exists only for the people who write and review it.
  if (!entry || (!entry.published && !canReview)) notFound();
  const wanted = resolveLocale(args.request, user.locale);
  // The section's discussion in the whole network's space (issue 14 §1): none for a reader outside the network.
  const talk = entry.published ? await subjectTalk(args.context.db, user, "guide_section", { kind: "network" }, [entry.id]) : null;
  return {
    talk,
    wanted,
    section: entry.published ? toReaderSection({ id: entry.id, isDemo: entry.isDemo, published: entry.published }, wanted) : null,
    sectionId: entry.id,
    latestId: entry.latest?.id ?? null,
    canEdit,
    canReview,
  };
}

export default function GuideSection({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { date } = useFormatters();
  const { section, sectionId, latestId, wanted, canEdit, canReview } = loaderData;
  if (!section) {
    return (
      <>
        <h1>{t("guide.section.noPublished")}</h1>
        <SectionLinks sectionId={sectionId} canEdit={canEdit} canReview={canReview} />
        {latestId ? (
          <p>
            <Link to={`/guide/versions/${latestId}`}>{t("guide.section.history")}</Link>
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <article>
        <h1>
          <span lang={section.language}>{section.title}</span> {section.isDemo ? <DemoBadge /> : null}
        </h1>
        <p>
          <TranslationBadge status={section.translationStatus} />
        </p>
        {wanted === "en" && section.language === "fr" ? (
          <p className="alert warning" role="note">
            {t("guide.section.frenchNotice")}
          </p>
        ) : null}
        {wanted === "en" && section.language === "en" && section.translationStatus === "to_review" ? (
          <p className="alert" role="note">
            {t("guide.section.toReviewNotice")}
          </p>
        ) : null}
        {section.isDemo ? <p className="muted">{t("guide.demoNotice")}</p> : null}
        <SectionBody body={section.body} exercises={section.exercises} headingLevel={1} lang={section.language} />
      </article>
      {section.publishedAt ? (
        <p className="muted">{t("guide.section.versionInfo", { number: section.number, date: date(section.publishedAt) })}</p>
      ) : null}
      <SectionLinks sectionId={section.id} canEdit={canEdit} canReview={canReview} />
      {loaderData.talk ? (
        // A div, not a p: the discussion may be a form, which a p cannot hold.
        <div className="no-print subject-talk">
          <SubjectDiscussion talk={loaderData.talk} type="guide_section" id={section.id} />
        </div>
      ) : null}
      <p className="no-print">
        <Link to="/guide">{t("guide.section.back")}</Link>
      </p>
    </>
  );
}
