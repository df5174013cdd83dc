import { and, asc, desc, eq, gte, inArray, isNull, lte, ne } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlan } from "../action-plan/tables.ts";
import { storedFile } from "../files/tables.ts";
import { grant, grantReportDate } from "../funding/tables.ts";
import { organization } from "../governance/tables.ts";
import { meeting } from "../meetings/tables.ts";
import { commitmentStatus } from "../partners/commitment-status.ts";
import { partnerCommitment } from "../partners/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import type { HandoverItem } from "./vocabulary.ts";
import { quebecDay } from "../time/days.ts";

/** Where the successor finds a document, by the kind of record that owns it. */
function documentHref(ownerType: string, ownerId: string): string | null {
  if (ownerType === "grant") return `/funding/${ownerId}`;
  if (ownerType === "meeting") return `/meetings/${ownerId}`;
  if (ownerType === "partner_commitment") return `/partners/commitments/${ownerId}`;
  return null;
}

const item = (kind: HandoverItem["kind"], id: string, label: string, date: string | null, href: string | null): HandoverItem => ({
  key: `${kind}:${id}`,
  kind,
  label,
  date,
  href,
  checked: false,
});

/**
 * The handover checklist, from the live data of the Table: the action plan of the year, current
 * grants with their next deadline, open Table-wide responsibilities, upcoming meetings, the
 * organizations whose written commitment is due or late, and the Table's documents.
 */
export async function buildChecklist(db: Database, partnershipId: string, now: Date): Promise<HandoverItem[]> {
  const today = quebecDay(now);
  const items: HandoverItem[] = [];

  const plans = await db.select().from(actionPlan).where(eq(actionPlan.partnershipId, partnershipId)).orderBy(desc(actionPlan.year)).limit(1);
  for (const p of plans) items.push(item("plan", p.id, `${p.year} — ${p.title}`, null, `/action-plan/${p.year}`));

  const grants = await db.select().from(grant).where(and(eq(grant.partnershipId, partnershipId), gte(grant.endsOn, today))).orderBy(asc(grant.endsOn));
  const reports = grants.length
    ? await db
        .select()
        .from(grantReportDate)
        .where(and(eq(grantReportDate.partnershipId, partnershipId), inArray(grantReportDate.grantId, grants.map((g) => g.id)), isNull(grantReportDate.submittedOn)))
        .orderBy(asc(grantReportDate.dueOn))
    : [];
  for (const g of grants) {
    const next = reports.find((r) => r.grantId === g.id);
    items.push(item("grant", g.id, `${g.funder}${g.program ? ` — ${g.program}` : ""}`, next && next.dueOn < g.endsOn ? next.dueOn : g.endsOn, `/funding/${g.id}`));
  }

  const open = await db
    .select({ id: responsibility.id, what: responsibility.what, dueOn: responsibility.dueOn })
    .from(responsibility)
    .where(and(eq(responsibility.partnershipId, partnershipId), isNull(responsibility.scopeOrganizationId), inArray(responsibility.status, ["todo", "in_progress"])))
    .orderBy(asc(responsibility.dueOn));
  for (const r of open) items.push(item("responsibility", r.id, r.what, r.dueOn, `/responsibilities/${r.id}`));

  const upcoming = await db
    .select({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt })
    .from(meeting)
    .where(and(eq(meeting.partnershipId, partnershipId), gte(meeting.startsAt, now), ne(meeting.status, "cancelled"), isNull(meeting.organizationId)))
    .orderBy(asc(meeting.startsAt));
  for (const m of upcoming) items.push(item("meeting", m.id, m.title, quebecDay(m.startsAt), `/meetings/${m.id}`));

  const orgs = await db
    .select({ id: organization.id, name: organization.nameFr, acronym: organization.acronym })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), isNull(organization.leftOn)))
    .orderBy(asc(organization.nameFr));
  const commitments = await db
    .select({ organizationId: partnerCommitment.organizationId, startsOn: partnerCommitment.startsOn, endsOn: partnerCommitment.endsOn })
    .from(partnerCommitment)
    .where(and(eq(partnerCommitment.partnershipId, partnershipId), lte(partnerCommitment.startsOn, today)));
  for (const o of orgs) {
    const latest = commitments.filter((c) => c.organizationId === o.id).sort((a, b) => (a.endsOn < b.endsOn ? 1 : -1))[0] ?? null;
    const status = commitmentStatus(latest, today);
    if (status !== "signed") items.push({ ...item("commitment", o.id, o.acronym || o.name, latest?.endsOn ?? null, "/partners/commitments"), status });
  }

  const files = await db
    .select({ id: storedFile.id, fileName: storedFile.fileName, ownerType: storedFile.ownerType, ownerId: storedFile.ownerId, createdAt: storedFile.createdAt })
    .from(storedFile)
    .where(eq(storedFile.partnershipId, partnershipId))
    .orderBy(desc(storedFile.createdAt))
    .limit(100);
  for (const f of files) items.push(item("document", f.id, f.fileName, quebecDay(f.createdAt), documentHref(f.ownerType, f.ownerId)));

  return items;
}
