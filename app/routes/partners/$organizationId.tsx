import { Link } from "react-router";
import type { Route } from "./+types/$organizationId";
import { useT, useDay } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { loadContributionRow } from "../../modules/partners/contribution-matrix.server.ts";
import { idParam, mayOn, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { getPartnerProfile } from "../../modules/partners/partner-pages.server.ts";
import type { PartnerPerson } from "../../modules/partners/partner-people.server.ts";
import { CommitmentBadge, DelegateHistory, useTenure, useOrgName } from "../../components/partners/partners-ui.tsx";
import { contributionDomains } from "../../modules/partners/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";

/** One partner's profile: who they are, their people in the partnership, commitment, contributions, delegates' history. */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(matches, "partners.title", undefined, data?.profile.organization.nameFr);

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const organizationId = idParam(args, "organizationId");
  const profile = await getPartnerProfile(args.context.db, partnershipId, organizationId, quebecDay());
  if (!profile) notFound();
  const contributions = await loadContributionRow(args.context.db, partnershipId, organizationId);
  return {
    saved: requestUrl(args.request).searchParams.has("saved"),
    profile,
    contributions: contributions?.cells ?? null,
    may: {
      editProfile: mayOn(user, "partner.profile.edit", organizationId),
      manageDelegates: mayOn(user, "partner.delegates.manage", organizationId),
      editMatrix: mayOn(user, "partner.matrix.edit", organizationId),
      readCommitments: mayOn(user, "commitment.read"),
    },
  };
}

function People({ title, people }: { title: string; people: (PartnerPerson & { siteName?: string | null; rank?: string })[] }) {
  const { t } = useT();
  return (
    <>
      <dt>{title}</dt>
      {people.length === 0 ? <dd className="muted">{t("partners.role.nobody")}</dd> : null}
      {people.map((p) => (
        <dd key={p.personId}>
          {p.givenName} {p.familyName}
          {p.title ? <span className="muted"> — {p.title}</span> : null}
          {p.siteName ? <span className="muted"> ({p.siteName})</span> : null}
          {p.rank === "backup" ? <span className="muted"> · {t("partners.role.backup")}</span> : null}
        </dd>
      ))}
    </>
  );
}

export default function PartnerProfilePage({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const tenure = useTenure();
  const orgName = useOrgName();
  const { profile, may, contributions } = loaderData;
  const o = profile.organization;
  const fields = ["mission", "mandate", "culture", "services", "territory"] as const;
  const latest = profile.latestCommitment;
  return (
    <>
      <h1>
        {orgName(o)}
        {o.acronym ? <span className="muted"> ({o.acronym})</span> : null}
      </h1>
      {loaderData.saved ? <SavedNotice message="partners.edit.saved" /> : null}
      <p className="muted">
        {o.joinedOn ? t("partners.profile.joined", { date: day(o.joinedOn) }) : null}
        {o.leftOn ? ` ${t("partners.profile.left", { date: day(o.leftOn) })}` : null}
      </p>
      {may.editProfile || may.manageDelegates ? (
        <p className="actions">
          {may.editProfile ? <Link to={`/partners/${o.id}/edit`}>{t("partners.profile.edit")}</Link> : null}
          {may.manageDelegates ? <Link to={`/partners/${o.id}/delegates`}>{t("partners.profile.manageDelegates")}</Link> : null}
        </p>
      ) : null}

      <section aria-labelledby="about">
        <h2 id="about">{t("partners.profile.about")}</h2>
        <dl className="partner-fields">
          {fields.map((f) => (
            <div key={f}>
              <dt>{t(`partners.profile.${f}`)}</dt>
              <dd lang="fr">{o[f] || <span className="muted">{t("partners.profile.empty")}</span>}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="people">
        <h2 id="people">{t("partners.profile.people")}</h2>
        <dl className="partner-people">
          <People title={t("partners.role.delegates")} people={profile.people.delegates} />
          <People title={t("partners.role.substitutes")} people={profile.people.substitutes} />
          <People title={t("partners.role.pivotCoordinators")} people={profile.people.pivotCoordinators} />
          <People title={t("partners.role.pivots")} people={profile.people.pivots} />
          <People title={t("partners.role.trainers")} people={profile.people.trainers} />
        </dl>
      </section>

      <section aria-labelledby="commitment">
        <h2 id="commitment">{t("partners.profile.commitment")}</h2>
        <p>
          <CommitmentBadge status={profile.commitmentStatus} />{" "}
          {latest
            ? t("partners.profile.commitmentDetail", {
                number: latest.textNumber,
                start: day(latest.startsOn),
                end: day(latest.endsOn),
                name: latest.signatoryName,
              })
            : t("partners.status.never")}
        </p>
        {may.readCommitments ? (
          <p>
            <Link to="/partners/commitments">{t("partners.profile.seeCommitments")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="contributions">
        <h2 id="contributions">{t("partners.profile.contributions")}</h2>
        {contributions && contributionDomains.some((d) => contributions[d]) ? (
          <dl className="partner-fields">
            {contributionDomains
              .filter((d) => contributions[d])
              .map((d) => (
                <div key={d}>
                  <dt>{t(`partners.domain.${d}`)}</dt>
                  <dd lang="fr">{contributions[d]}</dd>
                </div>
              ))}
          </dl>
        ) : (
          <p className="muted">{t("partners.profile.noContribution")}</p>
        )}
        {may.editMatrix ? (
          <p>
            <Link to={`/partners/matrix/${o.id}`}>{t("partners.profile.editContributions")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t("partners.history.title")}</h2>
        <p>{t("partners.history.turnover", { changes: profile.turnover.changes, tenure: tenure(profile.turnover.averageTenureMonths) })}</p>
        <DelegateHistory terms={profile.terms} />
      </section>
    </>
  );
}
