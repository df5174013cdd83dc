import { Form, Link } from "react-router";
import { pageTitle } from "../../i18n/page-title.ts";
import type { Route } from "./+types/_index";

import { DirectoryEntryCard, directoryEntryView } from "../../components/directory-entry.tsx";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { localName } from "../../i18n/names.ts";
import { Pager } from "../../components/pagination.tsx";
import { useT } from "../../i18n/use-t.ts";
import { can } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireDirectoryAccess } from "../../modules/directory/directory-access.server.ts";
import { listDirectoryFilterOptions } from "../../modules/directory/directory-filters.server.ts";
import { parseDirectoryParams, directoryHref } from "../../modules/directory/directory-params.ts";
import { reachablePivotIds } from "../../modules/directory/reachable-pivots.server.ts";
import { searchDirectory } from "../../modules/directory/search-directory.server.ts";
import { clienteleCodes, languageCodes } from "../../modules/directory/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "directory.title");

export async function loader(args: Route.LoaderArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const params = parseDirectoryParams(requestUrl(args.request).searchParams);
  const [results, options] = await Promise.all([
    searchDirectory(args.context.db, { ...params, partnershipId: access.partnershipId, freshnessMonths: access.freshnessMonths }),
    listDirectoryFilterOptions(args.context.db, access.partnershipId, params.organizationId || null),
  ]);
  // "Demander conseil" only where the consultation form would accept it: the reader may ask, and
  // Filet can reach the pivot (the consultation form's own recipients rule), not oneself.
  const mayAsk = can(access.user.roles, "consultation.ask", { partnershipId: access.partnershipId, organizationId: access.user.organizationId });
  const reachable = mayAsk ? await reachablePivotIds(args.context.db, access.partnershipId, results.entries.map((e) => e.personId)) : new Set<string>();
  const askable = [...reachable].filter((id) => id !== access.user.personId);
  // One language sent: each card's organization, and the organization filter's choices (a Table
  // may have a hundred partners), named in the reader's language here rather than in the page.
  const locale = resolveLocale(args.request, access.user.locale);
  return {
    params,
    results: { ...results, entries: results.entries.map((e) => directoryEntryView(locale, e)) },
    organizationChoices: options.organizations.map((o) => ({ value: o.id, label: o.acronym ? `${localName(locale, o)} (${o.acronym})` : localName(locale, o) })),
    sites: options.sites,
    freshnessMonths: access.freshnessMonths,
    askable,
  };
}

export default function Directory({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { params, results, organizationChoices, sites, freshnessMonths, askable } = loaderData;
  const filtered = !!(params.organizationId || params.siteId || params.territory || params.language || params.clientele || params.expertise);
  const searched = filtered || !!params.q;
  return (
    <>
      <h1>{t("directory.title")}</h1>
      <p>{t("directory.intro")}</p>
      <Form method="get" role="search" aria-label={t("directory.search.form")} className="stack">
        <div className="field">
          <label htmlFor="directory-q">{t("directory.search.label")}</label>
          <p className="hint" id="directory-q-hint">
            {t("directory.search.hint")}
          </p>
          <input id="directory-q" type="search" name="q" defaultValue={params.q} aria-describedby="directory-q-hint" autoComplete="off" />
        </div>
        <details open={filtered}>
          <summary>{t("directory.filters")}</summary>
          <div className="stack">
            <FilterSelect name="organizationId" label={t("directory.filter.organization")} hint={t("directory.filter.organizationHint")} value={params.organizationId} options={organizationChoices} />
            {sites.length ? (
              <FilterSelect name="siteId" label={t("directory.filter.site")} value={params.siteId} options={sites.map((s) => ({ value: s.id, label: s.name }))} />
            ) : null}
            <div className="field">
              <label htmlFor="filter-territory">{t("directory.filter.territory")}</label>
              <input id="filter-territory" type="text" name="territory" defaultValue={params.territory} />
            </div>
            <FilterSelect name="language" label={t("directory.filter.language")} value={params.language} options={languageCodes.map((c) => ({ value: c, label: t(`directory.language.${c}`) }))} />
            <FilterSelect name="clientele" label={t("directory.filter.clientele")} value={params.clientele} options={clienteleCodes.map((c) => ({ value: c, label: t(`directory.clientele.${c}`) }))} />
            <div className="field">
              <label htmlFor="filter-expertise">{t("directory.filter.expertise")}</label>
              <input id="filter-expertise" type="text" name="expertise" defaultValue={params.expertise} />
            </div>
          </div>
        </details>
        <p className="actions">
          <button type="submit">{t("directory.search.submit")}</button>
          {searched ? (
            <Link to="/directory" className="button secondary">
              {t("directory.search.reset")}
            </Link>
          ) : null}
        </p>
      </Form>
      <section aria-labelledby="directory-results">
        <h2 id="directory-results" role="status">
          {t("directory.results", { count: results.total })}
        </h2>
        {results.entries.length === 0 ? (
          <p>{t("directory.results.none")}</p>
        ) : (
          <ul className="cards" aria-label={t("directory.results.list")}>
            {results.entries.map((entry) => (
              <li key={entry.designationId}>
                <DirectoryEntryCard entry={entry} freshnessMonths={freshnessMonths} canAsk={askable.includes(entry.personId)} />
              </li>
            ))}
          </ul>
        )}
        {results.pageCount > 1 ? (
          <Pager
            previous={results.page > 1 ? directoryHref(params, results.page - 1) : null}
            next={results.page < results.pageCount ? directoryHref(params, results.page + 1) : null}
            label={t("directory.pager.status", { page: results.page, pages: results.pageCount })}
            labels={{ nav: t("directory.pager"), previous: t("directory.pager.previous"), next: t("directory.pager.next") }}
          />
        ) : null}
      </section>
    </>
  );
}

function FilterSelect({ name, label, hint, value, options }: { name: string; label: string; hint?: string; value: string; options: { value: string; label: string }[] }) {
  const { t } = useT();
  const id = `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select id={id} name={name} defaultValue={value} aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="">{t("directory.filter.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
