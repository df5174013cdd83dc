import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../identity/tables.ts";
import { trainingRegistration, trainingSession } from "../training/tables.ts";

export interface CountRow {
  key: string;
  sessions: number;
  people: number;
}

export interface TrainingStats {
  sessionsGiven: number;
  /** Distinct people who completed a session. */
  peopleTrained: number;
  /** Completions (a person trained twice counts twice here, once in peopleTrained). */
  completions: number;
  byYear: CountRow[];
  byOrganization: (CountRow & { name: string; acronym: string })[];
  byMilieu: CountRow[];
}

/**
 * Counts at a glance: sessions given and people trained (completed), by year (of the session's
 * first day), by organization (the one the seat counted for) and by milieu (its type).
 */
export async function trainingStats(db: Database, partnershipId: string): Promise<TrainingStats> {
  const sessions = await db
    .select({ id: trainingSession.id, dates: trainingSession.dates })
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.status, "given")));
  const ids = sessions.map((s) => s.id);
  const completions = ids.length
    ? await db
        .select({
          sessionId: trainingRegistration.sessionId,
          personId: trainingRegistration.personId,
          organizationId: organization.id,
          name: organization.nameFr,
          acronym: organization.acronym,
          type: organization.type,
        })
        .from(trainingRegistration)
        .innerJoin(person, eq(person.id, trainingRegistration.personId))
        .leftJoin(
          organization,
          and(eq(organization.partnershipId, partnershipId), eq(organization.id, sql`coalesce(${trainingRegistration.organizationId}, ${person.organizationId})`)),
        )
        .where(
          and(
            eq(trainingRegistration.partnershipId, partnershipId),
            inArray(trainingRegistration.sessionId, ids),
            eq(trainingRegistration.status, "registered"),
            isNotNull(trainingRegistration.completedAt),
          ),
        )
    : [];
  const yearOf = new Map(sessions.map((s) => [s.id, (s.dates[0] ?? "").slice(0, 4)]));
  const group = <K extends string>(keyOf: (c: (typeof completions)[number]) => K | null) => {
    const out = new Map<K, { sessions: Set<string>; people: Set<string> }>();
    for (const c of completions) {
      const key = keyOf(c);
      if (key === null) continue;
      const g = out.get(key) ?? { sessions: new Set(), people: new Set() };
      g.sessions.add(c.sessionId);
      g.people.add(c.personId);
      out.set(key, g);
    }
    return out;
  };
  const years = new Map<string, { sessions: number; people: Set<string> }>();
  for (const s of sessions) {
    const y = yearOf.get(s.id) ?? "";
    const g = years.get(y) ?? { sessions: 0, people: new Set<string>() };
    g.sessions++;
    years.set(y, g);
  }
  for (const c of completions) years.get(yearOf.get(c.sessionId) ?? "")?.people.add(c.personId);
  const orgs = group((c) => c.organizationId ?? "none");
  const milieux = group((c) => c.type ?? "other");
  const orgMeta = new Map(completions.map((c) => [c.organizationId ?? "none", { name: c.name ?? "", acronym: c.acronym ?? "" }]));
  return {
    sessionsGiven: sessions.length,
    peopleTrained: new Set(completions.map((c) => c.personId)).size,
    completions: completions.length,
    byYear: [...years.entries()].map(([key, g]) => ({ key, sessions: g.sessions, people: g.people.size })).sort((a, b) => a.key.localeCompare(b.key)),
    byOrganization: [...orgs.entries()]
      .map(([key, g]) => ({ key, sessions: g.sessions.size, people: g.people.size, ...orgMeta.get(key)! }))
      .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name)),
    byMilieu: [...milieux.entries()].map(([key, g]) => ({ key, sessions: g.sessions.size, people: g.people.size })).sort((a, b) => b.people - a.people),
  };
}
