import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client.server.ts";
import { account } from "../identity/tables.ts";
import { person } from "../people/tables.ts";
import { quebecDay } from "../time/days.ts";
import { isCurrentDesignation } from "./current.server.ts";
import { pivotDesignation } from "./tables.ts";

/**
 * How Filet reaches a pivot: `active`, a notice to their account; otherwise an invitation to the
 * address below (their pending invitation's, else their own, else their designation's).
 */
export interface PivotDelivery {
  personId: string;
  email: string;
  locale: "fr" | "en";
  active: boolean;
}

const validEmail = z.email();

/**
 * The people of `personIds` Filet can reach, one delivery each, in the order asked. Left out:
 * a closed or self-registering account (pending, deactivated: an invitation would not open it),
 * no usable address, or an address another account already signs in with. Every "Demander
 * conseil" link and every consultation's recipients come from here, so a link offered is a
 * consultation delivered.
 */
export async function pivotDeliveries(db: Database, partnershipId: string, personIds: readonly string[], today = quebecDay()): Promise<PivotDelivery[]> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return [];
  const people = await db
    .select({
      personId: person.id,
      personEmail: person.email,
      languages: person.languages,
      accountEmail: account.email,
      status: account.status,
      locale: account.locale,
    })
    .from(person)
    .leftJoin(account, eq(account.personId, person.id))
    .where(and(inArray(person.id, ids), eq(person.partnershipId, partnershipId)));
  const contacts = await db
    .select({ personId: pivotDesignation.personId, email: pivotDesignation.contactEmail })
    .from(pivotDesignation)
    .where(and(inArray(pivotDesignation.personId, ids), eq(pivotDesignation.partnershipId, partnershipId), isCurrentDesignation(today)))
    .orderBy(desc(pivotDesignation.confirmedAt));
  const contactOf = new Map<string, string>();
  for (const c of contacts) if (c.email && !contactOf.has(c.personId)) contactOf.set(c.personId, c.email.trim().toLowerCase());

  const candidates = new Map<string, PivotDelivery>();
  for (const p of people) {
    const locale = p.locale === "en" || (!p.locale && p.languages[0] === "en") ? "en" : "fr";
    if (p.status === "active" || p.status === "invited") {
      candidates.set(p.personId, { personId: p.personId, email: p.accountEmail!, locale, active: p.status === "active" });
      continue;
    }
    if (p.status) continue;
    const email = [p.personEmail.trim().toLowerCase(), contactOf.get(p.personId) ?? ""].find((e) => validEmail.safeParse(e).success);
    if (email) candidates.set(p.personId, { personId: p.personId, email, locale, active: false });
  }
  const fresh = [...candidates.values()].filter((c) => !c.active);
  const owners = fresh.length
    ? await db.select({ email: account.email, personId: account.personId }).from(account).where(inArray(account.email, fresh.map((c) => c.email)))
    : [];
  const ownerOf = new Map(owners.map((o) => [o.email, o.personId]));
  return ids.flatMap((id) => {
    const c = candidates.get(id);
    if (!c) return [];
    const owner = ownerOf.get(c.email);
    return owner && owner !== id ? [] : [c];
  });
}

/** The subset of `personIds` a consultation can reach: the ones a "Demander conseil" link may name. */
export async function reachablePivotIds(db: Database, partnershipId: string, personIds: readonly string[]): Promise<Set<string>> {
  return new Set((await pivotDeliveries(db, partnershipId, personIds)).map((d) => d.personId));
}
