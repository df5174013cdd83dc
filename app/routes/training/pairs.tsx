import { useEffect } from "react";
import { data, Form, Link, redirect, useNavigation, useRevalidator } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/pairs";
import { useFormatters, useT, useDay } from "../../i18n/use-t.ts";
import type { MessageKey } from "../../i18n/catalog.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, requiredId, versionField, type FieldErrorMap } from "../../modules/forms/fields.ts";
import { conflictReply, invalidReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listSessions, listTrainers } from "../../modules/training/list-training.server.ts";
import { requestPairProposal } from "../../modules/training/pair-proposal-job.server.ts";
import { applyProposal, loadProposal } from "../../modules/training/propose-pairs.server.ts";
import { explainPairProposal } from "../../modules/training/pair-explanation.server.ts";
import { PairLoads, PairReasons } from "../../components/training/pair-explanation.tsx";
import { trainerLabel } from "../../components/training/training-ui.tsx";
import type { PairAssignment } from "../../modules/training/vocabulary.ts";
// The reasons a proposal failed are shown here only: their words come with this type (pair-reasons.ts).
import type { Infeasibility } from "../../modules/training/pair-reasons.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";

/**
 * The coordinator asks for pairs, reviews and applies them. Asking queues a background job
 * (HiGHS in a worker thread, time-limited); the page shows its progress and refreshes itself
 * (every second with JavaScript; a meta refresh and a link without) until the answer is there.
 */
export const policy = needs("training.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.pairs.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const [proposal, sessions, trainers] = await Promise.all([
    loadProposal(args.context.db, user.partnershipId),
    listSessions(args.context.db, user.partnershipId),
    listTrainers(args.context.db, user.partnershipId),
  ]);
  const inProposal = new Set(proposal?.sessionIds ?? []);
  const explanation = await explainPairProposal(args.context.db, user.partnershipId, proposal);
  const pending = proposal?.status === "queued" || proposal?.status === "solving";
  return {
    proposal,
    pending,
    /** Seconds since the request (queued) or since HiGHS started (solving). */
    elapsedSeconds: pending ? Math.max(0, Math.round((Date.now() - (proposal!.startedAt ?? proposal!.createdAt).getTime()) / 1000)) : 0,
    sessions: sessions.filter((s) => inProposal.has(s.id)).map((s) => ({ id: s.id, dates: s.dates, language: s.language })),
    trainers: trainers.filter((t) => t.active).map((t) => ({ id: t.id, name: t.name, organizationName: t.organizationName, organizationAcronym: t.organizationAcronym })),
    explanation,
  };
}

type ActionResult = { applied?: number; refused?: { sessionId: string; message: string }; errors?: FieldErrorMap; formError?: string };

/**
 * Two forms. "propose" asks for a proposal (a second request while one is queued or solving
 * answers with that one: nothing to key). "apply" is an edit of the proposal: it carries the
 * proposal's version, and a stale one (applied meanwhile, or asked again) answers 409.
 */
const proposeSchema = z.object({ intent: z.literal("propose", "form.invalid") });
const applySchema = z.object({ intent: z.literal("apply", "form.invalid"), proposalId: requiredId, version: versionField });

// A 409 reloads the proposal as it is now (its version, its status).
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const actor = actorOf(user, args.context);
  if (read.values.intent === "propose") {
    const input = parseValues(read, proposeSchema);
    if (!input.ok) return input.reply;
    await requestPairProposal(args.context.db, actor, { partnershipId: user.partnershipId, personId: user.personId, today: quebecDay() });
    args.context.notifyJobs();
    return redirect("/training/pairs");
  }
  const input = parseValues(read, applySchema);
  if (!input.ok) return input.reply;
  const proposal = await loadProposal(args.context.db, user.partnershipId, input.data.proposalId);
  if (!proposal) notFound();
  // A trainer field that is neither empty nor an id is not from our form.
  const trainerOf = (name: string) => {
    const value = read.values[name] ?? "";
    return typeof value === "string" && (value === "" || isUuid(value)) ? value.toLowerCase() : null;
  };
  const assignments: PairAssignment[] = [];
  const errors: FieldErrorMap = {};
  for (const sessionId of proposal.sessionIds) {
    const [a, b] = [trainerOf(`a:${sessionId}`), trainerOf(`b:${sessionId}`)];
    if (a === null) errors[`a:${sessionId}`] = ["form.invalid"];
    if (b === null) errors[`b:${sessionId}`] = ["form.invalid"];
    assignments.push({ sessionId, trainerIds: [a ?? "", b ?? ""] });
  }
  if (Object.keys(errors).length) return invalidReply(errors, read.values);
  const result = await applyProposal(args.context.db, actor, { partnershipId: user.partnershipId, proposalId: proposal.id, version: input.data.version, assignments });
  if (result.status === "not_found") notFound();
  if (result.status === "conflict") return conflictReply();
  if (result.status === "invalid") return data<ActionResult>({ refused: { sessionId: result.sessionId, message: result.message } }, { status: 400 });
  return data<ActionResult>({ applied: result.applied });
}

export default function TrainingPairs({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const navigation = useNavigation();
  const { proposal, sessions, trainers, pending, elapsedSeconds, explanation } = loaderData;
  const revalidator = useRevalidator();
  // With JavaScript: ask the loader again every second while the solve is queued or running.
  useEffect(() => {
    if (!pending || revalidator.state !== "idle") return;
    const timer = setTimeout(() => void revalidator.revalidate(), 1000);
    return () => clearTimeout(timer);
  }, [pending, revalidator, loaderData]);
  const assigned = new Map((proposal?.assignments ?? []).map((a) => [a.sessionId, a.trainerIds]));
  const refused = actionData && "refused" in actionData ? actionData.refused : undefined;
  const refusedDate = refused ? sessions.find((s) => s.id === refused.sessionId)?.dates[0] : undefined;
  return (
    <>
      <p>
        <Link to="/training">{t("training.title")}</Link>
      </p>
      <h1>{t("training.pairs.title")}</h1>
      <p>{t("training.pairs.intro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="propose" />
        <button type="submit" disabled={navigation.state === "submitting" || pending}>
          {t("training.pairs.run")}
        </button>
      </Form>
      <div aria-live="polite">{navigation.state === "submitting" ? <p className="alert">{t("training.pairs.running")}</p> : null}</div>
      {actionData && "applied" in actionData && actionData.applied !== undefined ? <SavedNotice message="training.pairs.applied" values={{ count: actionData.applied }} /> : null}
      {actionData?.formError ? <p className="alert error" role="alert">{t(actionData.formError as MessageKey)}</p> : null}
      {refused ? (
        <p className="alert error" role="alert">
          {t("training.pairs.refusedFor", { date: day(refusedDate), message: t(refused.message as MessageKey) })}
        </p>
      ) : null}
      {!proposal ? (
        <p>{t("training.pairs.none")}</p>
      ) : pending ? (
        <SolveProgressView status={proposal.status} progress={proposal.progress} elapsedSeconds={elapsedSeconds} />
      ) : proposal.status === "failed" ? (
        <p className="alert error" role="alert">
          {t("training.pairs.failed")}
        </p>
      ) : proposal.status === "infeasible" ? (
        <div className="alert warning">
          <p>{t("training.pairs.infeasible")}</p>
          <ul>
            {proposal.reasons.map((r: Infeasibility, i) => (
              <li key={i}>{t(r.key, { ...r.vars, ...(typeof r.vars.date === "string" ? { date: day(r.vars.date) } : {}), ...(typeof r.vars.language === "string" ? { language: t(r.vars.language === "en" ? "training.language.en" : "training.language.fr") } : {}) })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p className="muted">{t("training.pairs.solvedIn", {
              ms: proposal.solveMs,
              // HiGHS's "Optimal" in plain words; any other finish is a good, unproven proposal.
              quality: t(proposal.solverStatus === "Optimal" ? "training.pairs.quality.best" : "training.pairs.quality.good"),
            })}</p>
          {explanation ? <PairLoads loads={explanation.loads} trainers={trainers} /> : null}
          {proposal.status === "applied" ? <p className="alert success">{t("training.pairs.alreadyApplied")}</p> : <p>{t("training.pairs.review")}</p>}
          {/* Keyed by version: after a 409 the choices show the proposal as it is now. */}
          <Form method="post" className="stack" key={proposal.version}>
            <input type="hidden" name="intent" value="apply" />
            <input type="hidden" name="proposalId" value={proposal.id} />
            <input type="hidden" name="version" value={proposal.version} />
            <h2>{t("training.pairs.caption")}</h2>
            {/* One card per session: full-width selects show whole names, and the reasons sit under the pair. */}
            {sessions.map((s) => {
              const pair = assigned.get(s.id) ?? ["", ""];
              const when = `${s.dates.map((d) => day(d)).join(" · ")} (${t(`training.language.${s.language}`)})`;
              return (
                <fieldset key={s.id} className="stack pair-session">
                  <legend>{when}</legend>
                  {(["a", "b"] as const).map((slot, i) => (
                    <div className="field" key={slot}>
                      <label htmlFor={`${slot}-${s.id}`}>{t(i === 0 ? "training.form.trainerA" : "training.form.trainerB")}</label>
                      <select id={`${slot}-${s.id}`} name={`${slot}:${s.id}`} defaultValue={pair[i] ?? ""}>
                        <option value="">—</option>
                        {trainers.map((tr) => (
                          <option key={tr.id} value={tr.id}>
                            {trainerLabel(tr)}
                          </option>
                        ))}
                      </select>
                    </div>
                  ))}
                  <PairReasons explanation={explanation?.sessions.find((e) => e.sessionId === s.id)} trainers={trainers} language={s.language} />
                </fieldset>
              );
            })}
            {proposal.status === "proposed" ? (
              <div className="actions">
                <button type="submit">{t("training.pairs.apply")}</button>
              </div>
            ) : null}
          </Form>
        </>
      )}
    </>
  );
}

/**
 * The solve in progress: its phase (announced politely when it changes), the time spent and,
 * once HiGHS holds a complete proposal, the gap to the proven optimum. Without JavaScript a
 * meta refresh (inside noscript, so a hydrated page does not reload) and a link update it.
 */
function SolveProgressView({
  status,
  progress,
  elapsedSeconds,
}: {
  status: string;
  progress: { phase: string; gap: number | null };
  elapsedSeconds: number;
}) {
  const { t } = useT();
  const { number } = useFormatters();
  const phase = status === "queued" ? "queued" : progress.phase;
  return (
    <section className="card" aria-labelledby="solve-progress" data-testid="solve-progress">
      <noscript dangerouslySetInnerHTML={{ __html: '<meta http-equiv="refresh" content="2">' }} />
      <h2 id="solve-progress">{t("training.pairs.progress.title")}</h2>
      <p role="status">{t(`training.pairs.phase.${phase}` as MessageKey)}</p>
      <p>{t("training.pairs.progress.elapsed", { seconds: elapsedSeconds })}</p>
      {progress.gap !== null ? (
        <p>{t("training.pairs.progress.gap", { gap: number(Math.round(progress.gap * 1000) / 10) })}</p>
      ) : phase === "solving" ? (
        <p>{t("training.pairs.progress.noIncumbent")}</p>
      ) : null}
      <p className="muted">
        {t("training.pairs.progress.auto")} <Link to="/training/pairs">{t("training.pairs.progress.refresh")}</Link>
      </p>
    </section>
  );
}
