import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { unreadAnnouncementsCount } from "../announcements/announcements.server.ts";
import { unreadNotificationsCount } from "../forum/notifications.server.ts";
import { partnership } from "../governance/tables.ts";
import { tableContactOf, type TableFooter } from "../governance/table-contact.ts";

export interface PageChrome {
  footer: TableFooter | null;
  unreadAnnouncements: number;
  unreadNetwork: number;
}

/**
 * What every signed-in page's header and footer show about the reader's Table: its name and
 * contact, the unread announcements and, for a network reader, the unread notifications. One
 * query (the counts are the modules' own subqueries) instead of one round trip each: the root
 * loader runs on every page and after every action.
 */
export async function loadPageChrome(
  db: Database,
  input: { partnershipId: string | null; personId: string | null; network: boolean },
): Promise<PageChrome> {
  const { partnershipId, personId } = input;
  if (!partnershipId) return { footer: null, unreadAnnouncements: 0, unreadNetwork: 0 };
  const [row] = await db
    .select({
      nameFr: partnership.nameFr,
      nameEn: partnership.nameEn,
      settings: partnership.settings,
      unreadAnnouncements: personId ? unreadAnnouncementsCount(partnershipId, personId) : sql<number>`0`.mapWith(Number),
      unreadNetwork: personId && input.network ? unreadNotificationsCount(partnershipId, personId) : sql<number>`0`.mapWith(Number),
    })
    .from(partnership)
    .where(eq(partnership.id, partnershipId))
    .limit(1);
  if (!row) return { footer: null, unreadAnnouncements: 0, unreadNetwork: 0 };
  return {
    footer: { nameFr: row.nameFr, nameEn: row.nameEn, ...tableContactOf(row.settings) },
    unreadAnnouncements: Number(row.unreadAnnouncements),
    unreadNetwork: Number(row.unreadNetwork),
  };
}
