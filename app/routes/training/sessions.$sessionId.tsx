import { Link, redirect } from "react-router";
import type { Route } from "./+types/sessions.$sessionId";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import type { FieldErrorMap, FormValues } from "../../modules/forms/fields.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond, valueOf } from "../../modules/outcome/respond.server.ts";
import { trainerLabel } from "../../components/training/training-ui.tsx";
import { SessionForm } from "../../components/training/session-form.tsx";
import { SessionSummary } from "../../components/training/session-summary.tsx";
import { MixSummary, ParticipantsSection } from "../../components/training/participants-ui.tsx";
import { findSession, handleSessionAction, loadSessionPage } from "../../modules/training/session-page.server.ts";
import { listSessionExercises } from "../../modules/training-evaluation/session-materials.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";

export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.title");

async function coordinator(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { user, partnershipId: user.partnershipId };
}

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId } = await coordinator(args);
  const page = valueOf(await loadSessionPage(args.context.db, partnershipId, args.params.sessionId, requestUrl(args.request).searchParams));
  // Guide exercises attached to the session (training-evaluation), linked into the guide.
  return { ...page, exercises: await listSessionExercises(args.context.db, partnershipId, page.session.id) };
}

// Both the session form and the closing form carry the session's version: a stale save answers 409.
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await coordinator(args);
  const session = valueOf(await findSession(args.context.db, partnershipId, args.params.sessionId));
  const read = await readForm(args.request);
  const result = read.ok
    ? await handleSessionAction({ db: args.context.db, actor: actorOf(user, args.context), partnershipId, sessionId: session.id, accountId: user.accountId, publicUrl: args.context.config.publicUrl, read })
    : invalidFields(read.errors, "form.errors");
  // A 409 (session or closing form) reloads the page's current values.
  const intent = typeof read.values.intent === "string" ? { intent: read.values.intent } : {};
  return respond(result, (location) => redirect(location), { body: { values: read.values }, conflict: { values: undefined, ...intent } });
}

export default function EditTrainingSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
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
      <SessionSummary
        session={session}
        program={loaderData.programs.find((p) => p.id === session.programId)}
        trainers={[session.trainerAId, session.trainerBId].map((id) => loaderData.trainers.find((tr) => tr.id === id)).filter((tr) => !!tr)}
        observer={loaderData.observers.find((o) => o.id === session.observerPersonId)?.name ?? null}
        registered={loaderData.participants.filter((p) => p.status === "registered").length}
      />
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
        <SavedNotice message={`training.participants.outcome.${loaderData.participantOutcome}`} tone={loaderData.participantOutcome === "waitlisted" ? "neutral" : "success"} />
      ) : null}
      {/* The page opens on the session; its edit form waits behind a disclosure (open after a refused save). */}
      <details className="edit-panel" open={!!forSession}>
        <summary>{t("training.session.edit")}</summary>
        <SessionForm
          programs={loaderData.programs}
          trainers={loaderData.trainers}
          observers={loaderData.observers}
          values={forSession?.values ?? loaderData.values}
          errors={forSession?.errors}
          formError={forSession?.formError}
          version={session.version}
        />
      </details>
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
      <TableScroll label={t("training.availability.sessionCaption")}>
        <table>
          <caption>{t("training.availability.sessionCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("training.pool.name")}</th>
              <th scope="col">{t("training.availability.trainerAnswer")}</th>
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
      </TableScroll>
    </>
  );
}
