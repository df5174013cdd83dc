import { pageTitle, rootMatchData } from "../i18n/page-title.ts";
import { Link, useSearchParams } from "react-router";
import { useT } from "../i18n/use-t.ts";
import type { Locale } from "../i18n/types.ts";
import type { MessageKey } from "../i18n/catalog.ts";
import type { AccountStatus } from "./admin-vocabulary.tsx";

/** The organization or Table name in the reader's language, falling back to French. */
export function localName(locale: Locale, record: { nameFr?: string | null; nameEn?: string | null }): string {
  return (locale === "en" ? record.nameEn || record.nameFr : record.nameFr || record.nameEn) ?? "";
}

/** "es" → "espagnol" / "Spanish", through Intl: no list to keep up to date. */
export function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale === "fr" ? "fr-CA" : "en-CA"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The way back to the administration home, above each page's single h1. */
export function AdminBreadcrumb({ trail = [] }: { trail?: { to: string; label: string }[] }) {
  const { t } = useT();
  const items = [{ to: "/admin", label: t("nav.admin") }, ...trail];
  return (
    <nav aria-label={t("common.breadcrumb")}>
      <p className="muted">
        {items.map((item, i) => (
          <span key={item.to}>
            {i > 0 ? " › " : null}
            <Link to={item.to}>{item.label}</Link>
          </span>
        ))}
      </p>
    </nav>
  );
}

/** The confirmation shown after a redirect that carries ?saved=1 (post/redirect/get). */
export function SavedNotice() {
  const { t } = useT();
  const [params] = useSearchParams();
  if (!params.get("saved")) return null;
  return (
    <p className="alert success" role="status">
      {t("form.saved")}
    </p>
  );
}

/** Previous / next links that keep the current filters. */
export function Pager({ previous, next, label }: { previous?: string | null; next?: string | null; label?: string }) {
  const { t } = useT();
  if (!previous && !next) return null;
  return (
    <nav aria-label={t("common.pagination")} className="actions">
      {previous ? (
        <Link to={previous} rel="prev">
          {t("common.previous")}
        </Link>
      ) : null}
      {label ? <span>{label}</span> : null}
      {next ? (
        <Link to={next} rel="next">
          {t("common.next")}
        </Link>
      ) : null}
    </nav>
  );
}

/** A URL for the same page with some query parameters changed ("" or null removes one). */
export function withParams(search: URLSearchParams, changes: Record<string, string | number | null>): string {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  const query = next.toString();
  return query ? `?${query}` : "?";
}

export function StatusBadge({ status }: { status: AccountStatus | null }) {
  const { t } = useT();
  return <span className="badge">{t(`admin.accountStatus.${status ?? "none"}`)}</span>;
}

/**
 * The document title in the reader's language. `meta` runs outside React, so the messages and
 * locale come from the root loader's data. A person's name never goes in a title (titles land in
 * the browser's history); an organization's or a Table's may.
 */
export function adminTitle(
  matches: ReadonlyArray<unknown>,
  key: MessageKey,
  options: { vars?: Record<string, string | number>; name?: { nameFr?: string | null; nameEn?: string | null } | null } = {},
) {
  const locale = rootMatchData(matches)?.locale === "en" ? "en" : "fr";
  return pageTitle(matches, key, options.vars, options.name ? localName(locale, options.name) : undefined);
}
