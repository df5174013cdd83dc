import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
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

interface GroupedRow {
  by: "organization" | "milieu" | "year" | "total";
  key: string | null;
  name: string | null;
  acronym: string | null;
  sessions: number;
  people: number;
  completions: number;
}

/**
 * Counts at a glance: sessions given and people trained (completed), by year (of the session's
 * first day), by organization (the one the seat counted for) and by milieu (its type).
 *
 * Counted in the database in one pass (GROUPING SETS with distinct counts): a Table's history
 * holds tens of thousands of completions, and shipping each one to JavaScript to count it cost
 * ten times more than the counting (bench/table-work.ts, docs/PERFORMANCE.md).
 */
export async function trainingStats(db: Database, partnershipId: string): Promise<TrainingStats> {
  const sessions = await db
    .select({ id: trainingSession.id, dates: trainingSession.dates })
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.status, "given")));
  if (sessions.length === 0) return { sessionsGiven: 0, peopleTrained: 0, completions: 0, byYear: [], byOrganization: [], byMilieu: [] };
  const orgId = sql`coalesce(${trainingRegistration.organizationId}, ${person.organizationId})`;
  const c = db
    .select({
      sessionId: sql<string>`${trainingRegistration.sessionId}`.as("session_id"),
      personId: sql<string>`${trainingRegistration.personId}`.as("person_id"),
      organizationId: sql<string | null>`${organization.id}`.as("organization_id"),
      name: sql<string | null>`${organization.nameFr}`.as("name"),
      acronym: sql<string | null>`${organization.acronym}`.as("acronym"),
      // No organization found counts as "other", like an organization of type "other".
      type: sql<string>`coalesce(${organization.type}::text, 'other')`.as("type"),
      year: sql<string>`substr((${trainingSession.dates})[1]::text, 1, 4)`.as("year"),
    })
    .from(trainingRegistration)
    .innerJoin(
      trainingSession,
      and(eq(trainingSession.id, trainingRegistration.sessionId), eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.status, "given")),
    )
    .innerJoin(person, eq(person.id, trainingRegistration.personId))
    .leftJoin(organization, and(eq(organization.partnershipId, partnershipId), eq(organization.id, orgId)))
    .where(and(eq(trainingRegistration.partnershipId, partnershipId), eq(trainingRegistration.status, "registered"), isNotNull(trainingRegistration.completedAt)))
    .as("c");
  const rows: GroupedRow[] = await db
    .select({
      by: sql<GroupedRow["by"]>`case when grouping(${c.organizationId}) = 0 then 'organization' when grouping(${c.type}) = 0 then 'milieu' when grouping(${c.year}) = 0 then 'year' else 'total' end`,
      key: sql<string | null>`coalesce(${c.organizationId}::text, ${c.type}, ${c.year})`,
      name: sql<string | null>`max(${c.name})`,
      acronym: sql<string | null>`max(${c.acronym})`,
      sessions: sql<number>`count(distinct ${c.sessionId})::int`,
      people: sql<number>`count(distinct ${c.personId})::int`,
      completions: sql<number>`count(*)::int`,
    })
    .from(c)
    .groupBy(sql`grouping sets ((${c.organizationId}), (${c.type}), (${c.year}), ())`);
  const of = (by: GroupedRow["by"]) => rows.filter((r) => r.by === by);
  const total = of("total")[0];
  const peopleByYear = new Map(of("year").map((r) => [r.key ?? "", Number(r.people)]));
  const years = new Map<string, number>();
  for (const s of sessions) {
    const y = (s.dates[0] ?? "").slice(0, 4);
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  // A grouping-set row with a null key is the group of completions without that attribute.
  return {
    sessionsGiven: sessions.length,
    peopleTrained: Number(total?.people ?? 0),
    completions: Number(total?.completions ?? 0),
    byYear: [...years.entries()].map(([key, n]) => ({ key, sessions: n, people: peopleByYear.get(key) ?? 0 })).sort((a, b) => a.key.localeCompare(b.key)),
    byOrganization: of("organization")
      .map((r) => ({ key: r.key ?? "none", sessions: Number(r.sessions), people: Number(r.people), name: r.name ?? "", acronym: r.acronym ?? "" }))
      .sort((a, b) => b.people - a.people || a.name.localeCompare(b.name)),
    byMilieu: of("milieu")
      .map((r) => ({ key: r.key ?? "other", sessions: Number(r.sessions), people: Number(r.people) }))
      .sort((a, b) => b.people - a.people || a.key.localeCompare(b.key)),
  };
}
