import { z } from "zod";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { HeldRole } from "../authz/decide.ts";
import type { Database } from "../db/client.server.ts";
import { dispatchIntent, intentOf } from "../forms/dispatch-intent.ts";
import { isUuid, optionalText, requiredId, versionField } from "../forms/fields.ts";
import { parseValues, type FormRead } from "../forms/read-form.server.ts";
import { submissionOf } from "../forms/submit-once.server.ts";
import { createOnce } from "../outcome/create-once.server.ts";
import { invalidFields, map, missing, type Outcome } from "../outcome/outcome.ts";
import {
  cancelHandover,
  checklistVersion,
  listCoordinators,
  listHandovers,
  listSuccessorChoices,
  loadOpenHandover,
  startHandover,
  transferCoordination,
  updateChecklist,
} from "./handover.server.ts";

/** The handover page: the open handover with its checklist, the people to choose from, the history. */
export async function loadHandoverPage(db: Database, partnershipId: string) {
  const [open, history, coordinators, successors] = await Promise.all([
    loadOpenHandover(db, partnershipId),
    listHandovers(db, partnershipId),
    listCoordinators(db, partnershipId),
    listSuccessorChoices(db, partnershipId),
  ]);
  return {
    open: open ? history.find((h) => h.id === open.id)! : null,
    checklistVersion: open ? checklistVersion(open.items) : null,
    history: history.filter((h) => h.status !== "open"),
    coordinators,
    successors,
  };
}

// The successor select starts on an empty "choose a person" option: an empty choice gets its own message.
const chosenSuccessor = z
  .string({ message: "handover.successorRequired" })
  .trim()
  .min(1, { message: "handover.successorRequired", abort: true })
  .refine((v) => isUuid(v), "form.invalid")
  .transform((v) => v.toLowerCase());
const startSchema = z.object({ outgoingPersonId: requiredId, successorPersonId: chosenSuccessor, note: optionalText(2000) });
const handoverSchema = z.object({ handoverId: requiredId });
const checklistSchema = z.object({
  handoverId: requiredId,
  version: versionField,
  checked: z.array(z.string().max(200, "form.invalid")).max(2000, "form.invalid"),
});

export interface HandoverAction {
  db: Database;
  actor: AuditActor;
  partnershipId: string;
  accountId: string;
  granterRoles: readonly HeldRole[];
  publicUrl: string;
  read: Extract<FormRead, { ok: true }>;
}

/** Where the page goes after each step; a transfer's depends on who did it (the route knows). */
export type HandoverStep = "started" | "checklist" | "cancelled" | "transferred";

async function checklist(c: HandoverAction, refresh: boolean): Promise<Outcome<string>> {
  const parsed = parseValues(c.read, checklistSchema);
  if (!parsed.ok) {
    // Another Table's (or a closed) handover answers 404 whatever else the form holds.
    const named = parseValues(c.read, handoverSchema);
    if (named.ok && (await loadOpenHandover(c.db, c.partnershipId))?.id !== named.data.handoverId) return missing();
    return invalidFields(parsed.errors, "form.invalid");
  }
  const { handoverId, version, checked } = parsed.data;
  const result = await updateChecklist(c.db, c.actor, { partnershipId: c.partnershipId, handoverId, version, checkedKeys: checked, refresh, now: new Date() });
  return map(result, () => "checklist" as const);
}

async function onHandover(c: HandoverAction, change: (handoverId: string) => Promise<Outcome<string>>): Promise<Outcome<string>> {
  const parsed = parseValues(c.read, handoverSchema);
  return parsed.ok ? change(parsed.data.handoverId) : invalidFields(parsed.errors, "form.invalid");
}

/** The page's forms by intent. */
const handoverIntents = {
  start: async (c: HandoverAction): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, startSchema);
    if (!parsed.ok) return invalidFields(parsed.errors);
    // A double click starts one handover, and both clicks land on it.
    const submission = submissionOf(c.read.values, "handover:start", c.accountId);
    return createOnce(c.db, submission, (tx) => startHandover(tx, c.actor, { partnershipId: c.partnershipId, ...parsed.data, now: new Date() }), () => "started" as const);
  },
  checklist: (c: HandoverAction) => checklist(c, false),
  refresh: (c: HandoverAction) => checklist(c, true),
  cancel: (c: HandoverAction) => onHandover(c, async (handoverId) => map(await cancelHandover(c.db, c.actor, c.partnershipId, handoverId), () => "cancelled" as const)),
  transfer: (c: HandoverAction) =>
    onHandover(c, async (handoverId) =>
      map(
        await transferCoordination(c.db, c.actor, { partnershipId: c.partnershipId, handoverId, granterRoles: c.granterRoles, publicUrl: c.publicUrl, now: new Date() }),
        () => "transferred" as const,
      ),
    ),
};

/** One POST on the handover page; an unknown intent is refused (400). */
export function handleHandoverAction(c: HandoverAction): Promise<Outcome<string>> {
  return dispatchIntent(intentOf(c.read.values), handoverIntents, c, () => invalidFields({}, "form.invalid"));
}
