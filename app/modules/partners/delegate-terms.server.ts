import { and, asc, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import { person } from "../people/tables.ts";
import type { DelegateTermInput } from "./partners-schema.ts";
import { partnerDelegateTerm } from "./tables.ts";
import type { DelegateKind } from "./vocabulary.ts";
import { conflict, invalid, missing, ok, type Conflict, type Invalid, type NotFound, type Ok } from "../outcome/outcome.ts";

export interface DelegateTerm {
  id: string;
  organizationId: string;
  personId: string;
  givenName: string;
  familyName: string;
  kind: DelegateKind;
  since: string;
  until: string | null;
  note: string;
}

const termColumns = {
  id: partnerDelegateTerm.id,
  organizationId: partnerDelegateTerm.organizationId,
  personId: partnerDelegateTerm.personId,
  givenName: person.givenName,
  familyName: person.familyName,
  kind: partnerDelegateTerm.kind,
  since: partnerDelegateTerm.since,
  until: partnerDelegateTerm.until,
  note: partnerDelegateTerm.note,
};

/** Every delegate and substitute term of the Table (or of one organization), latest first. */
export async function listDelegateTerms(db: Database, partnershipId: string, organizationId?: string): Promise<DelegateTerm[]> {
  return db
    .select(termColumns)
    .from(partnerDelegateTerm)
    .innerJoin(person, eq(person.id, partnerDelegateTerm.personId))
    .where(
      and(
        eq(partnerDelegateTerm.partnershipId, partnershipId),
        organizationId ? eq(partnerDelegateTerm.organizationId, organizationId) : undefined,
      ),
    )
    .orderBy(desc(partnerDelegateTerm.since), asc(person.familyName));
}

/** People who may represent the organization: those of the organization, in the Table. */
export async function listOrganizationPeople(db: Database, partnershipId: string, organizationId: string) {
  return db
    .select({ id: person.id, givenName: person.givenName, familyName: person.familyName })
    .from(person)
    .where(and(eq(person.partnershipId, partnershipId), eq(person.organizationId, organizationId)))
    .orderBy(asc(person.familyName), asc(person.givenName));
}

export type TermResult = Ok<string> | Invalid | NotFound | Conflict;

/** Records a delegate or substitute term; the person must belong to that organization of that Table. */
export async function addDelegateTerm(
  db: Database,
  actor: AuditActor,
  scope: { partnershipId: string; organizationId: string },
  input: DelegateTermInput,
): Promise<TermResult> {
  return db.transaction(async (tx) => {
    const [who] = await tx
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.id, input.personId), eq(person.partnershipId, scope.partnershipId), eq(person.organizationId, scope.organizationId)));
    if (!who) return invalid("personId", "partners.delegates.unknownPerson");
    const [row] = await tx
      .insert(partnerDelegateTerm)
      .values({ ...scope, personId: input.personId, kind: input.kind, since: input.since, until: input.until, note: input.note })
      .returning({ id: partnerDelegateTerm.id });
    await recordAuditEvent(tx, actor, {
      action: "partner.delegate_term.added",
      targetType: "partner_delegate_term",
      targetId: row!.id,
      partnershipId: scope.partnershipId,
      organizationId: scope.organizationId,
      details: { personId: input.personId, kind: input.kind, since: input.since, until: input.until },
    });
    return ok(row!.id);
  });
}

/**
 * Ends an open term on a date (not before it began); ending another organization's term reads as
 * missing, and a term someone already ended is left as it is ("conflict": their date stays).
 */
export async function endDelegateTerm(
  db: Database,
  actor: AuditActor,
  scope: { partnershipId: string; organizationId: string },
  input: { termId: string; until: string },
): Promise<TermResult> {
  return db.transaction(async (tx) => {
    const [term] = await tx
      .select({ id: partnerDelegateTerm.id, since: partnerDelegateTerm.since, until: partnerDelegateTerm.until, personId: partnerDelegateTerm.personId, kind: partnerDelegateTerm.kind })
      .from(partnerDelegateTerm)
      .where(
        and(
          eq(partnerDelegateTerm.id, input.termId),
          eq(partnerDelegateTerm.partnershipId, scope.partnershipId),
          eq(partnerDelegateTerm.organizationId, scope.organizationId),
        ),
      )
      .for("update");
    if (!term) return missing();
    if (term.until !== null) return conflict();
    if (input.until < term.since) return invalid("until", "partners.delegates.untilBeforeSince");
    await tx.update(partnerDelegateTerm).set({ until: input.until, updatedAt: new Date() }).where(eq(partnerDelegateTerm.id, term.id));
    await recordAuditEvent(tx, actor, {
      action: "partner.delegate_term.ended",
      targetType: "partner_delegate_term",
      targetId: term.id,
      partnershipId: scope.partnershipId,
      organizationId: scope.organizationId,
      details: { personId: term.personId, kind: term.kind, until: input.until },
    });
    return ok(term.id);
  });
}
