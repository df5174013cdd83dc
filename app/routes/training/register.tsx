import { Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/register";
import { ErrorSummary } from "../../components/form.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requiredId } from "../../modules/forms/fields.ts";
import { expiredReply, invalidReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listSessionsGivenBy } from "../../modules/training/attendance.server.ts";
import { outcomeFrom, outcomeLocation } from "../../modules/training/registration-outcome.ts";
import { cancelRegistration, listOpenSessionsFor, registerForSession } from "../../modules/training/registration.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** Any member of the Table registers themself to an open session (or joins its waiting list). */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.register.title");

/** Registering is a create (keyed: a double click or a retry is one registration); cancelling is an action. */
const registerSchema = z.object({ intent: z.literal("register", "form.invalid"), sessionId: requiredId });
const cancelSchema = z.object({ intent: z.literal("cancel", "form.invalid"), sessionId: requiredId });
const PAGE = "/training/register";

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const target = { partnershipId: user.partnershipId, organizationId: user.organizationId ?? null };
  const canNominate = user.roles.some((r) => r.partnershipId === user.partnershipId && can([r], "training.nominate", { partnershipId: user.partnershipId, organizationId: r.organizationId }));
  const [sessions, given] = await Promise.all([
    listOpenSessionsFor(args.context.db, user.partnershipId, user.personId),
    can(user.roles, "training.attendance", target) ? listSessionsGivenBy(args.context.db, user.partnershipId, user.personId) : Promise.resolve([]),
  ]);
  return { sessions, given, canNominate, done: outcomeFrom(requestUrl(args.request).searchParams) };
}

/** A refusal (registration closed) answers 409 with this marker: the page names it. */
const closed = { body: { outcome: "closed" as const } };

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const partnershipId = user.partnershipId;
  const base = { partnershipId, personId: user.personId, mode: "self" as const, publicUrl: args.context.config.publicUrl };
  const actor = actorOf(user, args.context);
  if (read.values.intent === "register") {
    const input = parseValues(read, registerSchema);
    if (!input.ok) return input.reply;
    const submission = submissionOf(read.values, "training.register:register", user.accountId);
    if (!submission) return expiredReply(read.values);
    const outcome = await createOnce(args.context.db, submission, (tx) => registerForSession(tx, actor, { ...base, sessionId: input.data.sessionId }), (placed) => outcomeLocation(PAGE, { outcome: placed.status, reason: placed.reason }));
    return respond(outcome, (location) => redirect(location), closed);
  }
  if (read.values.intent === "cancel") {
    const input = parseValues(read, cancelSchema);
    if (!input.ok) return input.reply;
    const result = await cancelRegistration(args.context.db, actor, { ...base, sessionId: input.data.sessionId });
    const cancelled = () => redirect(outcomeLocation(PAGE, { outcome: "cancelled", reason: null }));
    // Cancelled already (a second click, another tab): the same answer, nothing more to do.
    if (result.kind === "not_found" && (await listOpenSessionsFor(args.context.db, partnershipId, user.personId)).some((s) => s.id === input.data.sessionId && !s.mine)) return cancelled();
    return respond(result, cancelled, closed);
  }
  return invalidReply({ intent: ["form.invalid"] }, read.values, "form.invalid");
}

export default function TrainingRegister({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  // What the last registration or cancellation did (named by the redirect that followed it).
  const done = actionData ? null : loaderData.done;
  const outcomeKey = done
    ? done.outcome === "waitlisted" && done.reason === "organization_cap"
      ? "training.register.outcome.waitlistedMix"
      : (`training.register.outcome.${done.outcome}` as const)
    : null;
  return (
    <>
      <h1>{t("training.register.title")}</h1>
      <p>{t("training.register.intro")}</p>
      <p>
        <Link to="/training/mine">{t("trainingEval.nav.mine")}</Link>
      </p>
      {loaderData.canNominate ? (
        <p>
          <Link to="/training/nominate">{t("training.nominate.link")}</Link>
        </p>
      ) : null}
      {outcomeKey ? <SavedNotice message={outcomeKey} tone={done?.outcome === "waitlisted" ? "neutral" : "success"} /> : null}
      <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
      {loaderData.sessions.length === 0 ? (
        <p>{t("training.register.empty")}</p>
      ) : (
        <ul className="cards">
          {loaderData.sessions.map((s) => {
            const when = s.dates.map((d) => day(d)).join(" · ");
            return (
              <li key={s.id} className="card">
                <h2>{when}</h2>
                <p>
                  {s.online ? t("training.sessions.online") : s.place} — {t(`training.language.${s.language}`)}
                </p>
                <p>
                  {t("training.register.seats", { taken: s.taken, capacity: s.capacity })}
                  {s.waiting > 0 ? ` — ${t("training.register.waiting", { count: s.waiting })}` : null}
                </p>
                {s.mine ? (
                  <p className="badge">
                    {t(`training.register.mine.${s.mine}`)}
                    {s.mine === "waitlisted" && s.mineReason ? ` — ${t(`training.register.reason.${s.mineReason}`)}` : null}
                  </p>
                ) : null}
                {s.closed ? (
                  <p>{t("training.register.closed", { date: day(s.closesOn) })}</p>
                ) : (
                  <>
                    <p className="hint">{t("training.register.closesOn", { date: day(s.closesOn) })}</p>
                    <Form method="post">
                      {s.mine ? null : <SubmissionKey />}
                      <input type="hidden" name="sessionId" value={s.id} />
                      <input type="hidden" name="intent" value={s.mine ? "cancel" : "register"} />
                      <button type="submit" className={s.mine ? "button secondary" : undefined}>
                        {s.mine ? t("training.register.cancel", { date: when }) : t("training.register.submit", { date: when })}
                      </button>
                    </Form>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {loaderData.given.length > 0 ? (
        <section aria-labelledby="given-title">
          <h2 id="given-title">{t("training.attendance.mySessions")}</h2>
          <ul>
            {loaderData.given.map((s) => (
              <li key={s.id}>
                <Link to={`/training/sessions/${s.id}/attendance`}>{t("training.attendance.sheetFor", { date: s.dates.map((d) => day(d)).join(" · ") })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
