import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/sections.$sectionId.versions";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { can } from "../../modules/authz/decide.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { SectionLinks, TranslationBadge, VersionStatusBadge, guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { getGuideSection, listSectionVersions } from "../../modules/guide/read-guide.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { VersionPicker } from "../../components/version-compare.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";

/** A section's history (every version, its state and translation status) and the compare form. */
export const policy = needs("guide.review");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.section.history");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sectionId)) notFound();
  const entry = await getGuideSection(args.context.db, user.partnershipId, args.params.sectionId);
  if (!entry) notFound();
  const versions = await listSectionVersions(args.context.db, user.partnershipId, entry.id);
  return {
    sectionId: entry.id,
    title: (entry.published ?? entry.latest)?.content.titleFr ?? "",
    canEdit: can(user.roles, "guide.edit", { partnershipId: user.partnershipId }),
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      status: v.status,
      translationStatus: v.translationStatus,
      changeNote: v.changeNote,
      createdAt: v.createdAt,
    })),
  };
}

export default function GuideSectionVersions({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const [params] = useSearchParams();
  const { sectionId, title, versions, canEdit } = loaderData;
  return (
    <>
      <h1>{t("guide.versions.title", { title })}</h1>
      {params.get("done") === "saved" ? <SavedNotice message="guide.version.done.saved" /> : null}
      <SectionLinks sectionId={sectionId} canEdit={canEdit} canReview={false} />
      <TableScroll label={t("guide.versions.caption")}>
        <table>
          <caption>{t("guide.versions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("guide.versions.number")}</th>
              <th scope="col">{t("guide.versions.status")}</th>
              <th scope="col">{t("guide.versions.translation")}</th>
              <th scope="col">{t("guide.versions.created")}</th>
              <th scope="col">{t("guide.versions.note")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  <Link to={`/guide/versions/${v.id}`} aria-label={t("guide.versions.open", { number: v.number })}>
                    {v.number}
                  </Link>
                </th>
                <td>
                  <VersionStatusBadge status={v.status} />
                </td>
                <td>
                  <TranslationBadge status={v.translationStatus} />
                </td>
                <td>{dateTime(v.createdAt)}</td>
                <td>{v.changeNote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {versions.length > 1 ? (
        <VersionPicker
          action="/guide/versions/compare"
          heading={t("guide.versions.compare")}
          fromLabel={t("guide.versions.from")}
          toLabel={t("guide.versions.to")}
          submitLabel={t("guide.versions.compareSubmit")}
          options={versions.map((v) => ({ id: v.id, label: String(v.number) }))}
          defaultFrom={versions[1]!.id}
          defaultTo={versions[0]!.id}
        />
      ) : null}
    </>
  );
}
