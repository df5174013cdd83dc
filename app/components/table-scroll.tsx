import type { ReactNode } from "react";
import { useT } from "../i18n/use-t.ts";

/**
 * A wide table on a narrow screen scrolls inside its own box, never the page (issue 11 #9).
 * The box is a named, focusable region so a keyboard can scroll it (WCAG 2.1.1); the hint shows
 * only where the table really overflows (CSS scroll-state query), and the edge shadows say which
 * way more columns lie, in browsers without that query too.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <p className="table-scroll-hint" aria-hidden="true">
        {t("tableScroll.hint")}
      </p>
      {children}
    </div>
  );
}
