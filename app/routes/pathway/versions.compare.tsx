import { Link } from "react-router";
import { VersionCompare } from "../../components/version-compare.tsx";
import type { Route } from "./+types/versions.compare";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { compareContents } from "../../modules/pathway/compare-versions.ts";
import { getPathwayVersion } from "../../modules/pathway/list-pathway-versions.server.ts";

import { pageTitle } from "../../i18n/page-title.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

/** Two versions of the Table's pathway side by side, as a line diff per text and language. */
export const policy = needs("pathway.edit");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "pathway.compare.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const url = requestUrl(args.request);
  const fromId = url.searchParams.get("from");
  const toId = url.searchParams.get("to");
  if (!isUuid(fromId) || !isUuid(toId)) notFound();
  const from = await getPathwayVersion(args.context.db, user.partnershipId, fromId);
  const to = await getPathwayVersion(args.context.db, user.partnershipId, toId);
  if (!from || !to) notFound();
  return {
    from: { id: from.id, number: from.number },
    to: { id: to.id, number: to.number },
    texts: compareContents(from.content, to.content),
  };
}

export default function ComparePathwayVersions({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { from, to, texts } = loaderData;
  return (
    <VersionCompare
      heading={t("pathway.compare.heading", { from: from.number, to: to.number })}
      links={
        <>
          <Link to={`/pathway/versions/${from.id}`}>{t("pathway.versions.open", { number: from.number })}</Link>
          {" · "}
          <Link to={`/pathway/versions/${to.id}`}>{t("pathway.versions.open", { number: to.number })}</Link>
        </>
      }
      texts={texts.map((text) => ({
        ...text,
        id: `${text.language}.${text.key}`,
        label: `${t(`pathway.text.${text.key}` as MessageKey)} (${t(`pathway.language.${text.language}` as MessageKey)})`,
      }))}
      noChanges={t("pathway.compare.noChanges")}
      legend={t("pathway.compare.legend")}
      addedLabel={t("pathway.compare.added")}
      removedLabel={t("pathway.compare.removed")}
    />
  );
}
