import type { Database } from "../db/client.server.ts";
import { parseEvaluationSettings } from "../indicators/evaluation-settings.ts";
import { fiscalYearOf } from "../indicators/periods.ts";
import { indicatorTarget } from "../indicators/tables.ts";
import { quebecDay } from "../time/days.ts";

// The Table's targets for the current fiscal year (the dashboard's default period): some met,
// some not, one where lower is better (the time to a first answer, in minutes).
const TARGETS: [code: string, target: number, note: string][] = [
  ["pivot_coverage", 90, "Plan d'action : chaque organisation partenaire désigne au moins un pivot."],
  ["directory_freshness", 80, ""],
  ["regional_pivot_meetings_held", 3, "Recommandation de l'évaluation : des rencontres régionales avec une direction."],
  ["table_meeting_attendance", 75, ""],
  ["responsibilities_on_time", 80, "Recommandation de l'évaluation : des responsabilités concrètes avec un échéancier."],
  ["commitments_signed", 100, ""],
  ["training_people_trained", 150, ""],
  ["training_sessions_observed", 75, ""],
  ["consultations_first_answer_median", 2880, "Une première réponse en moins de 48 heures."],
];

export async function seedIndicatorTargetsDemo(tx: Database, partnershipId: string) {
  const periodKey = fiscalYearOf(quebecDay(), parseEvaluationSettings({}).fiscalYearStartMonth);
  await tx.insert(indicatorTarget).values(TARGETS.map(([indicatorCode, target, note]) => ({ partnershipId, indicatorCode, periodKey, target, note })));
}
