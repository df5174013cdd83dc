import { Link } from "react-router";
import type { Route } from "./+types/commitments.text.$versionId";
import { RichText } from "../../components/rich-text.tsx";
import { useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { getCommitmentText } from "../../modules/partners/commitment-text.server.ts";
import { idParam, mayOn, partnersUser } from "../../modules/partners/partner-access.server.ts";

/** One version of the commitment text, in the reader's language (drafts only to the coordinator). */
export const policy = needs("commitment.read");

export const meta: Route.MetaFunction = ({ matches, data }) => pageTitle(matches, "partners.text.view", { number: data?.version.number ?? "" });

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const version = await getCommitmentText(args.context.db, partnershipId, idParam(args, "versionId"));
  if (!version || (version.status === "draft" && !mayOn(user, "commitment.manage"))) notFound();
  return { version: { ...version, publishedAt: version.publishedAt?.toISOString() ?? null, createdAt: version.createdAt.toISOString() } };
}

export default function CommitmentTextVersion({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const v = loaderData.version;
  return (
    <>
      <p>
        <Link to="/partners/commitments/text">{t("partners.text.back")}</Link>
      </p>
      <h1>{t("partners.text.view", { number: v.number })}</h1>
      <p>
        <span className="badge">{t(`partners.text.status.${v.status}`)}</span>
      </p>
      <article lang={locale}>
        <h2>{locale === "en" ? v.titleEn : v.titleFr}</h2>
        <RichText source={locale === "en" ? v.bodyEn : v.bodyFr} headingLevel={3} />
      </article>
    </>
  );
}
