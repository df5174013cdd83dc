import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { organization, partnership, site } from "../governance/tables.ts";
import { readDirectoryFreshnessMonths } from "./directory-settings.server.ts";
import { roleHolderEmails } from "../identity/role-holder-emails.server.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { isCurrentDesignation } from "./current.server.ts";
import { designationScope, type OrganizationScope } from "./designation-scope.server.ts";
import { pivotDesignation } from "./tables.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { addMonths, quebecDay } from "../time/days.ts";

export interface StaleEntry {
  id: string;
  personId: string;
  givenName: string;
  familyName: string;
  organizationId: string;
  organizationNameFr: string;
  organizationNameEn: string;
  siteName: string | null;
  confirmedAt: Date;
  staleReminderSentAt: Date | null;
  version: number;
}

/** Current entries of the manager's organizations not confirmed within the Table's period. */
export async function listStaleEntries(
  db: Database,
  input: { partnershipId: string; organizationIds: OrganizationScope; freshnessMonths: number; now?: Date },
): Promise<StaleEntry[]> {
  const now = input.now ?? new Date();
  const rows = await db
    .select({
      id: pivotDesignation.id,
      personId: pivotDesignation.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      organizationId: pivotDesignation.organizationId,
      organizationNameFr: organization.nameFr,
      organizationNameEn: organization.nameEn,
      siteName: site.name,
      confirmedAt: pivotDesignation.confirmedAt,
      staleReminderSentAt: pivotDesignation.staleReminderSentAt,
      version: pivotDesignation.version,
    })
    .from(pivotDesignation)
    .innerJoin(person, eq(person.id, pivotDesignation.personId))
    .innerJoin(organization, eq(organization.id, pivotDesignation.organizationId))
    .leftJoin(site, eq(site.id, pivotDesignation.siteId))
    .where(
      and(
        designationScope(input.partnershipId, input.organizationIds),
        isCurrentDesignation(quebecDay(now)),
        lt(pivotDesignation.confirmedAt, addMonths(now, -input.freshnessMonths)),
      ),
    )
    .orderBy(asc(pivotDesignation.confirmedAt), asc(person.familyName));
  return rows.map((r) => ({
    ...r,
    siteName: r.siteName ?? null,
    confirmedAt: new Date(r.confirmedAt),
    staleReminderSentAt: r.staleReminderSentAt ? new Date(r.staleReminderSentAt) : null,
  }));
}

export const STALE_REMINDERS_JOB = "directory.stale_reminders";

/** Addresses of the organization's active pivot coordinators. */
function coordinatorEmails(db: Database, partnershipId: string, organizationId: string): Promise<string[]> {
  return roleHolderEmails(db, partnershipId, [{ role: "pivot_coordinator", organizationId }]);
}

function ownerEmail(publicUrl: string) {
  const link = `${publicUrl}/directory/mine`;
  return {
    subject: "Filet — Votre fiche du bottin est à confirmer / Your directory entry needs confirming",
    text:
      `Bonjour,\n\nVotre fiche d'intervenant·e pivot dans le bottin de la Table n'a pas été confirmée depuis un moment. ` +
      `Vérifiez-la et confirmez-la en un clic :\n${link}\n\n` +
      `Hello,\n\nYour pivot entry in the Table's directory has not been confirmed for a while. ` +
      `Check it and confirm it in one click:\n${link}\n`,
  };
}

function coordinatorEmail(publicUrl: string) {
  const link = `${publicUrl}/directory/stale`;
  return {
    subject: "Filet — Une fiche du bottin de votre organisation est à confirmer / A directory entry of your organization needs confirming",
    text:
      `Bonjour,\n\nUne fiche d'intervenant·e pivot de votre organisation n'a pas été confirmée dans le délai fixé par la Table. ` +
      `Voyez les fiches à confirmer :\n${link}\n\n` +
      `Hello,\n\nA pivot entry of your organization has not been confirmed within the Table's period. ` +
      `See the entries to confirm:\n${link}\n`,
  };
}

/**
 * The daily job: for each Table, each current entry that became stale and was not reminded
 * since, emails its owner and the organization's pivot coordinators (a notice and a link,
 * nothing else), marks it reminded and audits it, one transaction per entry. Running it twice
 * sends nothing new. Returns the number of entries reminded.
 */
export async function sendStaleReminders(db: Database, input: { now: Date; publicUrl: string }): Promise<number> {
  const tables = await db.select({ id: partnership.id }).from(partnership);
  let reminded = 0;
  for (const table of tables) {
    const directoryFreshnessMonths = await readDirectoryFreshnessMonths(db, table.id);
    const cutoff = addMonths(input.now, -directoryFreshnessMonths);
    const notReminded = or(isNull(pivotDesignation.staleReminderSentAt), lt(pivotDesignation.staleReminderSentAt, pivotDesignation.confirmedAt));
    const due = await db
      .select({
        id: pivotDesignation.id,
        organizationId: pivotDesignation.organizationId,
        personId: pivotDesignation.personId,
        personEmail: person.email,
        accountEmail: account.email,
      })
      .from(pivotDesignation)
      .innerJoin(person, eq(person.id, pivotDesignation.personId))
      .leftJoin(account, eq(account.personId, person.id))
      .where(
        and(
          eq(pivotDesignation.partnershipId, table.id),
          isCurrentDesignation(quebecDay(input.now)),
          lt(pivotDesignation.confirmedAt, cutoff),
          notReminded,
        ),
      );
    for (const entry of due) {
      const sent = await db.transaction(async (tx) => {
        const marked = await tx
          .update(pivotDesignation)
          .set({ staleReminderSentAt: input.now })
          .where(and(eq(pivotDesignation.id, entry.id), lt(pivotDesignation.confirmedAt, cutoff), notReminded))
          .returning({ id: pivotDesignation.id });
        if (marked.length === 0) return false; // another process got it, or it was just confirmed
        const owner = entry.accountEmail || entry.personEmail;
        const coordinators = (await coordinatorEmails(tx, table.id, entry.organizationId)).filter((e) => e.toLowerCase() !== owner.toLowerCase());
        if (owner) await queueEmail(tx, { to: owner, ...ownerEmail(input.publicUrl), partnershipId: table.id });
        for (const to of new Set(coordinators)) await queueEmail(tx, { to, ...coordinatorEmail(input.publicUrl), partnershipId: table.id });
        await recordAuditEvent(tx, systemActor(STALE_REMINDERS_JOB, table.id), {
          action: "pivot.stale_reminder_sent",
          targetType: "pivot_designation",
          targetId: entry.id,
          organizationId: entry.organizationId,
          details: { personId: entry.personId, recipients: (owner ? 1 : 0) + new Set(coordinators).size },
        });
        return true;
      });
      if (sent) reminded++;
    }
  }
  return reminded;
}

/** The daily job: remind owners and coordinators of entries not confirmed in time. */
export const staleRemindersJob: JobHandler = async (_payload, ctx) => {
  await sendStaleReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};
