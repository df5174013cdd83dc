import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { trainingRegistration, trainingSession } from "./tables.ts";
import type { RegistrationStatus } from "./vocabulary.ts";

export type RegisterResult = { status: "registered" | "waitlisted" } | { status: "not_found" };

/** One registration change at a time per session, so two last-seat requests cannot both win. */
async function lockSession(tx: Database, sessionId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`filet.training-session:${sessionId}`}))`);
}

async function registeredCount(tx: Database, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingRegistration)
    .where(and(eq(trainingRegistration.sessionId, sessionId), eq(trainingRegistration.status, "registered")));
  return row?.n ?? 0;
}

/**
 * Self-registration (inscription) to an open session: a seat while there is one, otherwise the
 * waiting list. Registering again keeps the current place (a double click is one registration).
 */
export async function registerForSession(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; sessionId: string; personId: string },
): Promise<RegisterResult> {
  return db.transaction(async (tx): Promise<RegisterResult> => {
    await lockSession(tx, input.sessionId);
    const [session] = await tx
      .select({ capacity: trainingSession.capacity, status: trainingSession.status })
      .from(trainingSession)
      .where(and(eq(trainingSession.partnershipId, input.partnershipId), eq(trainingSession.id, input.sessionId)));
    if (!session || (session.status !== "open" && session.status !== "full")) return { status: "not_found" };
    const [mine] = await tx
      .select()
      .from(trainingRegistration)
      .where(and(eq(trainingRegistration.sessionId, input.sessionId), eq(trainingRegistration.personId, input.personId)));
    if (mine && mine.status !== "cancelled") return { status: mine.status };
    const status: RegistrationStatus = (await registeredCount(tx, input.sessionId)) < session.capacity ? "registered" : "waitlisted";
    if (mine) {
      // Coming back after cancelling: to the end of the line, like anyone new.
      await tx.update(trainingRegistration).set({ status, createdAt: new Date(), updatedAt: new Date() }).where(eq(trainingRegistration.id, mine.id));
    } else {
      await tx.insert(trainingRegistration).values({ partnershipId: input.partnershipId, sessionId: input.sessionId, personId: input.personId, status });
    }
    await recordAuditEvent(tx, actor, {
      action: `training_registration.${status}`,
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { personId: input.personId },
    });
    return { status };
  });
}

/** Cancels one's registration; a freed seat goes to the first person waiting. */
export async function cancelRegistration(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; sessionId: string; personId: string },
): Promise<{ status: "cancelled"; promotedPersonId: string | null } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    await lockSession(tx, input.sessionId);
    const [session] = await tx
      .select({ capacity: trainingSession.capacity })
      .from(trainingSession)
      .where(and(eq(trainingSession.partnershipId, input.partnershipId), eq(trainingSession.id, input.sessionId)));
    if (!session) return { status: "not_found" as const };
    const cancelled = await tx
      .update(trainingRegistration)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(
        and(
          eq(trainingRegistration.sessionId, input.sessionId),
          eq(trainingRegistration.personId, input.personId),
          inArray(trainingRegistration.status, ["registered", "waitlisted"]),
        ),
      )
      .returning({ id: trainingRegistration.id });
    if (cancelled.length === 0) return { status: "not_found" as const };
    let promotedPersonId: string | null = null;
    if ((await registeredCount(tx, input.sessionId)) < session.capacity) {
      const [next] = await tx
        .select()
        .from(trainingRegistration)
        .where(and(eq(trainingRegistration.sessionId, input.sessionId), eq(trainingRegistration.status, "waitlisted")))
        .orderBy(asc(trainingRegistration.createdAt), asc(trainingRegistration.id))
        .limit(1);
      if (next) {
        await tx.update(trainingRegistration).set({ status: "registered", updatedAt: new Date() }).where(eq(trainingRegistration.id, next.id));
        promotedPersonId = next.personId;
      }
    }
    await recordAuditEvent(tx, actor, {
      action: "training_registration.cancelled",
      targetType: "training_session",
      targetId: input.sessionId,
      partnershipId: input.partnershipId,
      details: { personId: input.personId, promotedPersonId },
    });
    return { status: "cancelled" as const, promotedPersonId };
  });
}

/** Open sessions of the Table with seats taken and the person's own status. */
export async function listOpenSessionsFor(db: Database, partnershipId: string, personId: string) {
  const sessions = await db
    .select()
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), inArray(trainingSession.status, ["open", "full"])));
  const ids = sessions.map((s) => s.id);
  const registrations = ids.length
    ? await db.select().from(trainingRegistration).where(and(eq(trainingRegistration.partnershipId, partnershipId), inArray(trainingRegistration.sessionId, ids)))
    : [];
  return sessions
    .sort((a, b) => (a.dates[0] ?? "").localeCompare(b.dates[0] ?? ""))
    .map((s) => {
      const here = registrations.filter((r) => r.sessionId === s.id);
      return {
        id: s.id,
        dates: s.dates,
        place: s.place,
        online: s.online,
        language: s.language,
        capacity: s.capacity,
        taken: here.filter((r) => r.status === "registered").length,
        mine: (here.find((r) => r.personId === personId && r.status !== "cancelled")?.status ?? null) as RegistrationStatus | null,
      };
    });
}
