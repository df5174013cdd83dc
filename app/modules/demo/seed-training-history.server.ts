import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { trainingAttendance, trainingRegistration, trainingSession } from "../training/tables.ts";

/*
 * The seeds' history: "32 sessions and about 450 workers trained" (2009–2012), and a recent season
 * given over the last two fiscal years, so that the evaluation's current and previous years hold
 * training figures like the rest of the demo. Fictional adult professionals only (generated
 * names, a fictional @filet.test address, no account), spread over the Table's partner
 * organizations and milieux, each session mixed (no organization above 40 % of the seats).
 */
export const HISTORY_SESSIONS = 32;
/** Sessions given recently, 20, 17, 14, 8, 5 and 2 months before the demo is seeded. */
const RECENT_MONTHS_AGO = [20, 17, 14, 8, 5, 2] as const;
export const RECENT_SESSIONS = RECENT_MONTHS_AGO.length;

const GIVEN = ["Julie", "Martin", "Isabelle", "François", "Nathalie", "Sébastien", "Caroline", "Mathieu", "Geneviève", "Alexandre", "Marie-Ève", "Jean-François", "Véronique", "Simon", "Chantal", "Maxime", "Audrey", "Guillaume", "Émilie", "Patrice", "Karine", "Louis", "Annie", "Nicolas", "Sylvie", "Dominic", "Josée", "Philippe", "Mélissa", "Yannick"];
const FAMILY = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Vachon", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry"];
const PLACES = ["Centre communautaire Lucien-Borne, Québec", "Cégep de Lévis", "Maison de la coopération, Québec", "Hôtel de ville de Saint-Augustin"];

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The Tuesday on or after a date, so sessions run Tuesday–Wednesday. */
function tuesdayFrom(d: Date): Date {
  return new Date(d.getTime() + ((2 - d.getUTCDay() + 7) % 7) * 86_400_000);
}

/** 32 given sessions, 8 a year from 2009 to 2012 (February–May, September–December). */
function historyDates(): [string, string][] {
  const out: [string, string][] = [];
  for (const year of [2009, 2010, 2011, 2012]) {
    for (const month of [1, 2, 3, 4, 8, 9, 10, 11]) {
      const day1 = tuesdayFrom(new Date(Date.UTC(year, month, 8)));
      out.push([iso(day1), iso(new Date(day1.getTime() + 86_400_000))]);
    }
  }
  return out.slice(0, HISTORY_SESSIONS);
}

/** The recent season's dates, counted back from the seeding day (all of them over by then). */
export function recentDates(now: Date): [string, string][] {
  return RECENT_MONTHS_AGO.map((monthsAgo) => {
    const day1 = tuesdayFrom(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 8)));
    return [iso(day1), iso(new Date(day1.getTime() + 86_400_000))];
  });
}

/**
 * Inserts given sessions in a few batch statements: sessions (status "given", a pair of trainers
 * of different organizations), registrations with completion, and both days of attendance.
 * `first` numbers the sessions and participants after those of an earlier call, so the
 * round-robin and the generated addresses go on from there. Returns the number of completed participants.
 */
export async function seedGivenSessions(
  tx: Database,
  input: { partnershipId: string; programId: string; trainerIds: string[]; dates: [string, string][]; first: { session: number; participant: number } },
): Promise<number> {
  const { partnershipId, programId, trainerIds, dates, first } = input;
  if (trainerIds.length < 2 || dates.length === 0) return 0;
  const orgs = await tx
    .select({ id: organization.id })
    .from(organization)
    .where(and(eq(organization.partnershipId, partnershipId), ne(organization.type, "research")))
    .orderBy(organization.nameFr);
  const sessions = await tx
    .insert(trainingSession)
    .values(
      dates.map((d, at) => {
        const i = first.session + at;
        const a = i % trainerIds.length;
        const shift = 1 + (Math.floor(i / trainerIds.length) % (trainerIds.length - 1));
        return {
          partnershipId,
          programId,
          dates: d,
          place: PLACES[i % PLACES.length]!,
          capacity: 18,
          status: "given" as const,
          trainerAId: trainerIds[a]!,
          trainerBId: trainerIds[(a + shift) % trainerIds.length]!,
        };
      }),
    )
    .returning({ id: trainingSession.id, dates: trainingSession.dates });
  if (orgs.length < 3) return 0;
  // 14 or 15 participants a session, round-robin over the organizations from a moving start: at most 2–3 per organization.
  const plan = sessions.flatMap((s, at) => {
    const i = first.session + at;
    const size = i % 4 === 0 ? 14 : 15;
    return Array.from({ length: size }, (_, k) => ({ session: s, index: i, k, organizationId: orgs[(i * 5 + k) % orgs.length]!.id }));
  });
  const people = await tx
    .insert(person)
    .values(
      plan.map((p, at) => ({
        partnershipId,
        organizationId: p.organizationId,
        givenName: GIVEN[(first.participant + at) % GIVEN.length]!,
        familyName: FAMILY[((first.participant + at) * 7 + Math.floor((first.participant + at) / GIVEN.length)) % FAMILY.length]!,
        title: "Intervenant·e (participant·e, démo)",
        email: `participant.${String(first.participant + at + 1).padStart(4, "0")}@filet.test`,
      })),
    )
    .returning({ id: person.id });
  // One participant in most sessions misses part of day 2: not completed (partial counts only if recognized).
  const incomplete = (p: (typeof plan)[number]) => p.index % 3 !== 0 && p.k === 0;
  const registrations = await tx
    .insert(trainingRegistration)
    .values(
      plan.map((p, n) => ({
        partnershipId,
        sessionId: p.session.id,
        personId: people[n]!.id,
        status: "registered" as const,
        organizationId: p.organizationId,
        completedAt: incomplete(p) ? null : new Date(`${p.session.dates[1]}T21:00:00Z`),
        createdAt: new Date(`${p.session.dates[0]}T12:00:00Z`),
      })),
    )
    .returning({ id: trainingRegistration.id });
  await tx.insert(trainingAttendance).values(
    plan.flatMap((p, n) => [
      { partnershipId, registrationId: registrations[n]!.id, dayIndex: 0, status: "present" as const },
      { partnershipId, registrationId: registrations[n]!.id, dayIndex: 1, status: incomplete(p) ? ("partial" as const) : ("present" as const) },
    ]),
  );
  return plan.filter((p) => !incomplete(p)).length;
}

/** The seeds' 32 sessions (2009–2012) by the trainers accredited by then; returns the completed participants. */
export function seedTrainingHistory(tx: Database, input: { partnershipId: string; programId: string; trainerIds: string[] }): Promise<number> {
  return seedGivenSessions(tx, { ...input, dates: historyDates(), first: { session: 0, participant: 0 } });
}

/** The recent season (the last two fiscal years), after the history: participants numbered from 1001. */
export function seedRecentSessions(tx: Database, input: { partnershipId: string; programId: string; trainerIds: string[]; now: Date }): Promise<number> {
  return seedGivenSessions(tx, { ...input, dates: recentDates(input.now), first: { session: HISTORY_SESSIONS, participant: 1000 } });
}
