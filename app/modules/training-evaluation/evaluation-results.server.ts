import { and, count, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { trainingProgram, trainingSession } from "../training/tables.ts";
import { trainingEvaluationResponse, trainingQuestionnaire } from "./tables.ts";
import { MIN_ANSWERS_SHOWN, type Answers, type Question } from "./vocabulary.ts";

/** The aggregate of one question over a set of answers. */
export interface QuestionResult {
  question: Question;
  answered: number;
  /** Scale: mean 1–5; null otherwise or without answers. */
  mean: number | null;
  /** Scale: count per value 1..5; yes/no: [yes, no]. */
  distribution: number[];
  /** Knowledge check: share of correct answers, 0–100. */
  percentCorrect: number | null;
  /** Text answers (shown only with the small-number rule met). */
  texts: string[];
}

export interface Results {
  responses: number;
  /** False when fewer than MIN_ANSWERS_SHOWN answers: nothing else is given out. */
  shown: boolean;
  questions: QuestionResult[];
}

/**
 * Aggregates answers on the questions (matched by stable key, so versions add up). Free-text
 * answers are listed only when `withTexts` (a session's page); a program gives their number.
 */
export function aggregate(questions: readonly Question[], answers: readonly Answers[], withTexts = true): Results {
  if (answers.length < MIN_ANSWERS_SHOWN) return { responses: answers.length, shown: false, questions: [] };
  return {
    responses: answers.length,
    shown: true,
    questions: questions.map((question) => {
      const values = answers.map((a) => a[question.key]).filter((v) => v !== undefined && v !== "");
      const result: QuestionResult = { question, answered: values.length, mean: null, distribution: [], percentCorrect: null, texts: [] };
      if (question.kind === "scale") {
        const nums = values.map(Number).filter((n) => n >= 1 && n <= 5);
        result.distribution = [1, 2, 3, 4, 5].map((v) => nums.filter((n) => n === v).length);
        result.mean = nums.length ? Math.round((nums.reduce((s, n) => s + n, 0) / nums.length) * 10) / 10 : null;
      } else if (question.kind === "yesno") {
        result.distribution = ["yes", "no"].map((v) => values.filter((x) => x === v).length);
        if (question.correct && values.length) {
          result.percentCorrect = Math.round((values.filter((x) => x === question.correct).length / values.length) * 100);
        }
      } else {
        // Sorted, never in storage order: the order answers arrived in could be matched with who answered when.
        result.texts = withTexts ? values.map(String).sort((a, b) => a.localeCompare(b)) : [];
      }
      return result;
    }),
  };
}

async function resultsWhere(db: Database, partnershipId: string, where: { sessionId?: string; programId?: string }) {
  const conditions = [eq(trainingEvaluationResponse.partnershipId, partnershipId)];
  if (where.sessionId) conditions.push(eq(trainingEvaluationResponse.sessionId, where.sessionId));
  if (where.programId) conditions.push(eq(trainingEvaluationResponse.programId, where.programId));
  const rows = await db
    .select({ answers: trainingEvaluationResponse.answers, questionnaireId: trainingEvaluationResponse.questionnaireId, sessionId: trainingEvaluationResponse.sessionId })
    .from(trainingEvaluationResponse)
    .where(and(...conditions));
  // A program counts only the sessions whose own results are shown (MIN_ANSWERS_SHOWN answers):
  // otherwise the program's figures minus the shown sessions' would give away a session's lone answer.
  const perSession = new Map<string, number>();
  for (const r of rows) perSession.set(r.sessionId, (perSession.get(r.sessionId) ?? 0) + 1);
  const counted = where.sessionId ? rows : rows.filter((r) => (perSession.get(r.sessionId) ?? 0) >= MIN_ANSWERS_SHOWN);
  // Questions: the latest version among those answered, so retired questions still show.
  const ids = [...new Set(counted.map((r) => r.questionnaireId))];
  const versions = ids.length
    ? await db.select().from(trainingQuestionnaire).where(and(eq(trainingQuestionnaire.partnershipId, partnershipId), inArray(trainingQuestionnaire.id, ids)))
    : [];
  const byKey = new Map<string, Question>();
  for (const v of versions.sort((a, b) => a.version - b.version)) for (const q of v.questions) byKey.set(q.key, q);
  return aggregate([...byKey.values()], counted.map((r) => r.answers), !!where.sessionId);
}

export function sessionResults(db: Database, partnershipId: string, sessionId: string): Promise<Results> {
  return resultsWhere(db, partnershipId, { sessionId });
}

export function programResults(db: Database, partnershipId: string, programId: string): Promise<Results> {
  return resultsWhere(db, partnershipId, { programId });
}

/** Per session of a program: how many answers (for the list of sessions on the results page). */
export async function responseCounts(db: Database, partnershipId: string): Promise<{ sessionId: string; dates: string[]; programId: string; responses: number }[]> {
  const rows = await db
    .select({ sessionId: trainingEvaluationResponse.sessionId, responses: count() })
    .from(trainingEvaluationResponse)
    .where(eq(trainingEvaluationResponse.partnershipId, partnershipId))
    .groupBy(trainingEvaluationResponse.sessionId);
  const ids = rows.map((r) => r.sessionId);
  const sessions = ids.length
    ? await db
        .select({ id: trainingSession.id, dates: trainingSession.dates, programId: trainingSession.programId })
        .from(trainingSession)
        .where(and(eq(trainingSession.partnershipId, partnershipId), inArray(trainingSession.id, ids)))
    : [];
  return sessions
    .map((s) => ({ sessionId: s.id, dates: s.dates, programId: s.programId, responses: rows.find((r) => r.sessionId === s.id)?.responses ?? 0 }))
    .sort((a, b) => (a.dates[0] ?? "").localeCompare(b.dates[0] ?? ""));
}

export async function programsOf(db: Database, partnershipId: string) {
  return db
    .select({ id: trainingProgram.id, nameFr: trainingProgram.nameFr, nameEn: trainingProgram.nameEn })
    .from(trainingProgram)
    .where(eq(trainingProgram.partnershipId, partnershipId));
}
