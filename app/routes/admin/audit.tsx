import { Link, useSearchParams } from "react-router";
import type { Route } from "./+types/audit";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { Pager, withParams } from "../../components/pagination.tsx";
import { AuditFilters, AuditTable } from "../../components/admin-audit.tsx";
import { useT } from "../../i18n/use-t.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { auditScope } from "../../modules/audit/audit-scope.server.ts";
import { describeAuditEvents } from "../../modules/audit/describe-audit-events.server.ts";
import {
  listAuditEvents,
  recordAuditViewed,
} from "../../modules/audit/list-audit-events.server.ts";
import { verifyAuditChainAsked } from "../../modules/audit/verify-audit-chain.server.ts";
import { listPartnerships } from "../../modules/governance/list-partnerships.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

export const policy = needs("audit.read");

export const meta: Route.MetaFunction = ({ matches }) =>
  adminTitle(matches, "admin.audit.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const db = args.context.db;
  const scope = auditScope(user, requestUrl(args.request).searchParams);
  if (!scope) notFound();
  const { global, partnershipId, filters } = scope;
  const actor = actorOf(user, args.context);
  const page = await listAuditEvents(db, scope.query);
  const events = await describeAuditEvents(
    db,
    page.events,
    resolveLocale(args.request, user.locale),
  );
  const chain = filters.verify
    ? await verifyAuditChainAsked(db, actor, global ? null : partnershipId)
    : null;
  await recordAuditViewed(db, actor, { partnershipId, filters });
  const tables = global
    ? (await listPartnerships(db)).map((p) => ({
        id: p.id,
        nameFr: p.nameFr,
        nameEn: p.nameEn,
      }))
    : null;
  return {
    // What the table draws (issue 10: each page sends only what it renders), and the Table each event belongs to (the
    // scope the page promises); not the raw details, target ids, IP or request id.
    events: events.map(({ id, occurredAt, partnershipId, actorEmail, actorAccountId, actorName, actorOrganization, actorRole, action, actionWords, targetType, subject, detailsWords }) => ({
      id,
      partnershipId,
      occurredAt,
      actorEmail,
      actorAccountId,
      actorName,
      actorOrganization,
      actorRole,
      action,
      actionWords,
      targetType,
      subject,
      detailsWords,
    })),
    olderCursor: page.olderCursor,
    newerCursor: page.newerCursor,
    chain,
    tableScoped: !global,
    tables,
    filters,
  };
}

/** The CSV takes the page's filters (the empty ones left out), not its cursor nor a verification. */
function csvQuery(search: URLSearchParams): string {
  const params = new URLSearchParams(
    [...search].filter(
      ([key, value]) =>
        value !== "" && !["before", "after", "verify"].includes(key),
    ),
  );
  const query = params.toString();
  return query ? `?${query}` : "";
}

export default function Audit({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const [search] = useSearchParams();
  const {
    events,
    olderCursor,
    newerCursor,
    chain,
    tableScoped,
    tables,
    filters,
  } = loaderData;
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("admin.audit.title")}</h1>
      <p>{t("admin.audit.intro")}</p>
      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t("admin.audit.chainTitle")}</h2>
        {chain?.ok ? (
          <p className="alert success" role="status">
            {t(
              tableScoped
                ? "admin.audit.chainIntactTable"
                : "admin.audit.chainIntact",
              { count: chain.count },
            )}
          </p>
        ) : chain && tableScoped && chain.broken.length === 0 ? (
          <p className="alert error" role="status">
            {t("admin.audit.chainBrokenElsewhere")}
          </p>
        ) : chain ? (
          <div className="alert error" role="status">
            <p>
              {t("admin.audit.chainBroken", {
                count: chain.broken.length,
                total: chain.count,
              })}
            </p>
            <ul>
              {chain.broken.map(({ id, reason }) => (
                <li key={`${id}-${reason}`}>
                  {t("admin.audit.brokenEvent", {
                    id,
                    reason: t(
                      reason === "hash_mismatch"
                        ? "admin.audit.reason.hashMismatch"
                        : "admin.audit.reason.brokenLink",
                    ),
                  })}
                </li>
              ))}
            </ul>
            {chain.truncated ? (
              <p>
                {t("admin.audit.brokenTruncated", {
                  count: chain.broken.length,
                })}
              </p>
            ) : null}
          </div>
        ) : null}
        <p>
          <Link
            className="button secondary"
            to={withParams(search, { verify: 1, before: null, after: null })}
          >
            {t("admin.audit.verifyNow")}
          </Link>
        </p>
      </section>
      <AuditFilters
        filters={{ ...filters, verify: undefined }}
        tables={tables}
      />
      <p>
        <a href={`/admin/audit.csv${csvQuery(search)}`} download>
          {t("admin.audit.download")}
        </a>
      </p>
      {events.length === 0 ? (
        <p>{t("admin.audit.empty")}</p>
      ) : (
        <AuditTable events={events} />
      )}
      <Pager
        previous={
          newerCursor
            ? withParams(search, {
                after: newerCursor,
                before: null,
                verify: null,
              })
            : null
        }
        next={
          olderCursor
            ? withParams(search, {
                before: olderCursor,
                after: null,
                verify: null,
              })
            : null
        }
      />
    </>
  );
}
