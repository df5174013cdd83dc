import { Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/training.availability";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { findOwnTrainerProfile, listAvailability, listSessions } from "../modules/training/list-training.server.ts";
import { setOwnAvailability } from "../modules/training/set-availability.server.ts";
import { todayInQuebec } from "../modules/pivot-activities/activity-schema.ts";
import { useDayFormatter } from "../modules/training/training-ui.tsx";

/** A trainer marks, session by session, whether they can give it. */
export const policy = needs("training.availability");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.availability.title");

const answerSchema = z.object({ sessionId: z.uuid(), available: z.enum(["yes", "no"]) });

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const profile = await findOwnTrainerProfile(args.context.db, user.partnershipId, user.personId);
  if (!profile) return { profile: false as const, sessions: [] };
  const today = todayInQuebec();
  const sessions = (await listSessions(args.context.db, user.partnershipId)).filter(
    (s) => (s.status === "planned" || s.status === "open") && (s.dates[0] ?? "") >= today,
  );
  const answers = await listAvailability(args.context.db, user.partnershipId, sessions.map((s) => s.id));
  return {
    profile: true as const,
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

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const profile = await findOwnTrainerProfile(args.context.db, user.partnershipId, user.personId);
  if (!profile) notFound();
  const parsed = answerSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) notFound();
  const result = await setOwnAvailability(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    trainerId: profile.id,
    sessionId: parsed.data.sessionId,
    available: parsed.data.available === "yes",
  });
  if (result === "not_found") notFound();
  return { saved: true };
}

export default function Availability({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDayFormatter();
  return (
    <>
      <h1>{t("training.availability.title")}</h1>
      <p>{t("training.availability.intro")}</p>
      <p>
        <Link to="/training/mine">{t("trainingEval.nav.mine")}</Link>
      </p>
      {actionData?.saved ? <p className="alert success" role="status">{t("training.availability.saved")}</p> : null}
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
                <Form method="post" className="stack">
                  <input type="hidden" name="sessionId" value={s.id} />
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
