import { Link } from "react-router";
import { useT } from "../../i18n/use-t.ts";
import type { MessageKey } from "../../i18n/catalog.ts";
import { needOrder, type Need, type NeedKind } from "../../modules/home/needs.ts";

/** Past due or waiting on a youth's situation: drawn apart so they are seen first. */
const urgent = new Set<NeedKind>(["urgentConsultations", "lateReports", "overdueResponsibilities", "myOverdueResponsibilities"]);

/**
 * The signed-in home's list: one sentence per kind of work waiting for the person, each a link to
 * the page where it is done, most urgent first. The unread announcements come from the root
 * loader (it draws the header badge), so they are not counted twice.
 */
export function WhatNeedsYou({ needs, unreadAnnouncements }: { needs: readonly Need[]; unreadAnnouncements: number }) {
  const { t } = useT();
  const all: Need[] = unreadAnnouncements ? [...needs, { kind: "unreadAnnouncements", count: unreadAnnouncements, href: "/announcements" }] : [...needs];
  all.sort((a, b) => needOrder.indexOf(a.kind) - needOrder.indexOf(b.kind));
  return (
    <section className="needs" aria-labelledby="needs-title">
      <h2 id="needs-title">{t("home.needs.title")}</h2>
      {all.length ? (
        <ul>
          {all.map((n) => (
            <li key={n.kind} className={urgent.has(n.kind) ? "need urgent" : "need"} data-need={n.kind}>
              <Link to={n.href}>{t(`home.needs.${n.kind}` as MessageKey, { count: n.count, days: n.days ?? 0 })}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="needs-empty">{t("home.needs.empty")}</p>
      )}
    </section>
  );
}
