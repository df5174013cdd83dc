import { Link } from "react-router";
import type { Route } from "./+types/proposals._index";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { can } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { forumGuard } from "../../modules/forum/forum-route.server.ts";
import { listProposals } from "../../modules/forum/open-proposal.server.ts";

/** The proposals of the spaces one reads: open ones (closing soonest first), then the closed ones with their outcome. */
export const policy = needs("network.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "proposals.title");

export async function loader(args: Route.LoaderArgs) {
  const { user, viewer } = await forumGuard(args, policy);
  return {
    proposals: await listProposals(args.context.db, viewer),
    mayPropose: can(user.roles, "network.propose", { partnershipId: viewer.partnershipId, organizationId: null }) || user.roles.some((r) => r.partnershipId === viewer.partnershipId && r.role === "pivot_coordinator"),
  };
}

export default function Proposals({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const open = loaderData.proposals.filter((p) => p.status === "open");
  const closed = loaderData.proposals.filter((p) => p.status === "closed");
  return (
    <>
      <p>
        <Link to="/network">{t("forum.title")}</Link>
      </p>
      <h1>{t("proposals.title")}</h1>
      <p className="lead">{t("proposals.intro")}</p>
      {loaderData.mayPropose ? (
        <p>
          <Link to="/network/proposals/new" className="button">
            {t("proposals.new.title")}
          </Link>
        </p>
      ) : null}
      <h2>{t("proposals.list.open")}</h2>
      {open.length ? (
        <ul>
          {open.map((p) => (
            <li key={p.id}>
              <Link to={`/network/proposals/${p.id}`}>{p.title}</Link> · {t("proposals.page.closesOn", { date: dateTime(p.closesAt) })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("proposals.list.noneOpen")}</p>
      )}
      <h2>{t("proposals.list.closed")}</h2>
      {closed.length ? (
        <ul>
          {closed.map((p) => (
            <li key={p.id}>
              <Link to={`/network/proposals/${p.id}`}>{p.title}</Link>
              {p.outcome ? ` · ${t(`proposals.outcome.${p.outcome}` as MessageKey)}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("proposals.list.noneClosed")}</p>
      )}
    </>
  );
}
