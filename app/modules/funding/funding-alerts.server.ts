import { formatDay } from "../../i18n/format.ts";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { partnership } from "../governance/tables.ts";
import { roleHolderEmails } from "../identity/role-holder-emails.server.ts";
import { grant, grantAlertSent, grantReportDate } from "./tables.ts";
import { GRANT_END_ALERT_MONTHS, REPORT_ALERT_DAYS } from "./vocabulary.ts";
import type { JobHandler } from "../jobs/runner.server.ts";
import { addDays, addMonths, quebecDay } from "../time/days.ts";

export const FUNDING_ALERTS_JOB = "funding.alerts";

/** Addresses of the Table's active coordinators (the only ones alerted about funding). */
export function tableCoordinatorEmails(db: Database, partnershipId: string): Promise<string[]> {
  return roleHolderEmails(db, partnershipId, [{ role: "table_coordinator" }]);
}

function reportEmail(publicUrl: string, grantId: string, funder: string, dueOn: string) {
  const link = `${publicUrl}/funding/${grantId}`;
  return {
    subject: `Filet — Reddition de comptes à remettre le ${formatDay("fr", dueOn)} / Funder report due on ${formatDay("en", dueOn)}`,
    text:
      `Bonjour,\n\nUn rapport est attendu par ${funder} le ${formatDay("fr", dueOn)}. Voyez la subvention :\n${link}\n\n` +
      `Hello,\n\nA report is due to ${funder} on ${formatDay("en", dueOn)}. See the grant:\n${link}\n`,
  };
}

function endEmail(publicUrl: string, grantId: string, funder: string, endsOn: string, months: number) {
  const link = `${publicUrl}/funding/${grantId}`;
  return {
    subject: `Filet — Fin de la subvention dans ${months} mois / Grant ends in ${months} months`,
    text:
      `Bonjour,\n\nFin de la subvention : la subvention de ${funder} se termine le ${formatDay("fr", endsOn)} (dans moins de ${months} mois). ` +
      `Pensez au renouvellement ou à un autre financement :\n${link}\n\n` +
      `Hello,\n\nEnd of the grant: the grant from ${funder} ends on ${formatDay("en", endsOn)} (in less than ${months} months). ` +
      `Plan its renewal or other funding:\n${link}\n`,
  };
}

interface Due {
  partnershipId: string;
  grantId: string;
  keys: string[];
  email: { subject: string; text: string };
  details: Record<string, unknown>;
}

/**
 * The daily job. For each grant: a report not yet submitted whose due date is within
 * REPORT_ALERT_DAYS; the grant's end within 6 then 3 months ("fin de la subvention"). Each alert
 * is sent once (a marker row per grant and key), to the Table's coordinators, with a notice and a
 * link only; when several end thresholds are passed at once only the nearest is sent. One
 * transaction per alert, audited. Returns the number of alerts sent.
 */
export async function sendFundingAlerts(db: Database, input: { now: Date; publicUrl: string }): Promise<number> {
  const today = quebecDay(input.now);
  const tables = await db.select({ id: partnership.id }).from(partnership);
  let sent = 0;
  for (const table of tables) {
    const grants = await db.select().from(grant).where(eq(grant.partnershipId, table.id));
    if (grants.length === 0) continue;
    const markers = await db.select().from(grantAlertSent).where(eq(grantAlertSent.partnershipId, table.id));
    const already = new Set(markers.map((m) => `${m.grantId}|${m.alertKey}`));
    const reports = await db.select().from(grantReportDate).where(and(eq(grantReportDate.partnershipId, table.id), isNull(grantReportDate.submittedOn)));
    const due: Due[] = [];
    for (const g of grants) {
      for (const r of reports.filter((x) => x.grantId === g.id)) {
        const key = `report:${r.id}`;
        if (already.has(`${g.id}|${key}`) || today > r.dueOn || today < addDays(r.dueOn, -REPORT_ALERT_DAYS)) continue;
        due.push({ partnershipId: table.id, grantId: g.id, keys: [key], email: reportEmail(input.publicUrl, g.id, g.funder, r.dueOn), details: { kind: "report", reportId: r.id, dueOn: r.dueOn } });
      }
      if (today <= g.endsOn) {
        const passed = GRANT_END_ALERT_MONTHS.filter((m) => today >= addMonths(g.endsOn, -m) && !already.has(`${g.id}|end:${m}`));
        if (passed.length) {
          const nearest = Math.min(...passed);
          due.push({
            partnershipId: table.id,
            grantId: g.id,
            keys: passed.map((m) => `end:${m}`),
            email: endEmail(input.publicUrl, g.id, g.funder, g.endsOn, nearest),
            details: { kind: "end", months: nearest, endsOn: g.endsOn },
          });
        }
      }
    }
    if (due.length === 0) continue;
    const recipients = await tableCoordinatorEmails(db, table.id);
    for (const alert of due) {
      const done = await db.transaction(async (tx) => {
        const marked = await tx
          .insert(grantAlertSent)
          .values(alert.keys.map((alertKey) => ({ partnershipId: alert.partnershipId, grantId: alert.grantId, alertKey, sentAt: input.now })))
          .onConflictDoNothing()
          .returning({ id: grantAlertSent.id });
        if (marked.length < alert.keys.length) {
          // Another process sent it meanwhile: undo our half and skip.
          throw new AlreadySent();
        }
        for (const to of recipients) await queueEmail(tx, { to, ...alert.email, partnershipId: alert.partnershipId });
        await recordAuditEvent(tx, systemActor(FUNDING_ALERTS_JOB, alert.partnershipId), {
          action: "grant.alert_sent",
          targetType: "grant",
          targetId: alert.grantId,
          details: { ...alert.details, recipients: recipients.length },
        });
        return true;
      }).catch((e: unknown) => {
        if (e instanceof AlreadySent) return false;
        throw e;
      });
      if (done) sent++;
    }
  }
  return sent;
}

class AlreadySent extends Error {}

/** The daily job: a report due within 30 days, a grant ending within 6 then 3 months (each alert once). */
export const fundingAlertsJob: JobHandler = async (_payload, ctx) => {
  await sendFundingAlerts(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};
