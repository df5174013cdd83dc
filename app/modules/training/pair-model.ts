import type { PairAssignment } from "./vocabulary.ts";
import type { Infeasibility } from "./pair-reasons.ts";

/*
 * The trainer-pair assignment as a mixed-integer program (CPLEX LP text for HiGHS).
 * Kept free of the database and of HiGHS so tests and the benchmark build instances directly.
 *
 *   x[t,s] ∈ {0,1}  trainer t gives session s (only created when t is available and speaks
 *                   the session's language: an absent variable is x = 0)
 *   y[p,q,s] ∈ [0,1] p and q form the pair of s (only for p, q of different organizations;
 *                   integral whenever x is, so left continuous)
 *   Σ_t x[t,s] = 2;  Σ_{t ∈ org} x[t,s] ≤ 1;  x[t,s] = Σ_q y[t,q,s]
 *   Σ_{s on day d} x[t,s] ≤ 1;  Σ_s x[t,s] ≤ max_t
 *   load_t = Σ_k u[t,k], 0 ≤ u ≤ 1;  r[p,q] ≥ past[p,q] + Σ_s y[p,q,s] − 1 (each repeat of a pair)
 *   minimize Σ_t Σ_k (2k − 1)·u[t,k] (= Σ load², balance) + 3·Σ r (mixed pairs)
 */

export interface SolverTrainer {
  id: string;
  organizationId: string;
  /** Shown in explanations ("only trainers from the SPVQ are available"). */
  organizationName: string;
  languages: readonly string[];
  maxSessions: number;
}

export interface SolverSession {
  id: string;
  dates: readonly string[];
  language: string;
  /** Trainer ids who said they are available. */
  available: readonly string[];
}

export interface PairInstance {
  trainers: readonly SolverTrainer[];
  sessions: readonly SolverSession[];
  /** How many times two trainers already worked together (earlier sessions). */
  pastPairs?: ReadonlyArray<readonly [string, string, number]>;
}

export interface PairModel {
  lp: string;
  /** LP column name → [session index, trainer a index, trainer b index] of a pair variable. */
  pairColumns: Map<string, [number, number, number]>;
}

export function eligibleTrainers(instance: PairInstance, session: SolverSession): SolverTrainer[] {
  const available = new Set(session.available);
  return instance.trainers.filter((t) => available.has(t.id) && t.languages.includes(session.language) && t.maxSessions > 0);
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function buildPairModel(instance: PairInstance): PairModel {
  const trainerIndex = new Map(instance.trainers.map((t, i) => [t.id, i]));
  const rows: string[] = [];
  const binaries: string[] = [];
  const pairColumns = new Map<string, [number, number, number]>();
  const pairBounds: string[] = [];
  const loadTerms = new Map<number, string[]>();
  const dayTerms = new Map<string, string[]>(); // "t|date" → x columns
  const pairUse = new Map<string, string[]>(); // "a|b" (indices) → y columns
  instance.sessions.forEach((session, s) => {
    const eligible = eligibleTrainers(instance, session).map((t) => trainerIndex.get(t.id)!);
    const x = eligible.map((t) => `x_${t}_${s}`);
    binaries.push(...x);
    rows.push(`two_${s}: ${x.length ? x.join(" + ") : "0 x_none"} = 2`);
    const byOrg = new Map<string, string[]>();
    for (const t of eligible) {
      const org = instance.trainers[t]!.organizationId;
      byOrg.set(org, [...(byOrg.get(org) ?? []), `x_${t}_${s}`]);
      loadTerms.set(t, [...(loadTerms.get(t) ?? []), `x_${t}_${s}`]);
      for (const date of session.dates) {
        const key = `${t}|${date}`;
        dayTerms.set(key, [...(dayTerms.get(key) ?? []), `x_${t}_${s}`]);
      }
    }
    let o = 0;
    for (const cols of byOrg.values()) {
      if (cols.length > 1) rows.push(`org_${s}_${o++}: ${cols.join(" + ")} <= 1`);
    }
    const links = new Map<number, string[]>(eligible.map((t) => [t, []]));
    for (let i = 0; i < eligible.length; i++) {
      for (let j = i + 1; j < eligible.length; j++) {
        const a = eligible[i]!;
        const b = eligible[j]!;
        if (instance.trainers[a]!.organizationId === instance.trainers[b]!.organizationId) continue;
        const [p, q] = a < b ? [a, b] : [b, a];
        const y = `y_${p}_${q}_${s}`;
        // Continuous on purpose: once x is integral, the link rows force y to 0 or 1, and the
        // solver branches on a few hundred x instead of thousands of pairs (≈ 3× faster at 60).
        pairBounds.push(` 0 <= ${y} <= 1`);
        pairColumns.set(y, [s, p, q]);
        links.get(p)!.push(y);
        links.get(q)!.push(y);
        pairUse.set(`${p}|${q}`, [...(pairUse.get(`${p}|${q}`) ?? []), y]);
      }
    }
    for (const [t, ys] of links) rows.push(`link_${t}_${s}: x_${t}_${s}${ys.map((y) => ` - ${y}`).join("")} = 0`);
  });
  for (const [key, cols] of dayTerms) {
    if (cols.length > 1) rows.push(`day_${key.replace(/[|-]/g, "_")}: ${cols.join(" + ")} <= 1`);
  }
  const objective: string[] = [];
  // Balance: the sum of squared loads, linearized by unit steps u[t,k] whose cost 2k−1 grows
  // (convex), so filling one trainer's k-th session costs more than someone else's first.
  const bounds: string[] = [];
  for (const [t, terms] of loadTerms) {
    const cap = Math.min(instance.trainers[t]!.maxSessions, terms.length);
    rows.push(`max_${t}: ${terms.join(" + ")} <= ${instance.trainers[t]!.maxSessions}`);
    const steps = Array.from({ length: cap }, (_, k) => `u_${t}_${k + 1}`);
    rows.push(`load_${t}: ${terms.join(" + ")}${steps.map((u) => ` - ${u}`).join("")} = 0`);
    steps.forEach((u, k) => {
      bounds.push(` 0 <= ${u} <= 1`);
      objective.push(`${2 * (k + 1) - 1} ${u}`);
    });
  }
  const past = new Map<string, number>();
  for (const [a, b, n] of instance.pastPairs ?? []) past.set(pairKey(a, b), n);
  const repeats: string[] = [];
  for (const [key, ys] of pairUse) {
    const [p, q] = key.split("|").map(Number) as [number, number];
    const already = past.get(pairKey(instance.trainers[p]!.id, instance.trainers[q]!.id)) ?? 0;
    if (ys.length + already < 2) continue; // this pair cannot repeat
    const r = `r_${p}_${q}`;
    rows.push(`rep_${p}_${q}: ${ys.join(" + ")} - ${r} <= ${1 - already}`);
    repeats.push(r);
    objective.push(`3 ${r}`);
  }
  const lp = [
    "Minimize",
    ` obj: ${objective.length ? objective.join(" + ") : "0 x_none"}`,
    "Subject To",
    ...rows.map((r) => ` ${r}`),
    "Bounds",
    ...bounds,
    ...pairBounds,
    ...repeats.map((r) => ` ${r} >= 0`),
    " x_none = 0",
    ...(binaries.length ? ["Binary", ...binaries.map((b) => ` ${b}`)] : []),
    "End",
  ].join("\n");
  return { lp, pairColumns };
}

/** Reads the chosen pairs from the solver's column values. */
export function readAssignments(instance: PairInstance, model: PairModel, columns: Record<string, { Primal: number }>): PairAssignment[] {
  const out: PairAssignment[] = [];
  for (const [name, [s, p, q]] of model.pairColumns) {
    if ((columns[name]?.Primal ?? 0) > 0.5) {
      out.push({ sessionId: instance.sessions[s]!.id, trainerIds: [instance.trainers[p]!.id, instance.trainers[q]!.id] });
    }
  }
  return out;
}

/**
 * Says WHICH rule makes the season impossible, session by session, before (or instead of)
 * asking the solver: a coordinator can act on "only the SPVQ is available on May 12".
 */
export function explainInfeasibility(instance: PairInstance): Infeasibility[] {
  const reasons: Infeasibility[] = [];
  const firstDate = (s: SolverSession) => s.dates[0] ?? "";
  for (const session of instance.sessions) {
    const eligible = eligibleTrainers(instance, session);
    const orgs = new Set(eligible.map((t) => t.organizationId));
    if (eligible.length < 2) {
      reasons.push({ key: "training.pairs.why.tooFew", vars: { date: firstDate(session), count: eligible.length, language: session.language } });
    } else if (orgs.size < 2) {
      reasons.push({ key: "training.pairs.why.oneOrganization", vars: { date: firstDate(session), organization: eligible[0]!.organizationName } });
    }
  }
  const byDate = new Map<string, SolverSession[]>();
  for (const session of instance.sessions) for (const d of session.dates) byDate.set(d, [...(byDate.get(d) ?? []), session]);
  for (const [date, sessions] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    if (sessions.length < 2) continue;
    const pool = new Set(sessions.flatMap((s) => eligibleTrainers(instance, s).map((t) => t.id)));
    if (pool.size < 2 * sessions.length) {
      reasons.push({ key: "training.pairs.why.sameDay", vars: { date, sessions: sessions.length, needed: 2 * sessions.length, count: pool.size } });
    }
  }
  const capacity = instance.trainers.reduce(
    (sum, t) => sum + Math.min(t.maxSessions, instance.sessions.filter((s) => eligibleTrainers(instance, s).some((e) => e.id === t.id)).length),
    0,
  );
  if (capacity < 2 * instance.sessions.length) {
    reasons.push({ key: "training.pairs.why.capacity", vars: { needed: 2 * instance.sessions.length, count: capacity } });
  }
  return reasons;
}
