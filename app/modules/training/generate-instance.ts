import type { PairInstance, SolverSession, SolverTrainer } from "./pair-model.ts";

/** A deterministic pseudo-random generator, so a failing instance can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A season like the real one: trainers from several organizations, two-day sessions spread over
 * weeks (some on the same days), mostly French, availability answered at random.
 */
export function generateInstance(options: {
  sessions: number;
  trainers?: number;
  organizations?: number;
  availability?: number;
  seed?: number;
}): PairInstance {
  const random = seededRandom(options.seed ?? 1);
  const trainerCount = options.trainers ?? Math.max(8, Math.ceil(options.sessions / 3));
  const orgCount = options.organizations ?? 4;
  const trainers: SolverTrainer[] = Array.from({ length: trainerCount }, (_, i) => ({
    id: `t${i}`,
    organizationId: `o${i % orgCount}`,
    organizationName: `ORG${i % orgCount}`,
    languages: i % 2 === 0 ? ["fr", "en"] : ["fr"],
    maxSessions: Math.ceil((options.sessions * 2) / trainerCount) + 2,
  }));
  const start = Date.UTC(2027, 0, 4);
  const sessions: SolverSession[] = Array.from({ length: options.sessions }, (_, s) => {
    // Two sessions per week on average; consecutive days Tuesday/Wednesday or Thursday/Friday.
    const week = Math.floor(s / 2);
    const offset = week * 7 + (random() < 0.5 ? 1 : 3);
    const day = (n: number) => new Date(start + (offset + n) * 86_400_000).toISOString().slice(0, 10);
    const language = random() < 0.15 ? "en" : "fr";
    const available = trainers.filter(() => random() < (options.availability ?? 0.7)).map((t) => t.id);
    return { id: `s${s}`, dates: [day(0), day(1)], language, available };
  });
  return { trainers, sessions };
}
