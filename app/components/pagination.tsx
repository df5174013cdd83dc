import { Link } from "react-router";
import { useT } from "../i18n/use-t.ts";

/**
 * Previous / next links that keep the current filters, with an optional status between them
 * ("Page 2 of 5"). The labels default to the common ones; a page may name its own.
 */
export function Pager({
  previous,
  next,
  label,
  labels,
}: {
  previous?: string | null;
  next?: string | null;
  label?: string;
  labels?: { nav: string; previous: string; next: string };
}) {
  const { t } = useT();
  if (!previous && !next) return null;
  return (
    <nav aria-label={labels?.nav ?? t("common.pagination")} className="actions">
      {previous ? (
        <Link to={previous} rel="prev">
          {labels?.previous ?? t("common.previous")}
        </Link>
      ) : null}
      {label ? <span>{label}</span> : null}
      {next ? (
        <Link to={next} rel="next">
          {labels?.next ?? t("common.next")}
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
