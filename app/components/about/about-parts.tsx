import { useDay, useT } from "../../i18n/use-t.ts";
import type { TableFooter } from "../../modules/governance/table-contact.ts";

/** The day the privacy notice and the accessibility statement were last revised. */
const ABOUT_REVISED_ON = "2026-12-03";

export function UpdatedOn() {
  const { t } = useT();
  const day = useDay();
  return <p className="muted">{t("about.updatedOn", { date: day(ABOUT_REVISED_ON) })}</p>;
}

export function ContactLines({ table }: { table: TableFooter }) {
  const { t } = useT();
  if (!table.email && !table.phone) return <p>{t("footer.noContact")}</p>;
  return (
    <>
      <p>{t("about.contact")}</p>
      <ul className="plain-list">
        {table.email ? (
          <li>
            <a href={`mailto:${table.email}`}>{table.email}</a>
          </li>
        ) : null}
        {table.phone ? (
          <li>
            <a href={`tel:${table.phone.replace(/[^\d+]/g, "")}`}>{table.phone}</a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
