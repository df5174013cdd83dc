import { pageTitle, rootMatchData } from "../i18n/page-title.ts";
import { useT } from "../i18n/use-t.ts";
import { localName } from "../i18n/names.ts";
import type { MessageKey } from "../i18n/catalog.ts";
import type { AccountStatus } from "./admin-vocabulary.tsx";
import { Breadcrumbs } from "./breadcrumbs.tsx";

/** The way back to the administration home, above each page's single h1. */
export function AdminBreadcrumb({ trail = [] }: { trail?: { to: string; label: string }[] }) {
  const { t } = useT();
  return <Breadcrumbs trail={[{ to: "/admin", label: t("nav.admin") }, ...trail]} />;
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
