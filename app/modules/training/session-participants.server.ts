import { and, asc, eq, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { organization } from "../governance/tables.ts";
import { person } from "../people/tables.ts";
import { containsPattern, foldSql } from "../people/search-text.ts";
import { trainingAttendance, trainingRegistration } from "./tables.ts";
import type { AttendanceStatus, RegistrationStatus, WaitReason } from "./vocabulary.ts";

export interface SessionParticipant {
  registrationId: string;
  personId: string;
  name: string;
  organizationId: string | null;
  organizationName: string;
  organizationNameEn: string;
  /** The milieu: the organization's type (school, police, community…). */
  milieu: string | null;
  status: RegistrationStatus;
  waitReason: WaitReason | null;
  nominated: boolean;
  completedAt: Date | null;
  completionMarked: boolean;
  /** Attendance per day (index 0 = day 1); null = not recorded yet. */
  days: (AttendanceStatus | null)[];
  createdAt: Date;
}

/**
 * A session's registrations (not cancelled unless asked), with organization, milieu and attendance.
 * Scoped by Table in every WHERE; callers checked the session belongs to the Table.
 */
export async function listSessionParticipants(
  db: Database,
  partnershipId: string,
  sessionId: string,
  dayCount: number,
  options: { includeCancelled?: boolean } = {},
): Promise<SessionParticipant[]> {
  const where = [eq(trainingRegistration.partnershipId, partnershipId), eq(trainingRegistration.sessionId, sessionId)];
  if (!options.includeCancelled) where.push(inArray(trainingRegistration.status, ["registered", "waitlisted"]));
  const rows = await db
    .select({
      registrationId: trainingRegistration.id,
      personId: trainingRegistration.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      organizationId: trainingRegistration.organizationId,
      organizationName: organization.nameFr,
      organizationNameEn: organization.nameEn,
      milieu: organization.type,
      status: trainingRegistration.status,
      waitReason: trainingRegistration.waitReason,
      nominatedBy: trainingRegistration.nominatedBy,
      completedAt: trainingRegistration.completedAt,
      completionMarkedBy: trainingRegistration.completionMarkedBy,
      createdAt: trainingRegistration.createdAt,
    })
    .from(trainingRegistration)
    .innerJoin(person, eq(person.id, trainingRegistration.personId))
    .leftJoin(organization, and(eq(organization.id, trainingRegistration.organizationId), eq(organization.partnershipId, partnershipId)))
    .where(and(...where))
    .orderBy(asc(person.familyName), asc(person.givenName));
  const ids = rows.map((r) => r.registrationId);
  const marks = ids.length
    ? await db
        .select()
        .from(trainingAttendance)
        .where(and(eq(trainingAttendance.partnershipId, partnershipId), inArray(trainingAttendance.registrationId, ids)))
    : [];
  return rows.map((r) => {
    const days: (AttendanceStatus | null)[] = Array.from({ length: dayCount }, () => null);
    for (const m of marks) if (m.registrationId === r.registrationId && m.dayIndex < dayCount) days[m.dayIndex] = m.status;
    return {
      registrationId: r.registrationId,
      personId: r.personId,
      name: `${r.givenName} ${r.familyName}`,
      organizationId: r.organizationId,
      organizationName: r.organizationName ?? "",
      organizationNameEn: r.organizationNameEn ?? "",
      milieu: r.milieu ?? null,
      status: r.status,
      waitReason: r.waitReason,
      nominated: !!r.nominatedBy,
      completedAt: r.completedAt,
      completionMarked: !!r.completionMarkedBy,
      days,
      createdAt: r.createdAt,
    };
  });
}

/** How many people the coordinator's search shows at once (refine the words to see others). */
export const PEOPLE_SEARCH_LIMIT = 15;

/**
 * The coordinator's "add a person" search: people of the Table (with an organization still in
 * it) whose name or organization (name or acronym) contains the words, accents and case
 * ignored; those already in the session (seat or waiting list) are left out. At most `limit`,
 * and `more` says when others match.
 */
export async function searchPeopleForSession(
  db: Database,
  input: { partnershipId: string; sessionId: string; q: string; limit?: number },
): Promise<{ people: { id: string; label: string }[]; more: boolean }> {
  const term = input.q.trim();
  if (term.length < 2) return { people: [], more: false };
  const limit = input.limit ?? PEOPLE_SEARCH_LIMIT;
  const pattern = containsPattern(term);
  const inSession = db
    .select({ id: trainingRegistration.personId })
    .from(trainingRegistration)
    .where(and(eq(trainingRegistration.sessionId, input.sessionId), inArray(trainingRegistration.status, ["registered", "waitlisted"])));
  const rows = await db
    .select({ id: person.id, givenName: person.givenName, familyName: person.familyName, organizationName: organization.nameFr, acronym: organization.acronym })
    .from(person)
    .innerJoin(organization, and(eq(organization.id, person.organizationId), eq(organization.partnershipId, input.partnershipId), isNull(organization.leftOn)))
    .where(
      and(
        eq(person.partnershipId, input.partnershipId),
        notInArray(person.id, inSession),
        or(
          sql`${foldSql(sql`${person.givenName} || ' ' || ${person.familyName}`)} like ${pattern}`,
          sql`${foldSql(sql`${person.familyName} || ' ' || ${person.givenName}`)} like ${pattern}`,
          sql`${foldSql(organization.nameFr)} like ${pattern}`,
          sql`${foldSql(organization.acronym)} like ${pattern}`,
        ) as SQL,
      ),
    )
    .orderBy(asc(person.familyName), asc(person.givenName), asc(person.id))
    .limit(limit + 1);
  return {
    people: rows.slice(0, limit).map((r) => ({ id: r.id, label: `${r.familyName}, ${r.givenName} (${r.acronym || r.organizationName})` })),
    more: rows.length > limit,
  };
}
