import { NavLink } from "react-router";
import { useT } from "../i18n/use-t.ts";
import type { MessageKey } from "../i18n/catalog.ts";

/** The directory's sub-navigation; the management links only for those who designate. */
export function DirectoryNav({ designations }: { designations: boolean }) {
  const { t } = useT();
  const links: { to: string; label: MessageKey }[] = [
    { to: "/directory", label: "directory.nav.search" },
    { to: "/directory/mine", label: "directory.nav.mine" },
  ];
  if (designations) {
    links.push({ to: "/directory/designations", label: "directory.nav.designations" }, { to: "/directory/stale", label: "directory.nav.stale" });
  }
  return (
    <nav aria-label={t("directory.nav.label")}>
      <ul className="subnav">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end>
              {t(l.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "fr, en" → "Français, Anglais" with the directory's labels. */
export function useDirectoryLabels() {
  const { t } = useT();
  return {
    language: (code: string) => t(`directory.language.${code}` as MessageKey) ?? code,
    clientele: (code: string) => t(`directory.clientele.${code}` as MessageKey) ?? code,
    rank: (rank: "primary" | "backup") => t(`directory.rank.${rank}`),
  };
}
