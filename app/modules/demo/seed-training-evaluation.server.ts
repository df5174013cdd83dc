import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { recordAuditEvent, systemActor } from "../audit/record-audit-event.server.ts";
import { person } from "../people/tables.ts";
import { listGuideExercises } from "../guide/list-guide-exercises.server.ts";
import { trainingAttendance, trainingRegistration, trainingSession } from "../training/tables.ts";
import { defaultEvaluation, defaultObservationGrid } from "../training-evaluation/default-questionnaires.ts";
import {
  trainingEvaluationMarker,
  trainingEvaluationResponse,
  trainingObservation,
  trainingQuestionnaire,
  trainingSessionExercise,
} from "../training-evaluation/tables.ts";
import type { Answers, Question } from "../training-evaluation/vocabulary.ts";

const OBSERVER_EMAIL = "valerie.poulin@filet.test";
/** The demo worker who completed a past session: downloads a certificate, may still evaluate it. */
const COMPLETED_WORKER_EMAIL = "intervenant.ecole@filet.test";

/** A fixed pseudo-random sequence in [0, 1) (no Math.random): the demo has the same shape on every start. */
const pick = (n: number) => {
  const x = Math.sin(n * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
};

function demoAnswers(questions: readonly Question[], seed: number, comments: readonly string[]): Answers {
  const answers: Answers = {};
  questions.forEach((q, i) => {
    const r = pick(seed * 31 + i);
    if (q.kind === "scale") answers[q.key] = r < 0.1 ? 3 : r < 0.45 ? 4 : 5;
    else if (q.kind === "yesno") answers[q.key] = q.correct ? (r < 0.82 ? q.correct : q.correct === "yes" ? "no" : "yes") : r < 0.9 ? "yes" : "no";
    else if (r < 0.35) answers[q.key] = comments[Math.floor(pick(seed + i) * comments.length)]!;
  });
  return answers;
}

const EVALUATION_COMMENTS = [
  "Les mises en situation étaient très concrètes.",
  "J'aurais aimé plus de temps pour les échanges entre milieux.",
  "Le parcours « j'ai un doute » est clair, merci.",
  "Plus d'exemples en milieu scolaire, svp.",
];
const OBSERVATION_COMMENTS = [
  "Duo complémentaire; bonne gestion du temps. Prévoir une pause plus longue au jour 2.",
  "Échanges riches entre milieux. L'exercice de la ligne du temps mériterait plus de temps.",
  "Cadre de sécurité bien posé dès le début. Quelques termes juridiques à vulgariser.",
];

/**
 * The Table's observation grid and evaluation questionnaire, the observer on the given sessions
 * (grids submitted, except the two latest, left for the observer to fill), anonymous evaluation
 * answers from most participants (one session kept under the 3-answer threshold), the demo
 * worker's completed session (certificate downloadable) and guide exercises attached to
 * sessions. Runs after the training and guide seeds; idempotent.
 */
export async function seedTrainingEvaluationDemo(tx: Database, partnershipId: string): Promise<void> {
  const [existing] = await tx
    .select({ id: trainingQuestionnaire.id })
    .from(trainingQuestionnaire)
    .where(eq(trainingQuestionnaire.partnershipId, partnershipId))
    .limit(1);
  if (existing) return;
  const [grid] = await tx
    .insert(trainingQuestionnaire)
    .values({ partnershipId, kind: "observation", version: 1, questions: defaultObservationGrid })
    .returning({ id: trainingQuestionnaire.id });
  const [evaluation] = await tx
    .insert(trainingQuestionnaire)
    .values({ partnershipId, kind: "evaluation", version: 1, questions: defaultEvaluation })
    .returning({ id: trainingQuestionnaire.id });
  const given = await tx
    .select()
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.status, "given")));
  given.sort((a, b) => (a.dates[0] ?? "").localeCompare(b.dates[0] ?? ""));
  const people = await tx
    .select({ id: person.id, email: person.email, organizationId: person.organizationId })
    .from(person)
    .where(and(eq(person.partnershipId, partnershipId), inArray(person.email, [OBSERVER_EMAIL, COMPLETED_WORKER_EMAIL])));
  const observer = people.find((p) => p.email === OBSERVER_EMAIL);
  const worker = people.find((p) => p.email === COMPLETED_WORKER_EMAIL);
  const latest = given.at(-1);

  // The demo worker completed the latest given session (unless the training seed already says so).
  if (worker && latest) {
    const [done] = await tx
      .select({ id: trainingRegistration.id })
      .from(trainingRegistration)
      .innerJoin(trainingSession, eq(trainingSession.id, trainingRegistration.sessionId))
      .where(and(eq(trainingRegistration.personId, worker.id), eq(trainingSession.status, "given"), isNotNull(trainingRegistration.completedAt)));
    if (!done) {
      const completedAt = new Date(`${latest.dates.at(-1)}T21:00:00Z`);
      const [reg] = await tx
        .insert(trainingRegistration)
        .values({ partnershipId, sessionId: latest.id, personId: worker.id, status: "registered", organizationId: worker.organizationId, completedAt, createdAt: new Date(`${latest.dates[0]}T12:00:00Z`) })
        .onConflictDoUpdate({ target: [trainingRegistration.sessionId, trainingRegistration.personId], set: { status: "registered", completedAt } })
        .returning({ id: trainingRegistration.id });
      await tx
        .insert(trainingAttendance)
        .values(latest.dates.map((_, dayIndex) => ({ partnershipId, registrationId: reg!.id, dayIndex, status: "present" as const })))
        .onConflictDoNothing();
    }
  }

  // The observer attends every given session that has none; grids submitted except the two latest
  // (the latest is filled by a browser test; the other one stays on the observer's home).
  if (observer) {
    await tx
      .update(trainingSession)
      .set({ observerPersonId: observer.id })
      .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.status, "given"), isNull(trainingSession.observerPersonId)));
    // The latest one is left for the observer account to fill (demo and browser test).
    if (latest) await tx.update(trainingSession).set({ observerPersonId: observer.id }).where(eq(trainingSession.id, latest.id));
    const unfilled = new Set(given.slice(-2).map((s) => s.id));
    const observed = given.filter((s) => !unfilled.has(s.id) && (s.observerPersonId ?? observer.id) === observer.id);
    if (observed.length) {
      await tx.insert(trainingObservation).values(
        observed.map((s, i) => ({
          partnershipId,
          sessionId: s.id,
          questionnaireId: grid!.id,
          observerPersonId: observer.id,
          answers: demoAnswers(defaultObservationGrid, 1000 + i, OBSERVATION_COMMENTS),
          submittedAt: new Date(`${s.dates.at(-1)}T22:00:00Z`),
        })),
      );
    }
  }

  // Anonymous answers: about 70 % of completed participants; the demo worker has not answered yet,
  // and the second latest session keeps only 2 answers (under the small-number threshold).
  const completed = given.length
    ? await tx
        .select({ id: trainingRegistration.id, sessionId: trainingRegistration.sessionId, personId: trainingRegistration.personId })
        .from(trainingRegistration)
        .where(
          and(
            eq(trainingRegistration.partnershipId, partnershipId),
            inArray(trainingRegistration.sessionId, given.map((s) => s.id)),
            eq(trainingRegistration.status, "registered"),
            isNotNull(trainingRegistration.completedAt),
          ),
        )
        .orderBy(asc(trainingRegistration.sessionId), asc(trainingRegistration.personId))
    : [];
  const fewAnswers = given.at(-2)?.id;
  const perSession = new Map<string, number>();
  const answering = completed.filter((r, i) => {
    if (r.personId === worker?.id) return false;
    const n = perSession.get(r.sessionId) ?? 0;
    if (r.sessionId === fewAnswers && n >= 2) return false;
    if (pick(i) >= 0.7 && r.sessionId !== fewAnswers) return false;
    perSession.set(r.sessionId, n + 1);
    return true;
  });
  const programOf = new Map(given.map((s) => [s.id, s.programId]));
  for (let i = 0; i < answering.length; i += 200) {
    const chunk = answering.slice(i, i + 200);
    await tx.insert(trainingEvaluationMarker).values(chunk.map((r) => ({ registrationId: r.id, partnershipId })));
    // Shuffled so that nothing in the insertion order follows the markers.
    const responses = chunk
      .map((r, j) => ({ r, order: pick(7_000 + i + j) }))
      .sort((a, b) => a.order - b.order)
      .map(({ r }, j) => ({
        partnershipId,
        sessionId: r.sessionId,
        programId: programOf.get(r.sessionId)!,
        questionnaireId: evaluation!.id,
        answers: demoAnswers(defaultEvaluation, 5_000 + i + j, EVALUATION_COMMENTS),
      }));
    await tx.insert(trainingEvaluationResponse).values(responses);
  }

  // Guide exercises used in the latest given session and the first upcoming one.
  const exercises = (await listGuideExercises(tx, partnershipId)).slice(0, 3);
  const [upcoming] = await tx
    .select({ id: trainingSession.id })
    .from(trainingSession)
    .where(and(eq(trainingSession.partnershipId, partnershipId), eq(trainingSession.status, "open")))
    .limit(1);
  const targets = [latest?.id, upcoming?.id].filter((x): x is string => !!x);
  if (exercises.length && targets.length) {
    await tx
      .insert(trainingSessionExercise)
      .values(targets.flatMap((sessionId) => exercises.map((e) => ({ partnershipId, sessionId, exerciseKey: e.key, sectionId: e.sectionId }))))
      .onConflictDoNothing();
  }

  await recordAuditEvent(tx, systemActor("demo-seed", partnershipId), {
    action: "training_evaluation.demo_seeded",
    targetType: "partnership",
    targetId: partnershipId,
    details: { observations: observer ? Math.max(0, given.length - 2) : 0, responses: answering.length },
  });
}
