import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/audit";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { Pager, withParams } from "../../components/pagination.tsx";
import { AuditFilters, AuditTable } from "../../components/admin-audit.tsx";
import { useT } from "../../i18n/use-t.ts";
import { can } from "../../modules/authz/decide.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { listAuditEvents, parseAuditFilters, recordAuditViewed } from "../../modules/audit/list-audit-events.server.ts";
import { verifyAuditChain } from "../../modules/audit/verify-audit-chain.server.ts";
import { listPartnerships } from "../../modules/governance/list-partnerships.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

export const policy = needs("audit.read");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.audit.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const db = args.context.db;
  // Only a grant that holds everywhere (platform admin) reads across Tables.
  const global = can(user.roles, "audit.read", { partnershipId: null });
  if (!global && !user.partnershipId) notFound();
  const filters = parseAuditFilters(requestUrl(args.request).searchParams);
  const partnershipId = global ? (filters.table ?? null) : user.partnershipId;
  const page = await listAuditEvents(db, {
    partnershipId,
    action: filters.action,
    actorEmail: filters.actor,
    targetType: filters.targetType,
    from: filters.from,
    to: filters.to,
    before: filters.before,
    after: filters.after,
  });
  const chain = global && filters.verify ? await verifyAuditChain(db) : null;
  await recordAuditViewed(db, actorOf(user, args.context), { partnershipId, filters });
  const tables = global ? (await listPartnerships(db)).map((p) => ({ id: p.id, nameFr: p.nameFr, nameEn: p.nameEn })) : null;
  return { ...page, chain, canVerify: global, tables, filters };
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const [search] = useSearchParams();
  const { events, olderCursor, newerCursor, chain, canVerify, tables, filters } = loaderData;
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("admin.audit.title")}</h1>
      <p>{t("admin.audit.intro")}</p>
      {canVerify ? (
        <section aria-labelledby="chain-heading">
          <h2 id="chain-heading">{t("admin.audit.chainTitle")}</h2>
          {chain?.ok ? (
            <p className="alert success" role="status">
              {t("admin.audit.chainOk", { count: chain.count })}
            </p>
          ) : chain ? (
            <div className="alert error" role="status">
              <p>{t("admin.audit.chainBroken", { count: chain.broken.length, total: chain.count })}</p>
              <ul>
                {chain.broken.map(({ id, reason }) => (
                  <li key={`${id}-${reason}`}>
                    {t("admin.audit.brokenEvent", {
                      id,
                      reason: t(reason === "hash_mismatch" ? "admin.audit.reason.hashMismatch" : "admin.audit.reason.brokenLink"),
                    })}
                  </li>
                ))}
              </ul>
              {chain.truncated ? <p>{t("admin.audit.brokenTruncated", { count: chain.broken.length })}</p> : null}
            </div>
          ) : null}
          <p>
            <Link className="button secondary" to={withParams(search, { verify: 1, before: null, after: null })}>
              {t("admin.audit.verify")}
            </Link>
          </p>
        </section>
      ) : null}
      <AuditFilters filters={{ ...filters, verify: undefined }} tables={tables} />
      {events.length === 0 ? <p>{t("admin.audit.empty")}</p> : <AuditTable events={events} />}
      <Pager
        previous={newerCursor ? withParams(search, { after: newerCursor, before: null, verify: null }) : null}
        next={olderCursor ? withParams(search, { before: olderCursor, after: null, verify: null }) : null}
      />
    </>
  );
}
