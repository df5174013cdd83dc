import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { organizationSeatCap } from "./mix-rules.ts";
import { queueTrainingEmail, type SessionForEmail } from "./registration-emails.server.ts";
import { trainingRegistration, trainingSession } from "./tables.ts";

/** One registration change at a time per session, so two last-seat requests cannot both win. */
export async function lockSession(tx: Database, sessionId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filet.training-session:${sessionId}`}))`);
}

export type LockedSession = typeof trainingSession.$inferSelect;

export async function readSession(tx: Database, partnershipId: string, sessionId: string): Promise<LockedSession | null> {
  const [row] = await tx
    .select()
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.id, sessionId)));
  return row ?? null;
}

export const emailSession = (s: LockedSession): SessionForEmail => ({
  id: s.id,
  partnershipId: s.partnershipId,
  dates: s.dates,
  place: s.place,
  online: s.online,
  calendarSequence: s.calendarSequence,
});

/** A person of the Table with the address to write to (the account's, else the directory's). */
export async function personContact(tx: Database, partnershipId: string, personId: string) {
  const [row] = await tx
    .select({ id: person.id, email: person.email, accountEmail: account.email, organizationId: person.organizationId })
    .from(person)
    .leftJoin(account, eq(account.personId, person.id))
    .where(and(eq(person.partnershipId, partnershipId), eq(person.id, personId)));
  return row ? { id: row.id, email: row.accountEmail || row.email, organizationId: row.organizationId } : null;
}

/** Seats taken: in total and per organization. */
export async function seatCounts(tx: Database, sessionId: string): Promise<{ total: number; byOrganization: Map<string, number> }> {
  const rows = await tx
    .select({ organizationId: trainingRegistration.organizationId, n: sql<number>`count(*)::int` })
    .from(trainingRegistration)
    .where(and(eq(trainingRegistration.sessionId, sessionId), eq(trainingRegistration.status, "registered")))
    .groupBy(trainingRegistration.organizationId);
  const byOrganization = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (r.organizationId) byOrganization.set(r.organizationId, r.n);
  }
  return { total, byOrganization };
}

/**
 * Gives free seats to the waiting list, in order of arrival, skipping a person whose organization
 * already holds its maximum share (the next one is taken instead). Runs under the session lock.
 * Then tells the ones still waiting why. Returns the people promoted (each gets an email).
 */
export async function fillSeats(
  tx: Database,
  session: LockedSession,
  rules: { maxOrganizationSharePercent: number; publicUrl: string },
): Promise<string[]> {
  if (session.status !== "open" && session.status !== "full") return [];
  const cap = organizationSeatCap(session.capacity, rules.maxOrganizationSharePercent);
  const { total, byOrganization } = await seatCounts(tx, session.id);
  let taken = total;
  const waiting = await tx
    .select({ id: trainingRegistration.id, personId: trainingRegistration.personId, organizationId: trainingRegistration.organizationId })
    .from(trainingRegistration)
    .where(and(eq(trainingRegistration.sessionId, session.id), eq(trainingRegistration.status, "waitlisted")))
    .orderBy(asc(trainingRegistration.createdAt), asc(trainingRegistration.id));
  const promoted: string[] = [];
  for (const w of waiting) {
    if (taken >= session.capacity) break;
    const held = w.organizationId ? (byOrganization.get(w.organizationId) ?? 0) : 0;
    if (w.organizationId && held >= cap) continue;
    await tx
      .update(trainingRegistration)
      .set({ status: "registered", waitReason: null, updatedAt: new Date() })
      .where(eq(trainingRegistration.id, w.id));
    if (w.organizationId) byOrganization.set(w.organizationId, held + 1);
    taken++;
    promoted.push(w.personId);
    const contact = await personContact(tx, session.partnershipId, w.personId);
    if (contact) await queueTrainingEmail(tx, { to: contact.email, kind: "promoted", session: emailSession(session), publicUrl: rules.publicUrl });
  }
  // Whoever still waits does so because the session is full, or else because of the cap.
  await tx
    .update(trainingRegistration)
    .set({ waitReason: taken >= session.capacity ? "capacity" : "organization_cap" })
    .where(and(eq(trainingRegistration.sessionId, session.id), eq(trainingRegistration.status, "waitlisted")));
  return promoted;
}
