import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { announcement } from "../announcements/tables.ts";
import { consultation } from "../consultations/tables.ts";
import { pivotDesignation } from "../directory/tables.ts";
import { organization, site } from "../governance/tables.ts";
import { account } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { pivotActivity } from "../pivot-activities/tables.ts";
import { ownCorrectionRequests } from "./correction-requests.server.ts";

/**
 * What Filet holds about the signed-in person (issue 15 §3, Loi 25 art. 27): their profile and
 * account, their roles, their pivot designations, the announcements they posted, the
 * consultations they asked, their activity entries and their correction requests. Read in their
 * Table only. Each reading is audited (format: html or json).
 */
export async function collectOwnData(db: Database, actor: AuditActor, who: { personId: string; accountId: string; partnershipId: string | null }, format: "html" | "json") {
  const [profile] = await db
    .select({
      givenName: person.givenName,
      familyName: person.familyName,
      title: person.title,
      email: person.email,
      phone: person.phone,
      languages: person.languages,
      organizationFr: organization.nameFr,
      organizationEn: organization.nameEn,
      site: site.name,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    })
    .from(person)
    .leftJoin(organization, eq(organization.id, person.organizationId))
    .leftJoin(site, eq(site.id, person.siteId))
    .where(eq(person.id, who.personId));
  const [acct] = await db
    .select({ email: account.email, status: account.status, locale: account.locale, mfaEnabledAt: account.mfaEnabledAt, createdAt: account.createdAt })
    .from(account)
    .where(and(eq(account.id, who.accountId), eq(account.personId, who.personId)));
  const roles = await db
    .select({ role: roleAssignment.role, organizationFr: organization.nameFr, organizationEn: organization.nameEn, grantedAt: roleAssignment.grantedAt, revokedAt: roleAssignment.revokedAt })
    .from(roleAssignment)
    .leftJoin(organization, eq(organization.id, roleAssignment.organizationId))
    .where(eq(roleAssignment.personId, who.personId))
    .orderBy(asc(roleAssignment.grantedAt));
  const p = who.partnershipId;
  const designations = p
    ? await db
        .select({ organizationFr: organization.nameFr, organizationEn: organization.nameEn, rank: pivotDesignation.rank, since: pivotDesignation.since, until: pivotDesignation.until, languages: pivotDesignation.languages, availability: pivotDesignation.availability, contactPhone: pivotDesignation.contactPhone, contactEmail: pivotDesignation.contactEmail })
        .from(pivotDesignation)
        .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
        .where(and(eq(pivotDesignation.partnershipId, p), eq(pivotDesignation.personId, who.personId)))
        .orderBy(desc(pivotDesignation.since))
    : [];
  const posts = p
    ? await db
        .select({ title: announcement.title, body: announcement.body, audience: announcement.audience, createdAt: announcement.createdAt })
        .from(announcement)
        .where(and(eq(announcement.partnershipId, p), eq(announcement.authorPersonId, who.personId)))
        .orderBy(desc(announcement.createdAt))
    : [];
  const consultations = p
    ? await db
        .select({ subject: consultation.subject, context: consultation.context, question: consultation.question, status: consultation.status, createdAt: consultation.createdAt, closedAt: consultation.closedAt })
        .from(consultation)
        .where(and(eq(consultation.partnershipId, p), eq(consultation.askerPersonId, who.personId)))
        .orderBy(desc(consultation.createdAt))
    : [];
  const activities = p
    ? await db
        .select({ type: pivotActivity.type, occurredOn: pivotActivity.occurredOn, durationMinutes: pivotActivity.durationMinutes, audience: pivotActivity.audience, audienceSize: pivotActivity.audienceSize, notes: pivotActivity.notes })
        .from(pivotActivity)
        .where(and(eq(pivotActivity.partnershipId, p), eq(pivotActivity.personId, who.personId)))
        .orderBy(desc(pivotActivity.occurredOn))
    : [];
  const corrections = p ? await ownCorrectionRequests(db, p, who.personId) : [];
  await db.transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: "privacy.own_data_downloaded",
      targetType: "person",
      targetId: who.personId,
      details: { format, designations: designations.length, posts: posts.length, consultations: consultations.length, activities: activities.length },
    }),
  );
  return { generatedAt: new Date(), profile: profile ?? null, account: acct ?? null, roles, designations, posts, consultations, activities, corrections };
}

export type OwnData = Awaited<ReturnType<typeof collectOwnData>>;
