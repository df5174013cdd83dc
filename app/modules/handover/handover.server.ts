import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, type AuditActor } from "../audit/record-audit-event.server.ts";
import type { HeldRole } from "../authz/decide.ts";
import { queueEmail } from "../email/queue-email.server.ts";
import { account } from "../identity/tables.ts";
import { person, roleAssignment } from "../people/tables.ts";
import { grantRole } from "../people/grant-role.server.ts";
import { revokeRole } from "../people/revoke-role.server.ts";
import { delegateTermEffects } from "../partners/role-terms.server.ts";
import { contentVersion } from "../forms/content-version.server.ts";
import { buildChecklist } from "./build-checklist.server.ts";
import { coordinationHandover } from "./tables.ts";
import type { HandoverItem } from "./vocabulary.ts";
import { conflict, invalid, missing, ok, refusal, type Conflict, type Invalid, type NotFound, type Ok, type Refused } from "../outcome/outcome.ts";

export type HandoverRow = typeof coordinationHandover.$inferSelect;

export interface PersonChoice {
  personId: string;
  name: string;
  email: string;
}

/** The Table's current coordinators (people holding an active table_coordinator role). */
export async function listCoordinators(db: Database, partnershipId: string): Promise<PersonChoice[]> {
  const rows = await db
    .selectDistinct({ personId: person.id, givenName: person.givenName, familyName: person.familyName, email: person.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .where(and(eq(roleAssignment.role, "table_coordinator"), eq(roleAssignment.partnershipId, partnershipId), isNull(roleAssignment.revokedAt)))
    .orderBy(asc(person.familyName));
  return rows.map((r) => ({ personId: r.personId, name: `${r.givenName} ${r.familyName}`, email: r.email }));
}

/** People of the Table with an active account who could take the role (current coordinators excluded). */
export async function listSuccessorChoices(db: Database, partnershipId: string): Promise<PersonChoice[]> {
  const coordinators = new Set((await listCoordinators(db, partnershipId)).map((c) => c.personId));
  const rows = await db
    .select({ personId: person.id, givenName: person.givenName, familyName: person.familyName, email: person.email })
    .from(person)
    .innerJoin(account, and(eq(account.personId, person.id), eq(account.status, "active")))
    .where(eq(person.partnershipId, partnershipId))
    .orderBy(asc(person.familyName), asc(person.givenName));
  return rows.filter((r) => !coordinators.has(r.personId)).map((r) => ({ personId: r.personId, name: `${r.givenName} ${r.familyName}`, email: r.email }));
}

export async function listHandovers(db: Database, partnershipId: string) {
  const rows = await db.select().from(coordinationHandover).where(eq(coordinationHandover.partnershipId, partnershipId)).orderBy(desc(coordinationHandover.startedAt));
  const ids = [...new Set(rows.flatMap((r) => [r.outgoingPersonId, r.successorPersonId]))];
  const people = ids.length ? await db.select({ id: person.id, givenName: person.givenName, familyName: person.familyName }).from(person).where(inArray(person.id, ids)) : [];
  const name = (id: string) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.givenName} ${p.familyName}` : "";
  };
  return rows.map((r) => ({ ...r, outgoingName: name(r.outgoingPersonId), successorName: name(r.successorPersonId) }));
}

/** The new handover's id; a Table has one open handover at a time (409). */
export type StartResult = Ok<string> | Invalid | Refused<"handover.openExists">;

/** Starts a handover from a current coordinator to a person of the Table, with the checklist of today. */
export async function startHandover(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; outgoingPersonId: string; successorPersonId: string; note: string; now: Date },
): Promise<StartResult> {
  const coordinators = await listCoordinators(db, input.partnershipId);
  if (!coordinators.some((c) => c.personId === input.outgoingPersonId)) return invalid("outgoingPersonId", "form.invalid");
  const successors = await listSuccessorChoices(db, input.partnershipId);
  if (!successors.some((s) => s.personId === input.successorPersonId)) return invalid("successorPersonId", "form.invalid");
  const items = await buildChecklist(db, input.partnershipId, input.now);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`handover:${input.partnershipId}`}))`);
    const [open] = await tx
      .select({ id: coordinationHandover.id })
      .from(coordinationHandover)
      .where(and(eq(coordinationHandover.partnershipId, input.partnershipId), eq(coordinationHandover.status, "open")));
    if (open) return refusal("handover.openExists");
    const [row] = await tx
      .insert(coordinationHandover)
      .values({ partnershipId: input.partnershipId, outgoingPersonId: input.outgoingPersonId, successorPersonId: input.successorPersonId, items, note: input.note })
      .returning({ id: coordinationHandover.id });
    await recordAuditEvent(tx, actor, {
      action: "handover.started",
      targetType: "coordination_handover",
      targetId: row!.id,
      partnershipId: input.partnershipId,
      details: { outgoingPersonId: input.outgoingPersonId, successorPersonId: input.successorPersonId, items: items.length },
    });
    return ok(row!.id);
  });
}

export async function loadOpenHandover(db: Database, partnershipId: string): Promise<HandoverRow | null> {
  const [row] = await db
    .select()
    .from(coordinationHandover)
    .where(and(eq(coordinationHandover.partnershipId, partnershipId), eq(coordinationHandover.status, "open")));
  return row ?? null;
}

/**
 * The version of the checklist the form shows (the row has no version column): which items it
 * holds and which are checked. A save from a page drawn before someone else's answers "conflict".
 */
export function checklistVersion(items: readonly HandoverItem[]): number {
  return contentVersion(["checklist", items.map((i) => [i.key, i.checked])]);
}

/** Checks or unchecks items (by key); items of today's data not yet in the list are added when `refresh`. */
export async function updateChecklist(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; handoverId: string; version: number; checkedKeys: string[]; refresh: boolean; now: Date },
): Promise<Ok | NotFound | Conflict> {
  const fresh = input.refresh ? await buildChecklist(db, input.partnershipId, input.now) : [];
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(coordinationHandover)
      .where(and(eq(coordinationHandover.id, input.handoverId), eq(coordinationHandover.partnershipId, input.partnershipId), eq(coordinationHandover.status, "open")))
      .for("update");
    if (!row) return missing();
    if (checklistVersion(row.items) !== input.version) return conflict();
    const checked = new Set(input.checkedKeys);
    const items: HandoverItem[] = row.items.map((i) => ({ ...i, checked: checked.has(i.key) }));
    for (const f of fresh) if (!items.some((i) => i.key === f.key)) items.push(f);
    await tx.update(coordinationHandover).set({ items }).where(eq(coordinationHandover.id, row.id));
    await recordAuditEvent(tx, actor, {
      action: "handover.checklist_updated",
      targetType: "coordination_handover",
      targetId: row.id,
      partnershipId: input.partnershipId,
      details: { checked: items.filter((i) => i.checked).length, total: items.length, refreshed: input.refresh },
    });
    return ok();
  });
}

export async function cancelHandover(db: Database, actor: AuditActor, partnershipId: string, handoverId: string): Promise<Ok | NotFound> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(coordinationHandover)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(and(eq(coordinationHandover.id, handoverId), eq(coordinationHandover.partnershipId, partnershipId), eq(coordinationHandover.status, "open")))
      .returning({ id: coordinationHandover.id });
    if (!rows.length) return missing();
    await recordAuditEvent(tx, actor, { action: "handover.cancelled", targetType: "coordination_handover", targetId: handoverId, partnershipId });
    return ok();
  });
}

/** Refused until every item is checked (409), or when the roles cannot be passed on (403). */
export type TransferRefusal = "handover.uncheckedItems" | "handover.forbidden";
export type TransferResult = Ok | NotFound | Refused<TransferRefusal>;

class TransferRefused extends Error {
  constructor(readonly reason: TransferRefusal) {
    super(reason);
  }
}

/**
 * The transfer, in one transaction: the successor is granted table_coordinator (identity's
 * grantRole), the outgoing coordinator's table_coordinator assignments in this Table are ended
 * (revokeRole), the handover is closed, all audited; the successor is emailed a notice telling
 * them to set up their second factor (required for the role). Refused until every item is checked.
 */
export async function transferCoordination(
  db: Database,
  actor: AuditActor,
  input: { partnershipId: string; handoverId: string; granterRoles: readonly HeldRole[]; publicUrl: string; now: Date },
): Promise<TransferResult> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(coordinationHandover)
        .where(and(eq(coordinationHandover.id, input.handoverId), eq(coordinationHandover.partnershipId, input.partnershipId), eq(coordinationHandover.status, "open")))
        .for("update");
      if (!row) return missing();
      if (row.items.some((i) => !i.checked)) return refusal("handover.uncheckedItems");
      const change = { granterRoles: input.granterRoles, partnershipId: input.partnershipId, organizationIds: "all" as const };
      const granted = await grantRole(tx, actor, { ...change, personId: row.successorPersonId, role: "table_coordinator", organizationId: null }, delegateTermEffects);
      if (granted !== "ok" && granted !== "already_held") throw new TransferRefused("handover.forbidden");
      const held = await tx
        .select({ id: roleAssignment.id })
        .from(roleAssignment)
        .where(
          and(
            eq(roleAssignment.personId, row.outgoingPersonId),
            eq(roleAssignment.role, "table_coordinator"),
            eq(roleAssignment.partnershipId, input.partnershipId),
            isNull(roleAssignment.revokedAt),
          ),
        );
      for (const h of held) {
        const revoked = await revokeRole(tx, actor, { ...change, personId: row.outgoingPersonId, assignmentId: h.id }, delegateTermEffects);
        if (revoked !== "ok") throw new TransferRefused("handover.forbidden");
      }
      await tx.update(coordinationHandover).set({ status: "transferred", transferredAt: input.now }).where(eq(coordinationHandover.id, row.id));
      await recordAuditEvent(tx, actor, {
        action: "handover.transferred",
        targetType: "coordination_handover",
        targetId: row.id,
        partnershipId: input.partnershipId,
        details: { outgoingPersonId: row.outgoingPersonId, successorPersonId: row.successorPersonId, items: row.items.length },
      });
      const [successor] = await tx
        .select({ email: person.email, accountEmail: account.email, mfaEnabledAt: account.mfaEnabledAt })
        .from(person)
        .leftJoin(account, eq(account.personId, person.id))
        .where(and(eq(person.id, row.successorPersonId), ne(person.id, row.outgoingPersonId)));
      const to = successor?.accountEmail || successor?.email;
      if (to) {
        const mfa = successor?.mfaEnabledAt
          ? { fr: "", en: "" }
          : {
              fr: `Ce rôle exige une double authentification : configurez-la à votre prochaine connexion :\n${input.publicUrl}/mfa/setup\n`,
              en: `This role requires two-factor authentication: set it up at your next sign-in:\n${input.publicUrl}/mfa/setup\n`,
            };
        await queueEmail(tx, {
          to,
          partnershipId: input.partnershipId,
          subject: "Filet — Vous coordonnez maintenant la Table / You now coordinate the Table",
          text:
            `Bonjour,\n\nLa coordination de la Table vous a été transmise. La liste de passation est ici :\n${input.publicUrl}/handover\n${mfa.fr}\n` +
            `Hello,\n\nThe coordination of the Table was handed over to you. The handover checklist is here:\n${input.publicUrl}/handover\n${mfa.en}`,
        });
      }
      return ok();
    });
  } catch (e) {
    if (e instanceof TransferRefused) return refusal(e.reason);
    throw e;
  }
}
