import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../db/client.server.ts";
import { actionPlan, actionPlanAction } from "../action-plan/tables.ts";
import { getFile, listFiles } from "../files/stored-files.server.ts";
import { meeting, meetingDecision } from "../meetings/tables.ts";
import { responsibility } from "../meetings/responsibilities/tables.ts";
import { person } from "../people/tables.ts";
import { REPORT_FILE_OWNER } from "./create-report.server.ts";
import { keyActionsOf, type KeyAction } from "./key-actions.server.ts";
import { rollUp } from "./progress.ts";
import { evaluationFinding, evaluationRecommendation, evaluationRecommendationEvent, evaluationReport } from "./tables.ts";
import { statusOf, type RecommendationStatus } from "./vocabulary.ts";

type RecommendationRow = typeof evaluationRecommendation.$inferSelect;

export type RecommendationSummary = Pick<RecommendationRow, "id" | "reportId" | "number" | "text" | "addressee" | "priority" | "response" | "verification" | "version"> & {
  status: RecommendationStatus;
  progress: number | null;
  overdue: boolean;
  /** No response yet and the report's deadline has passed. */
  responseLate: boolean;
  keyActionCount: number;
};

const nameOf = sql<string | null>`nullif(trim(${person.givenName} || ' ' || ${person.familyName}), '')`;

export function summarize(r: RecommendationRow, responseDueOn: string, keyActions: KeyAction[], today: string): RecommendationSummary {
  const mine = keyActions.filter((k) => k.recommendationId === r.id);
  const status = statusOf(r);
  return {
    id: r.id,
    reportId: r.reportId,
    number: r.number,
    text: r.text,
    addressee: r.addressee,
    priority: r.priority,
    response: r.response,
    verification: r.verification,
    version: r.version,
    status,
    progress: rollUp(mine),
    overdue: status !== "verified" && mine.some((k) => k.overdue),
    responseLate: status === "awaiting_response" && responseDueOn < today,
    keyActionCount: mine.length,
  };
}

/** Every recommendation of the Table (or of one report), summarized, with their key actions. */
export async function recommendationsOf(db: Database, partnershipId: string, today: string, reportId?: string) {
  const rows = await db
    .select({ r: evaluationRecommendation, due: evaluationReport.responseDueOn })
    .from(evaluationRecommendation)
    .innerJoin(evaluationReport, eq(evaluationReport.id, evaluationRecommendation.reportId))
    .where(and(eq(evaluationRecommendation.partnershipId, partnershipId), reportId ? eq(evaluationRecommendation.reportId, reportId) : undefined))
    .orderBy(asc(evaluationReport.reportOn), asc(evaluationRecommendation.number));
  const keyActions = await keyActionsOf(db, partnershipId, rows.map((x) => x.r.id), today);
  return { recommendations: rows.map((x) => summarize(x.r, x.due, keyActions, today)), keyActions };
}

export async function listReports(db: Database, partnershipId: string, today: string) {
  const reports = await db.select().from(evaluationReport).where(eq(evaluationReport.partnershipId, partnershipId)).orderBy(desc(evaluationReport.reportOn), desc(evaluationReport.createdAt));
  const { recommendations } = await recommendationsOf(db, partnershipId, today);
  return Promise.all(
    reports.map(async (r) => {
      const mine = recommendations.filter((x) => x.reportId === r.id);
      const [pdf] = await listFiles(db, { partnershipId, ownerType: REPORT_FILE_OWNER, ownerId: r.id });
      return {
        id: r.id,
        title: r.title,
        evaluatorName: r.evaluatorName,
        institution: r.institution,
        reportOn: r.reportOn,
        kind: r.kind,
        pdf: pdf ? { id: pdf.id, fileName: pdf.fileName, byteSize: pdf.byteSize } : null,
        recommendationCount: mine.length,
        verifiedCount: mine.filter((x) => x.status === "verified").length,
        overdueCount: mine.filter((x) => x.overdue).length,
      };
    }),
  );
}

/** A report of this Table with its findings in order and its numbered recommendations, or null. */
export async function getReport(db: Database, partnershipId: string, id: string, today: string) {
  const [report] = await db.select().from(evaluationReport).where(and(eq(evaluationReport.partnershipId, partnershipId), eq(evaluationReport.id, id)));
  if (!report) return null;
  const findings = await db
    .select({ id: evaluationFinding.id, position: evaluationFinding.position, text: evaluationFinding.text })
    .from(evaluationFinding)
    .where(and(eq(evaluationFinding.partnershipId, partnershipId), eq(evaluationFinding.reportId, id)))
    .orderBy(asc(evaluationFinding.position));
  const { recommendations } = await recommendationsOf(db, partnershipId, today, id);
  const [pdf] = await listFiles(db, { partnershipId, ownerType: REPORT_FILE_OWNER, ownerId: id });
  return { report, findings, recommendations, pdf: pdf ? { id: pdf.id, fileName: pdf.fileName, byteSize: pdf.byteSize } : null };
}

/** A recommendation of this Table with its report, response, key actions and history, or null. */
export async function getRecommendation(db: Database, partnershipId: string, id: string, today: string) {
  const [row] = await db
    .select({ r: evaluationRecommendation, report: { id: evaluationReport.id, title: evaluationReport.title, reportOn: evaluationReport.reportOn, responseDueOn: evaluationReport.responseDueOn } })
    .from(evaluationRecommendation)
    .innerJoin(evaluationReport, eq(evaluationReport.id, evaluationRecommendation.reportId))
    .where(and(eq(evaluationRecommendation.partnershipId, partnershipId), eq(evaluationRecommendation.id, id)));
  if (!row) return null;
  const r = row.r;
  const keyActions = await keyActionsOf(db, partnershipId, [id], today);
  const history = await db
    .select({ id: evaluationRecommendationEvent.id, kind: evaluationRecommendationEvent.kind, details: evaluationRecommendationEvent.details, createdAt: evaluationRecommendationEvent.createdAt, who: nameOf })
    .from(evaluationRecommendationEvent)
    .leftJoin(person, eq(person.id, evaluationRecommendationEvent.personId))
    .where(and(eq(evaluationRecommendationEvent.partnershipId, partnershipId), eq(evaluationRecommendationEvent.recommendationId, id)))
    .orderBy(asc(evaluationRecommendationEvent.createdAt));
  const personName = async (personId: string | null) => {
    if (!personId) return null;
    const [p] = await db.select({ name: nameOf }).from(person).where(and(eq(person.partnershipId, partnershipId), eq(person.id, personId)));
    return p?.name ?? null;
  };
  const [decision] = r.decisionId
    ? await db
        .select({ id: meetingDecision.id, text: meetingDecision.text, meetingId: meeting.id, meetingTitle: meeting.title, startsAt: meeting.startsAt })
        .from(meetingDecision)
        .innerJoin(meeting, eq(meeting.id, meetingDecision.meetingId))
        .where(and(eq(meetingDecision.partnershipId, partnershipId), eq(meetingDecision.id, r.decisionId)))
    : [];
  return {
    report: row.report,
    summary: summarize(r, row.report.responseDueOn, keyActions, today),
    responseRationale: r.responseRationale,
    respondedAt: r.respondedAt,
    respondedBy: await personName(r.respondedByPersonId),
    decision: decision ?? null,
    verificationEvidence: r.verificationEvidence,
    verifiedAt: r.verifiedAt,
    verifiedBy: await personName(r.verifiedByPersonId),
    keyActions,
    history,
  };
}

/** What the coordinator picks from: the Table's own decisions, actions and Table-wide responsibilities. */
export async function linkChoices(db: Database, partnershipId: string) {
  const decisions = await db
    .select({ id: meetingDecision.id, text: meetingDecision.text, meetingTitle: meeting.title, startsAt: meeting.startsAt })
    .from(meetingDecision)
    .innerJoin(meeting, eq(meeting.id, meetingDecision.meetingId))
    .where(and(eq(meetingDecision.partnershipId, partnershipId), eq(meeting.partnershipId, partnershipId), isNull(meeting.organizationId)))
    .orderBy(desc(meeting.startsAt))
    .limit(200);
  const actions = await db
    .select({ id: actionPlanAction.id, title: actionPlanAction.title, year: actionPlan.year })
    .from(actionPlanAction)
    .innerJoin(actionPlan, eq(actionPlan.id, actionPlanAction.planId))
    .where(eq(actionPlanAction.partnershipId, partnershipId))
    .orderBy(desc(actionPlan.year), asc(actionPlanAction.position))
    .limit(300);
  const responsibilities = await db
    .select({ id: responsibility.id, what: responsibility.what, dueOn: responsibility.dueOn })
    .from(responsibility)
    .where(and(eq(responsibility.partnershipId, partnershipId), isNull(responsibility.scopeOrganizationId), inArray(responsibility.status, ["todo", "in_progress", "done"])))
    .orderBy(desc(responsibility.dueOn))
    .limit(300);
  return { decisions, actions, responsibilities };
}

/** The PDF of a report of this Table (its latest upload), bytes included, or null. */
export async function reportPdf(db: Database, partnershipId: string, reportId: string) {
  const owner = { partnershipId, ownerType: REPORT_FILE_OWNER, ownerId: reportId };
  const files = await listFiles(db, owner);
  const last = files.at(-1);
  return last ? getFile(db, owner, last.id) : null;
}
