import { z } from "zod";
import type { AuditActor } from "../audit/record-audit-event.server.ts";
import type { Database } from "../db/client.server.ts";
import { dispatchIntent } from "../forms/dispatch-intent.ts";
import { isUuid, optionalInt, requiredId, versionField, type FormValues } from "../forms/fields.ts";
import { parseValues, type FormRead } from "../forms/read-form.server.ts";
import { submissionOf } from "../forms/submit-once.server.ts";
import { createOnce } from "../outcome/create-once.server.ts";
import { invalidFields, map, missing, ok, type Outcome } from "../outcome/outcome.ts";
import { listAvailability, loadSession } from "./list-training.server.ts";
import { organizationSeatCap, registrationClosesOn, summarizeMix } from "./mix-rules.ts";
import { cancelRegistration, registerForSession } from "./registration.server.ts";
import { updateTrainingSession } from "./save-session.server.ts";
import { setRegistrationClosing } from "./session-closing.server.ts";
import { sessionFormOptions } from "./session-form-data.server.ts";
import { listSessionParticipants, searchPeopleForSession } from "./session-participants.server.ts";
import { sessionSchema } from "./session-schema.ts";
import { readTrainingSettings } from "./training-settings.server.ts";

export const participantOutcomes = ["registered", "waitlisted", "cancelled", "closing"] as const;
type ParticipantOutcome = (typeof participantOutcomes)[number];
/** Each step lands back on the page with its outcome (post/redirect/get): reloading repeats nothing. */
const participantsPage = (sessionId: string, outcome: ParticipantOutcome) => `/training/sessions/${sessionId}?participant=${outcome}#participants-title`;

/** The Table's session (another Table's reads exactly like a missing one). */
export async function findSession(db: Database, partnershipId: string, sessionId: string | undefined) {
  if (!isUuid(sessionId)) return missing();
  const session = await loadSession(db, partnershipId, sessionId);
  return session ? ok(session) : missing();
}

/**
 * The coordinator's session page: the session form, trainers' availability, participants and the
 * mix against the Table's rules; "add a person" is a search (?q=, name or organization) rather
 * than the Table's hundreds of people.
 */
export async function loadSessionPage(db: Database, partnershipId: string, sessionId: string | undefined, query: URLSearchParams) {
  const found = await findSession(db, partnershipId, sessionId);
  if (found.kind !== "ok") return found;
  const session = found.value;
  const [options, availability] = await Promise.all([sessionFormOptions(db, partnershipId), listAvailability(db, partnershipId, [session.id])]);
  const answers = options.trainers.map((tr) => ({ trainer: tr, available: availability.get(`${session.id}|${tr.id}`) ?? null }));
  const q = (query.get("q") ?? "").trim().slice(0, 100);
  const participantOutcome = participantOutcomes.find((o) => o === query.get("participant")) ?? null;
  const [participants, people, training] = await Promise.all([
    listSessionParticipants(db, partnershipId, session.id, session.dates.length),
    searchPeopleForSession(db, { partnershipId, sessionId: session.id, q }),
    readTrainingSettings(db, partnershipId),
  ]);
  const registered = participants.filter((p) => p.status === "registered");
  const mix = summarizeMix(
    registered.map((p) => ({ organizationId: p.organizationId, organizationName: p.organizationName, milieu: p.milieu })),
    { capacity: session.capacity, ...training },
  );
  const closesDays = session.registrationClosesDays ?? training.registrationClosesDays;
  const values: FormValues = {
    programId: session.programId,
    day1: session.dates[0] ?? "",
    day2: session.dates[1] ?? "",
    place: session.place,
    online: session.online ? "on" : "",
    capacity: String(session.capacity),
    language: session.language,
    status: session.status,
    trainerAId: session.trainerAId ?? "",
    trainerBId: session.trainerBId ?? "",
    observerPersonId: session.observerPersonId ?? "",
    notes: session.notes,
  };
  return ok({
    ...options,
    session,
    values,
    answers,
    // What the participants table shows and its forms post (issue 10: a past session of 16 was over 50 KB).
    participants: participants.map((p) => ({
      registrationId: p.registrationId,
      personId: p.personId,
      name: p.name,
      organizationName: p.organizationName,
      organizationNameEn: p.organizationNameEn,
      status: p.status,
      waitReason: p.waitReason,
      nominated: p.nominated,
      completed: !!p.completedAt,
    })),
    search: { q, people: people.people, more: people.more },
    mix,
    cap: organizationSeatCap(session.capacity, training.maxOrganizationSharePercent),
    training,
    closesOn: session.dates[0] ? registrationClosesOn(session.dates[0], closesDays) : "",
    participantOutcome,
  });
}

export interface SessionAction {
  db: Database;
  actor: AuditActor;
  partnershipId: string;
  sessionId: string;
  accountId: string;
  publicUrl: string;
  read: Extract<FormRead, { ok: true }>;
}

/** The participants block's forms: add (a registration: created once per key), cancel, registration closing (an edit of the session). */
const participantIntent = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("addParticipant"), personId: requiredId }),
    z.object({ intent: z.literal("cancelParticipant"), personId: requiredId }),
    z.object({ intent: z.literal("closing"), version: versionField, registrationClosesDays: optionalInt(0, 90) }),
  ],
  { message: "form.invalid" },
);
type ParticipantForm = z.output<typeof participantIntent>;
type Participant<I extends ParticipantForm["intent"]> = { c: SessionAction; form: Extract<ParticipantForm, { intent: I }> };

const coordinator = (c: SessionAction) => ({ partnershipId: c.partnershipId, sessionId: c.sessionId, mode: "coordinator" as const, publicUrl: c.publicUrl });

/** The coordinator manages participants even after registration closed (mode "coordinator"). */
const participantIntents = {
  closing: async ({ c, form }: Participant<"closing">): Promise<Outcome<string>> =>
    map(await setRegistrationClosing(c.db, c.actor, { ...coordinator(c), version: form.version, days: form.registrationClosesDays }), () => participantsPage(c.sessionId, "closing")),
  // Cancelling twice: the second finds no registration left (404), nothing else changes.
  cancelParticipant: async ({ c, form }: Participant<"cancelParticipant">): Promise<Outcome<string>> =>
    map(await cancelRegistration(c.db, c.actor, { ...coordinator(c), personId: form.personId }), () => participantsPage(c.sessionId, "cancelled")),
  // One registration per submission key; the form's name holds the person, so two "add" buttons
  // pressed on one page (one key) add both people.
  addParticipant: ({ c, form }: Participant<"addParticipant">): Promise<Outcome<string>> =>
    createOnce(
      c.db,
      submissionOf(c.read.values, `training.sessions.participant:${form.personId}`, c.accountId),
      (tx) => registerForSession(tx, c.actor, { ...coordinator(c), personId: form.personId }),
      (placed) => participantsPage(c.sessionId, placed.status),
    ),
};

/** The session form itself (no intent): an edit carrying the session's version. */
async function saveSession(c: SessionAction): Promise<Outcome<string>> {
  const version = versionField.safeParse(c.read.values.version);
  if (!version.success) return invalidFields({ version: ["form.invalid"] }, "form.invalid");
  const input = parseValues(c.read, sessionSchema);
  if (!input.ok) return invalidFields(input.errors, "form.errors");
  return map(await updateTrainingSession(c.db, c.actor, c.partnershipId, c.sessionId, version.data, input.data, { publicUrl: c.publicUrl }), () => "/training?saved=1");
}

/** One POST on the session page: a participants form (by intent) or the session form. */
export async function handleSessionAction(c: SessionAction): Promise<Outcome<string>> {
  if (!("intent" in c.read.values)) return saveSession(c);
  const input = parseValues(c.read, participantIntent);
  if (!input.ok) return invalidFields(input.errors, "form.errors");
  const form = input.data;
  return dispatchIntent(form.intent, participantIntents as Record<string, (p: { c: SessionAction; form: ParticipantForm }) => Promise<Outcome<string>>>, { c, form }, () => invalidFields({}, "form.invalid"));
}
