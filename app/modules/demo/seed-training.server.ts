import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { basicProgram } from "../training/basic-program.ts";
import { trainerAvailability, trainerProfile, trainingProgram, trainingSession } from "../training/tables.ts";
import { HISTORY_SESSIONS, RECENT_SESSIONS, seedRecentSessions, seedTrainingHistory } from "./seed-training-history.server.ts";

/** The demo's 8 trainers, from 8 partner organizations (looked up by email in the Table). */
const demoTrainers: readonly { email: string; languages?: string[]; accreditedOn: string }[] = [
  { email: "formateur.pipq@filet.test", languages: ["fr", "en"], accreditedOn: "2008-11-18" },
  { email: "patrick.dube@filet.test", accreditedOn: "2008-11-18" },
  { email: "helene.bouchard@filet.test", accreditedOn: "2008-11-18" },
  { email: "marc-andre.pelletier@filet.test", accreditedOn: "2010-06-15" },
  { email: "sophie.tremblay@filet.test", accreditedOn: "2010-06-15" },
  { email: "david.nguyen@filet.test", languages: ["en", "fr"], accreditedOn: "2010-06-15" },
  { email: "olivier.bergeron@filet.test", accreditedOn: "2024-09-16" },
  { email: "stephanie.lavoie@filet.test", accreditedOn: "2024-09-16" },
];

const PLACES = ["Centre communautaire Lucien-Borne, Québec", "Cégep de Lévis", "Maison de la coopération, Québec", "Hôtel de ville de Saint-Augustin"];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** The Tuesday on or after a date, so sessions run Tuesday–Wednesday. */
function tuesdayFrom(d: Date): Date {
  return addDays(d, (2 - d.getUTCDay() + 7) % 7);
}

/**
 * The basic 2-day program, the demo trainer pool, the 32 sessions given in 2009–2012 and six
 * given over the last two fiscal years (with their pairs, participants, attendance and
 * completion) and an upcoming season of planned sessions with availability answered, so the
 * coordinator can ask for pairs right away. Idempotent: does nothing once the program exists.
 */
export async function seedTrainingDemo(tx: Database, partnershipId: string, now: Date = new Date()): Promise<void> {
  const [existing] = await tx
    .select({ id: trainingProgram.id })
    .from(trainingProgram)
    .where(and(eq(trainingProgram.partnershipId, partnershipId), eq(trainingProgram.slug, basicProgram.slug)));
  if (existing) return;
  const [program] = await tx.insert(trainingProgram).values({ partnershipId, ...basicProgram }).returning({ id: trainingProgram.id });
  const people = await tx
    .select({ id: person.id, email: person.email, organizationId: person.organizationId, languages: person.languages })
    .from(person)
    .where(and(eq(person.partnershipId, partnershipId), inArray(person.email, demoTrainers.map((t) => t.email))));
  const trainerIds: string[] = [];
  for (const spec of demoTrainers) {
    const p = people.find((x) => x.email === spec.email);
    if (!p?.organizationId) continue;
    const [held] = await tx
      .select({ id: roleAssignment.id })
      .from(roleAssignment)
      .where(and(eq(roleAssignment.personId, p.id), eq(roleAssignment.role, "trainer"), eq(roleAssignment.partnershipId, partnershipId), isNull(roleAssignment.revokedAt)));
    if (!held) await tx.insert(roleAssignment).values({ personId: p.id, role: "trainer", partnershipId, organizationId: p.organizationId });
    const [profile] = await tx
      .insert(trainerProfile)
      .values({ partnershipId, personId: p.id, organizationId: p.organizationId, languages: spec.languages ?? p.languages, accreditedOn: spec.accreditedOn, maxSessions: 5 })
      .returning({ id: trainerProfile.id });
    trainerIds.push(profile!.id);
  }
  let sessions = 0;
  let trained = 0;
  if (trainerIds.length >= 4) {
    // The history (2009–2012): 32 sessions given by pairs of different organizations, ~450 trained.
    // Only the trainers accredited by then (the first six) gave them.
    trained = await seedTrainingHistory(tx, { partnershipId, programId: program!.id, trainerIds: trainerIds.slice(0, 6) });
    sessions += HISTORY_SESSIONS;
    // The recent season (the last two fiscal years), by the whole pool, the newest trainers included.
    trained += await seedRecentSessions(tx, { partnershipId, programId: program!.id, trainerIds, now });
    sessions += RECENT_SESSIONS;
    // The upcoming season: 12 sessions to staff, two a month; one in English; one online.
    const seasonStart = tuesdayFrom(addDays(now, 30));
    for (let i = 0; i < 12; i++) {
      const day1 = addDays(seasonStart, i * 14);
      const [row] = await tx
        .insert(trainingSession)
        .values({
          partnershipId,
          programId: program!.id,
          dates: [iso(day1), iso(addDays(day1, 1))],
          place: i === 5 ? "" : PLACES[i % PLACES.length]!,
          online: i === 5,
          capacity: 20,
          language: i === 7 ? "en" : "fr",
          // The first one is already open for registration, so workers can sign up in the demo.
          status: i === 0 ? "open" : "planned",
        })
        .returning({ id: trainingSession.id });
      sessions++;
      // Each trainer is away for some sessions; the pattern leaves every session staffable. The
      // first trainer (the demo trainer account) has not answered for the tenth session yet: it is
      // on their home page.
      await tx.insert(trainerAvailability).values(
        trainerIds
          .map((trainerId, t) => ({ partnershipId, sessionId: row!.id, trainerId, available: (i + t) % 4 !== 0 || i === 7 }))
          .filter((_, t) => !(t === 0 && i === 9)),
      );
    }
  }
  await recordAuditEvent(tx, systemActor("demo-seed", partnershipId), {
    action: "training.demo_seeded",
    targetType: "partnership",
    targetId: partnershipId,
    details: { trainers: trainerIds.length, sessions, trained },
  });
}
