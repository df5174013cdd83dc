import { Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/availability";
import { ErrorSummary } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { requiredId, versionField } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { findOwnTrainerProfile, listAvailability, listSessions } from "../../modules/training/list-training.server.ts";
import { setOwnAvailability } from "../../modules/training/set-availability.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";

/** A trainer marks, session by session, whether they can give it. */
export const policy = needs("training.availability");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.availability.title");

/** One session's answer; the version is the trainer profile's (bumped by every save). */
const answerSchema = z.object({ sessionId: requiredId, available: z.enum(["yes", "no"], "form.required"), version: versionField });

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const profile = await findOwnTrainerProfile(args.context.db, user.partnershipId, user.personId);
  if (!profile) return { profile: false as const, version: 0, sessions: [] };
  const today = quebecDay();
  const sessions = (await listSessions(args.context.db, user.partnershipId)).filter(
    (s) => (s.status === "planned" || s.status === "open") && (s.dates[0] ?? "") >= today,
  );
  const answers = await listAvailability(args.context.db, user.partnershipId, sessions.map((s) => s.id));
  return {
    profile: true as const,
    version: profile.version,
    sessions: sessions.map((s) => ({
      id: s.id,
      dates: s.dates,
      place: s.place,
      online: s.online,
      language: s.language,
      available: answers.get(`${s.id}|${profile.id}`) ?? null,
    })),
  };
}

// A 409 reloads the page: every session's form then carries the current version and answers.
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const profile = await findOwnTrainerProfile(args.context.db, user.partnershipId, user.personId);
  if (!profile) notFound();
  const input = await parseForm(args.request, answerSchema);
  if (!input.ok) return input.reply;
  const result = await setOwnAvailability(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    trainerId: profile.id,
    sessionId: input.data.sessionId,
    available: input.data.available === "yes",
    version: input.data.version,
  });
  return respond(result, () => ({ saved: true, errors: undefined, formError: undefined }), { conflict: { saved: false } });
}

export default function Availability({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  return (
    <>
      <h1>{t("training.availability.title")}</h1>
      <p>{t("training.availability.intro")}</p>
      <p>
        <Link to="/training/mine">{t("trainingEval.nav.mine")}</Link>
      </p>
      {actionData && "saved" in actionData && actionData.saved ? <SavedNotice message="training.availability.saved" /> : null}
      <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
      {!loaderData.profile ? (
        <p className="alert warning">{t("training.availability.notTrainer")}</p>
      ) : loaderData.sessions.length === 0 ? (
        <p>{t("training.availability.empty")}</p>
      ) : (
        <ul className="cards">
          {loaderData.sessions.map((s) => {
            const label = t("training.availability.saveFor", { date: day(s.dates[0]) });
            return (
              <li key={s.id} className="card">
                {/* Keyed by version: after any save or a 409 the radios show the current answers. */}
                <Form method="post" className="stack" key={`${s.id}-${loaderData.version}`}>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <input type="hidden" name="version" value={loaderData.version} />
                  <fieldset>
                    <legend>
                      {s.dates.map((d) => day(d)).join(" · ")} — {s.online ? t("training.sessions.online") : s.place} ({t(`training.language.${s.language}`)})
                    </legend>
                    <label>
                      <input type="radio" name="available" value="yes" defaultChecked={s.available === true} required /> {t("training.availability.yes")}
                    </label>{" "}
                    <label>
                      <input type="radio" name="available" value="no" defaultChecked={s.available === false} /> {t("training.availability.no")}
                    </label>
                  </fieldset>
                  <div className="actions">
                    <button type="submit">{label}</button>
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
