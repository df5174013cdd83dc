// Plain roll-up rules, shared by the pages and the rates.
import type { ActionStatus } from "../action-plan/vocabulary.ts";
import type { ResponsibilityStatus } from "../meetings/responsibilities/vocabulary.ts";

export type KeyActionState =
  | { kind: "action"; status: ActionStatus; progress: number; endsOn: string | null }
  | { kind: "responsibility"; status: ResponsibilityStatus; dueOn: string };

const RESPONSIBILITY_PROGRESS: Record<ResponsibilityStatus, number | null> = { todo: 0, in_progress: 50, done: 100, dropped: null };

/** One key action's progress 0–100; null for a dropped one, which leaves the average. */
export function keyActionProgress(k: KeyActionState): number | null {
  if (k.kind === "responsibility") return RESPONSIBILITY_PROGRESS[k.status];
  if (k.status === "dropped") return null;
  return k.status === "done" ? 100 : Math.max(0, Math.min(100, k.progress));
}

/** Late: an action past its end date and not done, or a responsibility past due and still open. */
export function keyActionOverdue(k: KeyActionState, today: string): boolean {
  if (k.kind === "responsibility") return (k.status === "todo" || k.status === "in_progress") && k.dueOn < today;
  return (k.status === "planned" || k.status === "in_progress") && k.endsOn !== null && k.endsOn < today;
}

/** The recommendation's progress: the mean of its key actions' (null without any). */
export function rollUp(keyActions: readonly KeyActionState[]): number | null {
  const values = keyActions.map(keyActionProgress).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}
