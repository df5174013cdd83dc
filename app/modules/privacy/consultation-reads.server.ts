import { and, count, countDistinct, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { auditEvent } from "../audit/tables.ts";
import { consultation } from "../consultations/tables.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { addDays, startOfQuebecDay } from "../time/days.ts";
import type { CurrentUser } from "../identity/current-user.server.ts";
import { privacyAccessOf } from "./privacy-access.server.ts";

/**
 * Whose consultations an audit reader sees the reads of: `null` for the whole Table (the platform
 * admin, the Table's own privacy officer), else the organizations of an organization's officer —
 * the consultations their organization asked or was asked (issue 15 §1: each officer sees their
 * own organization's). The audit log itself stays Table-wide for audit readers (/admin/audit).
 */
export function readsScopeOf(user: CurrentUser): string[] | null {
  const access = privacyAccessOf(user);
  if (!access || access.registers.includes(null)) return null;
  return access.registers.filter((r): r is string => r !== null);
}

const involves = (organizations: string[]) => or(inArray(consultation.askerOrganizationId, organizations), inArray(consultation.targetOrganizationId, organizations));

/**
 * Who read a consultation (issue 15 §3), from the audit log's `consultation.read` events — the
 * journal the consultation page writes on every opening. For the consultation's asker and the
 * Table's privacy officer; anyone else, or another Table's consultation, reads as missing.
 */
export async function consultationReads(
  db: Database,
  actor: AuditActor,
  viewer: { partnershipId: string; personId: string; officer: boolean; organizations: string[] | null },
  consultationId: string,
) {
  const [row] = await db
    .select({
      id: consultation.id,
      askerPersonId: consultation.askerPersonId,
      subject: consultation.subject,
      createdAt: consultation.createdAt,
      // Whether an organization's officer's organizations are party to it (true for the Table's).
      inScope: viewer.organizations ? sql<boolean>`coalesce(${involves(viewer.organizations)}, false)` : sql<boolean>`true`,
    })
    .from(consultation)
    .where(and(eq(consultation.partnershipId, viewer.partnershipId), eq(consultation.id, consultationId)));
  const asker = row?.askerPersonId === viewer.personId;
  if (!row || !(asker || (viewer.officer && row.inScope))) return null;
  const reads = await db
    .select({ at: auditEvent.occurredAt, role: auditEvent.actorRole, givenName: person.givenName, familyName: person.familyName, email: account.email })
    .from(auditEvent)
    .leftJoin(account, eq(account.id, auditEvent.actorAccountId))
    .leftJoin(person, eq(person.id, account.personId))
    .where(and(eq(auditEvent.partnershipId, viewer.partnershipId), eq(auditEvent.action, "consultation.read"), eq(auditEvent.targetType, "consultation"), eq(auditEvent.targetId, row.id)))
    .orderBy(desc(auditEvent.id))
    .limit(500);
  await db.transaction((tx) => recordAuditEvent(tx, actor, { action: "privacy.consultation_reads_viewed", targetType: "consultation", targetId: row.id, partnershipId: viewer.partnershipId, details: { reads: reads.length, asker: row.askerPersonId === viewer.personId } }));
  return {
    consultation: { id: row.id, subject: row.subject, createdAt: row.createdAt },
    reads: reads.map((r) => ({ at: r.at, name: `${r.givenName ?? ""} ${r.familyName ?? ""}`.trim(), email: r.email ?? "" })),
  };
}

/**
 * Reads of consultations per person over a period (Québec days, both included), most first;
 * within `organizations`' consultations when the reader is an organization's officer.
 */
export async function readsPerPerson(db: Database, actor: AuditActor, partnershipId: string, period: { from: string; to: string }, organizations: string[] | null = null) {
  const base = db
    .select({ accountId: auditEvent.actorAccountId, reads: count(), consultations: countDistinct(auditEvent.targetId), givenName: person.givenName, familyName: person.familyName, email: account.email })
    .from(auditEvent)
    .leftJoin(account, eq(account.id, auditEvent.actorAccountId))
    .leftJoin(person, eq(person.id, account.personId));
  const scoped = organizations
    ? base.innerJoin(consultation, and(eq(consultation.partnershipId, partnershipId), sql`${consultation.id}::text = ${auditEvent.targetId}`, involves(organizations)))
    : base;
  const rows = await scoped
    .where(
      and(
        eq(auditEvent.partnershipId, partnershipId),
        eq(auditEvent.action, "consultation.read"),
        gte(auditEvent.occurredAt, startOfQuebecDay(period.from)),
        lt(auditEvent.occurredAt, startOfQuebecDay(addDays(period.to, 1))),
      ),
    )
    .groupBy(auditEvent.actorAccountId, person.givenName, person.familyName, account.email)
    .orderBy(desc(count()))
    .limit(500);
  await db.transaction((tx) => recordAuditEvent(tx, actor, { action: "privacy.reads_report_viewed", targetType: "audit_event", targetId: "", partnershipId, details: { from: period.from, to: period.to, people: rows.length, organizations: organizations ?? "table" } }));
  return rows.map((r) => ({ accountId: r.accountId, name: `${r.givenName ?? ""} ${r.familyName ?? ""}`.trim(), email: r.email ?? "", reads: r.reads, consultations: r.consultations }));
}

/** The last verification of the audit chain asked in this Table (its verdict, when, by whom). */
export async function lastChainVerification(db: Database, partnershipId: string) {
  const [row] = await db
    .select({ at: auditEvent.occurredAt, details: auditEvent.details, givenName: person.givenName, familyName: person.familyName })
    .from(auditEvent)
    .leftJoin(account, eq(account.id, auditEvent.actorAccountId))
    .leftJoin(person, eq(person.id, account.personId))
    .where(and(eq(auditEvent.partnershipId, partnershipId), eq(auditEvent.action, "audit.chain_verified")))
    .orderBy(desc(auditEvent.id))
    .limit(1);
  if (!row) return null;
  const d = row.details as { ok?: boolean; count?: number; broken?: number };
  return { at: row.at, ok: d.ok === true, count: Number(d.count ?? 0), broken: Number(d.broken ?? 0), by: `${row.givenName ?? ""} ${row.familyName ?? ""}`.trim() };
}
