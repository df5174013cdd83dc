import { data, Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/training.register";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { cancelRegistration, listOpenSessionsFor, registerForSession } from "../modules/training/registration.server.ts";
import { useDayFormatter } from "../modules/training/training-ui.tsx";

/** Any member of the Table registers themself to an open session (or joins its waiting list). */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.register.title");

const registrationSchema = z.object({ sessionId: z.uuid(), intent: z.enum(["register", "cancel"]) });

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { sessions: await listOpenSessionsFor(args.context.db, user.partnershipId, user.personId) };
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const parsed = registrationSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) notFound();
  const input = { partnershipId: user.partnershipId, sessionId: parsed.data.sessionId, personId: user.personId };
  const actor = actorOf(user, args.context);
  const result = parsed.data.intent === "register" ? await registerForSession(args.context.db, actor, input) : await cancelRegistration(args.context.db, actor, input);
  if (result.status === "not_found") notFound();
  return data({ outcome: result.status });
}

export default function TrainingRegister({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDayFormatter();
  return (
    <>
      <h1>{t("training.register.title")}</h1>
      <p>{t("training.register.intro")}</p>
      {actionData ? <p className="alert success" role="status">{t(`training.register.outcome.${actionData.outcome}`)}</p> : null}
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
                <p>{t("training.register.seats", { taken: s.taken, capacity: s.capacity })}</p>
                {s.mine ? <p className="badge">{t(`training.register.mine.${s.mine}`)}</p> : null}
                <Form method="post">
                  <input type="hidden" name="sessionId" value={s.id} />
                  <input type="hidden" name="intent" value={s.mine ? "cancel" : "register"} />
                  <button type="submit" className={s.mine ? "button secondary" : undefined}>
                    {s.mine ? t("training.register.cancel", { date: when }) : t("training.register.submit", { date: when })}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
