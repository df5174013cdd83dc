import { addDays } from "../time/days.ts";

// Mixed groups (groupes mixtes): plain rules, free of the ORM, shared by the server and the pages.

/**
 * The most seats one organization may hold in a session: max(1, floor(share% × capacity / 100)).
 * Floor keeps the share at or under the Table's percentage; the minimum of 1 keeps a small
 * session open to everyone (with 40 % and 2 seats, each organization may still hold one seat).
 */
export function organizationSeatCap(capacity: number, maxSharePercent: number): number {
  return Math.max(1, Math.floor((maxSharePercent * capacity) / 100));
}

export interface SeatDecision {
  status: "registered" | "waitlisted";
  reason: "capacity" | "organization_cap" | null;
}

/** Where a new registration goes: a seat, or the waiting list with its reason. No organization = no cap. */
export function decideSeat(input: {
  capacity: number;
  registered: number;
  organizationRegistered: number;
  hasOrganization: boolean;
  maxSharePercent: number;
}): SeatDecision {
  if (input.registered >= input.capacity) return { status: "waitlisted", reason: "capacity" };
  if (input.hasOrganization && input.organizationRegistered >= organizationSeatCap(input.capacity, input.maxSharePercent)) {
    return { status: "waitlisted", reason: "organization_cap" };
  }
  return { status: "registered", reason: null };
}

export interface MixParticipant {
  organizationId: string | null;
  organizationName: string;
  milieu: string | null;
}

export interface MixLine {
  key: string;
  label: string;
  count: number;
  percent: number;
}

export interface SessionMix {
  total: number;
  organizations: MixLine[];
  milieux: MixLine[];
  /** Organizations above the cap (possible when a coordinator lowered the capacity). */
  overCap: string[];
  tooFewOrganizations: boolean;
  tooFewMilieux: boolean;
}

function lines(groups: Map<string, { label: string; count: number }>, total: number): MixLine[] {
  return [...groups.entries()]
    .map(([key, g]) => ({ key, label: g.label, count: g.count, percent: total ? Math.round((g.count * 100) / total) : 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The mix of the registered participants: per organization and per milieu, with the Table's minimums. */
export function summarizeMix(
  participants: readonly MixParticipant[],
  rules: { capacity: number; maxOrganizationSharePercent: number; minOrganizations: number; minMilieux: number },
): SessionMix {
  const orgs = new Map<string, { label: string; count: number }>();
  const milieux = new Map<string, { label: string; count: number }>();
  for (const p of participants) {
    const orgKey = p.organizationId ?? "none";
    const o = orgs.get(orgKey) ?? { label: p.organizationName, count: 0 };
    o.count++;
    orgs.set(orgKey, o);
    const milieuKey = p.milieu ?? "none";
    const m = milieux.get(milieuKey) ?? { label: milieuKey, count: 0 };
    m.count++;
    milieux.set(milieuKey, m);
  }
  const total = participants.length;
  const cap = organizationSeatCap(rules.capacity, rules.maxOrganizationSharePercent);
  const organizationLines = lines(orgs, total);
  const realOrganizations = organizationLines.filter((l) => l.key !== "none");
  const realMilieux = lines(milieux, total).filter((l) => l.key !== "none");
  return {
    total,
    organizations: organizationLines,
    milieux: lines(milieux, total),
    overCap: realOrganizations.filter((l) => l.count > cap).map((l) => l.label),
    tooFewOrganizations: total > 0 && realOrganizations.length < rules.minOrganizations,
    tooFewMilieux: total > 0 && realMilieux.length < rules.minMilieux,
  };
}

/** Registration closes on firstDay − N days (inclusive): the last day to register or cancel is the day before. */
export function registrationClosesOn(firstDay: string, closesDays: number): string {
  return addDays(firstDay, -closesDays);
}

export function isRegistrationClosed(firstDay: string | undefined, closesDays: number, today: string): boolean {
  if (!firstDay) return false;
  return today >= registrationClosesOn(firstDay, closesDays);
}
