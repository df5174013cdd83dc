import { and, count, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import type { AnnouncementInput } from "./announcement-schema.ts";
import { resolveAudience } from "./audience.server.ts";
import { announcement, announcementRecipient } from "./tables.ts";

/**
 * Posts an announcement: recipients resolved now, each emailed a notice and a link (never the text).
 * Null when the organization named is not one of the Table's (reads like a missing one).
 */
export async function postAnnouncement(
  db: Database,
  actor: AuditActor,
  input: AnnouncementInput & { partnershipId: string; authorPersonId: string; publicUrl: string },
): Promise<{ id: string; recipients: number } | null> {
  const organizationId = input.audience === "table" || input.audience === "pivots" ? null : input.organizationId;
  if (organizationId) {
    const [org] = await db.select({ id: organization.id }).from(organization).where(and(eq(organization.partnershipId, input.partnershipId), eq(organization.id, organizationId)));
    if (!org) return null;
  }
  const recipients = await resolveAudience(db, { partnershipId: input.partnershipId, audience: input.audience, organizationId, authorPersonId: input.authorPersonId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(announcement)
      .values({ partnershipId: input.partnershipId, authorPersonId: input.authorPersonId, audience: input.audience, organizationId, title: input.title, body: input.body })
      .returning({ id: announcement.id });
    const id = row!.id;
    if (recipients.length) {
      await tx.insert(announcementRecipient).values(recipients.map((r) => ({ partnershipId: input.partnershipId, announcementId: id, personId: r.personId })));
    }
    const link = `${input.publicUrl}/announcements/${id}`;
    for (const r of recipients) {
      if (!r.email) continue;
      await queueEmail(tx, {
        to: r.email,
        partnershipId: input.partnershipId,
        subject: "Filet — Nouvelle annonce de la Table / New announcement from the Table",
        text: `Bonjour,\n\nUne nouvelle annonce vous attend dans Filet :\n${link}\n\nHello,\n\nA new announcement is waiting for you in Filet:\n${link}\n`,
      });
    }
    await recordAuditEvent(tx, actor, {
      action: "announcement.posted",
      targetType: "announcement",
      targetId: id,
      partnershipId: input.partnershipId,
      organizationId,
      details: { audience: input.audience, recipients: recipients.length },
    });
    return { id, recipients: recipients.length };
  });
}

export interface AnnouncementListItem {
  id: string;
  title: string;
  audience: typeof announcement.$inferSelect.audience;
  organizationName: string | null;
  authorName: string;
  createdAt: Date;
  mine: boolean;
  /** For a recipient: when they read it (null = unread); undefined when not a recipient. */
  readAt: Date | null | undefined;
  readCount: number;
  recipientCount: number;
}

const readStats = {
  readCount: sql<number>`(select count(*)::int from announcement_recipient r where r.announcement_id = ${announcement.id} and r.read_at is not null)`,
  recipientCount: sql<number>`(select count(*)::int from announcement_recipient r where r.announcement_id = ${announcement.id})`,
};

/** What one person sees: announcements sent to them or written by them (all of the Table for `seeAll`), newest first. */
export async function listAnnouncements(db: Database, input: { partnershipId: string; personId: string; seeAll: boolean; id?: string }): Promise<AnnouncementListItem[]> {
  const rows = await db
    .select({
      id: announcement.id,
      title: announcement.title,
      audience: announcement.audience,
      organizationName: organization.nameFr,
      organizationAcronym: organization.acronym,
      givenName: person.givenName,
      familyName: person.familyName,
      authorPersonId: announcement.authorPersonId,
      createdAt: announcement.createdAt,
      recipientPersonId: announcementRecipient.personId,
      readAt: announcementRecipient.readAt,
      ...readStats,
    })
    .from(announcement)
    .innerJoin(person, eq(person.id, announcement.authorPersonId))
    .leftJoin(organization, eq(organization.id, announcement.organizationId))
    .leftJoin(announcementRecipient, and(eq(announcementRecipient.announcementId, announcement.id), eq(announcementRecipient.personId, input.personId)))
    .where(
      and(
        eq(announcement.partnershipId, input.partnershipId),
        input.id ? eq(announcement.id, input.id) : undefined,
        input.seeAll ? undefined : or(eq(announcement.authorPersonId, input.personId), eq(announcementRecipient.personId, input.personId)),
      ),
    )
    .orderBy(desc(announcement.createdAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    audience: r.audience,
    organizationName: r.organizationAcronym || r.organizationName,
    authorName: `${r.givenName} ${r.familyName}`,
    createdAt: r.createdAt,
    mine: r.authorPersonId === input.personId,
    readAt: r.recipientPersonId ? r.readAt : undefined,
    readCount: Number(r.readCount),
    recipientCount: Number(r.recipientCount),
  }));
}

/** Unread announcements of a person in a Table (the header badge). */
function unreadOf(partnershipId: string, personId: string) {
  return and(eq(announcementRecipient.partnershipId, partnershipId), eq(announcementRecipient.personId, personId), isNull(announcementRecipient.readAt));
}

/** The unread announcements of a person, as a scalar subquery: the page chrome reads it with its other counts in one query. */
export function unreadAnnouncementsCount(partnershipId: string, personId: string): SQL<number> {
  return sql<number>`(select count(*)::int from ${announcementRecipient} where ${unreadOf(partnershipId, personId)})`.mapWith(Number);
}

export async function countUnread(db: Database, partnershipId: string, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(announcementRecipient)
    .where(unreadOf(partnershipId, personId));
  return row?.n ?? 0;
}

/**
 * Opens one announcement for a reader and marks it read for them (a recipient's first opening).
 * Null when it is not theirs to see (another Table's, or not addressed to them): reads like a missing one.
 */
export async function openAnnouncement(db: Database, input: { partnershipId: string; personId: string; id: string; seeAll: boolean; now?: Date }) {
  const [item] = await listAnnouncements(db, input);
  if (!item) return null;
  if (item.readAt === null) {
    await db
      .update(announcementRecipient)
      .set({ readAt: input.now ?? new Date() })
      .where(and(eq(announcementRecipient.announcementId, input.id), eq(announcementRecipient.personId, input.personId), isNull(announcementRecipient.readAt)));
  }
  const [body] = await db.select({ body: announcement.body }).from(announcement).where(and(eq(announcement.id, input.id), eq(announcement.partnershipId, input.partnershipId)));
  return { ...item, body: body?.body ?? "", firstRead: item.readAt === null };
}
