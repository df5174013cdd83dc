import { Link } from "react-router";
import { VersionCompare } from "../../components/version-compare.tsx";
import type { Route } from "./+types/versions.compare";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { compareGuideContents } from "../../modules/guide/compare-guide-versions.ts";
import { guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { getGuideVersion } from "../../modules/guide/read-guide.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

/** Two versions of one section, as a line diff per part and language. */
export const policy = needs("guide.review");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.versions.compare");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const url = requestUrl(args.request);
  const fromId = url.searchParams.get("from");
  const toId = url.searchParams.get("to");
  if (!isUuid(fromId) || !isUuid(toId)) notFound();
  const from = await getGuideVersion(args.context.db, user.partnershipId, fromId);
  const to = await getGuideVersion(args.context.db, user.partnershipId, toId);
  // Versions of two different sections are not a meaningful comparison.
  if (!from || !to || from.sectionId !== to.sectionId) notFound();
  return {
    sectionId: from.sectionId,
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    diffs: compareGuideContents(from.content, to.content),
  };
}

export default function CompareGuideVersions({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { from, to, diffs, sectionId } = loaderData;
  return (
    <VersionCompare
      heading={t("guide.compare.title", { from: from.number, to: to.number })}
      links={
        <>
          <Link to={`/guide/versions/${from.id}`}>{t("guide.versions.open", { number: from.number })}</Link>
          {" · "}
          <Link to={`/guide/versions/${to.id}`}>{t("guide.versions.open", { number: to.number })}</Link>
          {" · "}
          <Link to={`/guide/sections/${sectionId}/versions`}>{t("guide.section.history")}</Link>
        </>
      }
      texts={diffs.map((d) => ({
        ...d,
        id: `${d.language}.${d.part}`,
        label: `${t(`guide.compare.part.${d.part}` as MessageKey)} (${t(`guide.language.${d.language}` as MessageKey)})`,
      }))}
      noChanges={t("guide.compare.noChanges")}
      legend={t("guide.compare.legend")}
      addedLabel={t("guide.compare.added")}
      removedLabel={t("guide.compare.removed")}
    />
  );
}
