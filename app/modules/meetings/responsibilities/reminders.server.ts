import { formatDay } from "../../../i18n/format.ts";
import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Database } from "../../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../../audit/record-audit-event.server.ts";
import { queueEmail } from "../../email/queue-email.server.ts";
import { account } from "../../identity/tables.ts";
import { person, roleAssignment } from "../../people/tables.ts";
import { responsibility } from "./tables.ts";
import { DUE_SOON_DAYS, openStatuses, OVERDUE_REPEAT_DAYS } from "./vocabulary.ts";
import type { JobHandler } from "../../jobs/runner.server.ts";
import { addDays, quebecDay } from "../../time/days.ts";

export const RESPONSIBILITY_REMINDERS_JOB = "responsibilities.reminders";

type Row = typeof responsibility.$inferSelect;

/** The owner's address, or for an organization its delegates' (active role, active or no account). */
async function recipients(db: Database, r: Row): Promise<string[]> {
  const rows = r.ownerPersonId
    ? await db
        .select({ email: person.email, accountEmail: account.email, status: account.status })
        .from(person)
        .leftJoin(account, eq(account.personId, person.id))
        .where(and(eq(person.id, r.ownerPersonId), eq(person.partnershipId, r.partnershipId)))
    : await db
        .select({ email: person.email, accountEmail: account.email, status: account.status })
        .from(roleAssignment)
        .innerJoin(person, eq(person.id, roleAssignment.personId))
        .leftJoin(account, eq(account.personId, person.id))
        .where(
          and(
            eq(roleAssignment.role, "table_member"),
            eq(roleAssignment.partnershipId, r.partnershipId),
            eq(roleAssignment.organizationId, r.ownerOrganizationId!),
            isNull(roleAssignment.revokedAt),
          ),
        );
  return [...new Set(rows.filter((x) => x.status !== "deactivated").map((x) => x.accountEmail || x.email).filter(Boolean))];
}

function notice(kind: "due_soon" | "overdue", r: Row, link: string) {
  return kind === "due_soon"
    ? {
        subject: `Filet — Une responsabilité arrive à échéance le ${formatDay("fr", r.dueOn)} / A responsibility is due soon`,
        text: `Bonjour,\n\nUne responsabilité qui vous est confiée arrive à échéance le ${formatDay("fr", r.dueOn)}. Faites le point et mettez son statut à jour :\n${link}\n\nHello,\n\nA responsibility assigned to you is due on ${formatDay("en", r.dueOn)}. Check it and update its status:\n${link}\n`,
      }
    : {
        subject: `Filet — Une responsabilité est en retard (échéance ${formatDay("fr", r.dueOn)}) / A responsibility is overdue`,
        text: `Bonjour,\n\nUne responsabilité qui vous est confiée a dépassé son échéance du ${formatDay("fr", r.dueOn)}. Mettez son statut à jour ou indiquez où elle en est :\n${link}\n\nHello,\n\nA responsibility assigned to you is past its due date (${formatDay("en", r.dueOn)}). Update its status or say where it stands:\n${link}\n`,
      };
}

/**
 * The daily job: an open responsibility due within DUE_SOON_DAYS gets one reminder per due date;
 * an overdue one gets one reminder, then at most one per OVERDUE_REPEAT_DAYS. The markers on the
 * row make a second run send nothing. One transaction per reminder (email + marker + audit).
 */
export async function sendResponsibilityReminders(db: Database, input: { now: Date; publicUrl: string }): Promise<{ dueSoon: number; overdue: number }> {
  const today = quebecDay(input.now);
  const repeatBefore = new Date(input.now.getTime() - OVERDUE_REPEAT_DAYS * 86_400_000 + 60_000);
  const candidates = await db
    .select()
    .from(responsibility)
    .where(and(inArray(responsibility.status, [...openStatuses]), lte(responsibility.dueOn, addDays(today, DUE_SOON_DAYS))));
  const counts = { dueSoon: 0, overdue: 0 };
  for (const r of candidates) {
    const kind = r.dueOn < today ? "overdue" : "due_soon";
    const due = (x: Row) =>
      openStatuses.includes(x.status) &&
      x.dueOn === r.dueOn &&
      (kind === "due_soon" ? x.dueSoonRemindedFor !== x.dueOn : !x.overdueRemindedAt || x.overdueRemindedAt <= repeatBefore);
    if (!due(r)) continue;
    const to = await recipients(db, r);
    await db.transaction(async (tx) => {
      // Re-check the marker under the row lock: two runners never both send.
      const [locked] = await tx.select().from(responsibility).where(eq(responsibility.id, r.id)).for("update");
      if (!locked || !due(locked)) return;
      const { subject, text } = notice(kind, r, `${input.publicUrl}/responsibilities/${r.id}`);
      for (const address of to) await queueEmail(tx, { to: address, subject, text, partnershipId: r.partnershipId });
      await tx
        .update(responsibility)
        .set(kind === "due_soon" ? { dueSoonRemindedFor: r.dueOn } : { overdueRemindedAt: input.now })
        .where(eq(responsibility.id, r.id));
      await recordAuditEvent(tx, systemActor("responsibility-reminders", r.partnershipId), {
        action: "responsibility.reminder_sent",
        targetType: "responsibility",
        targetId: r.id,
        partnershipId: r.partnershipId,
        organizationId: r.scopeOrganizationId,
        details: { kind, dueOn: r.dueOn, recipients: to.length },
      });
      counts[kind === "due_soon" ? "dueSoon" : "overdue"]++;
    });
  }
  return counts;
}

/** The daily job: remind owners before the due date and when overdue. */
export const responsibilityRemindersJob: JobHandler = async (_payload, ctx) => {
  await sendResponsibilityReminders(ctx.db, { now: ctx.now, publicUrl: ctx.config.publicUrl });
};
