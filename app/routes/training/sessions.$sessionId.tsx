import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/sessions.$sessionId";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, optionalInt, requiredId, versionField, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { conflictReply, expiredReply, invalidReply, parseValues, readForm, type FormRead } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listAvailability, loadSession } from "../../modules/training/list-training.server.ts";
import { updateTrainingSession } from "../../modules/training/save-session.server.ts";
import { sessionFormOptions } from "../../modules/training/session-form-data.server.ts";
import { sessionSchema } from "../../modules/training/session-schema.ts";
import { SessionForm, trainerLabel, useDayFormatter } from "../../components/training/training-ui.tsx";
import { z } from "zod";
import { readTrainingSettings } from "../../modules/training/training-settings.server.ts";
import { organizationSeatCap, registrationClosesOn, summarizeMix } from "../../modules/training/mix-rules.ts";
import { MixSummary, ParticipantsSection } from "../../components/training/participants-ui.tsx";
import { cancelRegistration, registerForSession } from "../../modules/training/registration.server.ts";
import { setRegistrationClosing } from "../../modules/training/session-closing.server.ts";
import { listSessionParticipants, searchPeopleForSession } from "../../modules/training/session-participants.server.ts";
import { listSessionExercises } from "../../modules/training-evaluation/session-materials.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";

export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sessionId)) notFound();
  // Another Table's session reads exactly like a missing one.
  const session = await loadSession(args.context.db, user.partnershipId, args.params.sessionId);
  if (!session) notFound();
  return { user, partnershipId: user.partnershipId, session };
}

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId, session } = await scoped(args);
  const [options, availability] = await Promise.all([
    sessionFormOptions(args.context.db, partnershipId),
    listAvailability(args.context.db, partnershipId, [session.id]),
  ]);
  const answers = options.trainers.map((tr) => ({ trainer: tr, available: availability.get(`${session.id}|${tr.id}`) ?? null }));
  // Participants and mixed groups (§4): the registrations, the mix against the Table's rules.
  // "Add a person": a search (?q=, name or organization) rather than the Table's hundreds of people.
  const url = requestUrl(args.request);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const participantOutcome = participantOutcomes.find((o) => o === url.searchParams.get("participant")) ?? null;
  const [participants, found, training] = await Promise.all([
    listSessionParticipants(args.context.db, partnershipId, session.id, session.dates.length),
    searchPeopleForSession(args.context.db, { partnershipId, sessionId: session.id, q }),
    readTrainingSettings(args.context.db, partnershipId),
  ]);
  const registered = participants.filter((p) => p.status === "registered");
  const mix = summarizeMix(
    registered.map((p) => ({ organizationId: p.organizationId, organizationName: p.organizationName, milieu: p.milieu })),
    { capacity: session.capacity, ...training },
  );
  const participantViews = participants.map(({ completedAt, ...p }) => ({ ...p, completed: !!completedAt }));
  const closesDays = session.registrationClosesDays ?? training.registrationClosesDays;
  // Guide exercises attached to the session (training-evaluation), linked into the guide.
  const exercises = await listSessionExercises(args.context.db, partnershipId, session.id);
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
  return {
    ...options,
    session,
    values,
    answers,
    participants: participantViews,
    search: { q, people: found.people, more: found.more },
    mix,
    cap: organizationSeatCap(session.capacity, training.maxOrganizationSharePercent),
    training,
    closesOn: session.dates[0] ? registrationClosesOn(session.dates[0], closesDays) : "",
    exercises,
    participantOutcome,
  };
}

type ActionResult = { errors: FieldErrorMap; values: FormValues; formError?: string };

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

const participantOutcomes = ["registered", "waitlisted", "cancelled", "closing"] as const;
type ParticipantOutcome = (typeof participantOutcomes)[number];
/** Each step lands back on the page with its outcome (post/redirect/get): reloading repeats nothing. */
const participantsPage = (sessionId: string, outcome: ParticipantOutcome) => `/training/sessions/${sessionId}?participant=${outcome}#participants-title`;

/** The coordinator manages participants even after registration closed (mode "coordinator"). */
async function participantAction(args: Route.ActionArgs, read: Extract<FormRead, { ok: true }>, ctx: Awaited<ReturnType<typeof scoped>>) {
  const input = parseValues(read, participantIntent);
  if (!input.ok) return input.reply;
  const actor = actorOf(ctx.user, args.context);
  const base = { partnershipId: ctx.partnershipId, sessionId: ctx.session.id, mode: "coordinator" as const, publicUrl: args.context.config.publicUrl };
  const form = input.data;
  if (form.intent === "closing") {
    const result = await setRegistrationClosing(args.context.db, actor, { ...base, version: form.version, days: form.registrationClosesDays });
    if (result === "not_found") notFound();
    if (result === "conflict") return conflictReply({ intent: "closing" });
    return redirect(participantsPage(ctx.session.id, "closing"));
  }
  if (form.intent === "cancelParticipant") {
    // Cancelling twice: the second finds no registration left (404), nothing else changes.
    const result = await cancelRegistration(args.context.db, actor, { ...base, personId: form.personId });
    if (result.status !== "cancelled") notFound();
    return redirect(participantsPage(ctx.session.id, "cancelled"));
  }
  // One registration per submission key; the form's name holds the person, so two "add" buttons
  // pressed on one page (one key) add both people.
  const submission = submissionOf(read.values, `training.sessions.participant:${form.personId}`, ctx.user.accountId);
  if (!submission) return expiredReply(read.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const result = await registerForSession(tx, actor, { ...base, personId: form.personId });
    return result.status === "registered" || result.status === "waitlisted" ? created(participantsPage(ctx.session.id, result.status)) : refused(result);
  });
  if (outcome.created) return redirect(outcome.location);
  notFound();
}

// Both the session form and the closing form carry the session's version: a stale save answers 409.
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const ctx = await scoped(args);
  const { user, partnershipId, session } = ctx;
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  if ("intent" in read.values) return participantAction(args, read, ctx);
  const values = read.values;
  const version = versionField.safeParse(values.version);
  if (!version.success) return invalidReply({ version: ["form.invalid"] }, values, "form.invalid");
  const input = parseValues(read, sessionSchema);
  if (!input.ok) return input.reply;
  const result = await updateTrainingSession(args.context.db, actorOf(user, args.context), partnershipId, session.id, version.data, input.data, {
    publicUrl: args.context.config.publicUrl,
  });
  if (result.status === "invalid") return data<ActionResult>({ errors: { [result.field]: [result.message] }, values }, { status: 400 });
  if (result.status === "conflict") return conflictReply();
  if (result.status === "not_found") notFound();
  return redirect("/training?saved=1");
}

export default function EditTrainingSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDayFormatter();
  const { session, answers } = loaderData;
  // Which form the answer is about: the participants block's forms send an intent, the session form none.
  const sent = actionData as { values?: FormValues; intent?: string; errors?: FieldErrorMap; formError?: string } | undefined;
  const sentIntent = sent?.intent ?? (typeof sent?.values?.intent === "string" ? sent.values.intent : undefined);
  const forSession = sent && !sentIntent ? sent : undefined;
  const forParticipants = sent && sentIntent ? sent : undefined;
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("training.edit.title", { date: day(session.dates[0]) })}</h1>
      <nav className="subnav" aria-label={t("trainingEval.space.linksLabel")}>
        <Link to={`/training/sessions/${session.id}/space`}>{t("trainingEval.space.pageTitle")}</Link>
        <Link to={`/training/sessions/${session.id}/observation`}>{t("trainingEval.space.observation")}</Link>
        <Link to={`/training/sessions/${session.id}/results`}>{t("trainingEval.space.results")}</Link>
      </nav>
      <section aria-labelledby="session-exercises">
        <h2 id="session-exercises">{t("trainingEval.space.exercises")}</h2>
        {loaderData.exercises.length ? (
          <ul>
            {loaderData.exercises.map((e) => (
              <li key={e.key}>
                <Link to={e.href}>{locale === "en" ? e.titleEn : e.titleFr}</Link> <span className="muted">({t("trainingEval.space.minutes", { n: e.durationMinutes })})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("trainingEval.space.noExercises")}</p>
        )}
        <p>
          <Link to={`/training/sessions/${session.id}/space`}>{t("trainingEval.space.manageMaterials")}</Link>
        </p>
      </section>
      {loaderData.participantOutcome ? (
        <p className="alert success" role="status">
          {t(`training.participants.outcome.${loaderData.participantOutcome}`)}
        </p>
      ) : null}
      <SessionForm
        programs={loaderData.programs}
        trainers={loaderData.trainers}
        observers={loaderData.observers}
        values={forSession?.values ?? loaderData.values}
        errors={forSession?.errors}
        formError={forSession?.formError}
        version={session.version}
      />
      <MixSummary mix={loaderData.mix} cap={loaderData.cap} rules={loaderData.training} />
      <ParticipantsSection
        sessionId={session.id}
        participants={loaderData.participants}
        search={loaderData.search}
        closesDays={session.registrationClosesDays}
        tableClosesDays={loaderData.training.registrationClosesDays}
        closesOn={loaderData.closesOn ? day(loaderData.closesOn) : ""}
        canRegister={session.status === "open" || session.status === "full"}
        version={session.version}
        errors={forParticipants?.errors}
        formError={forParticipants?.formError}
      />
      <h2>{t("training.availability.sessionTitle")}</h2>
      <table>
        <caption>{t("training.availability.sessionCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("training.pool.name")}</th>
            <th scope="col">{t("training.availability.answer")}</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((a) => (
            <tr key={a.trainer.id}>
              <th scope="row">{trainerLabel(a.trainer)}</th>
              <td>
                {a.available === null
                  ? t("training.availability.unanswered")
                  : a.available
                    ? t("training.availability.yes")
                    : t("training.availability.no")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
