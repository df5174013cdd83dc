import { data, Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/training.register";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { can } from "../modules/authz/decide.ts";
import { needs } from "../modules/authz/policy.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { listSessionsGivenBy } from "../modules/training/attendance.server.ts";
import { cancelRegistration, listOpenSessionsFor, registerForSession } from "../modules/training/registration.server.ts";
import { useDayFormatter } from "../modules/training/training-ui.tsx";

/** Any member of the Table registers themself to an open session (or joins its waiting list). */
export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.register.title");

const registrationSchema = z.object({ sessionId: z.uuid(), intent: z.enum(["register", "cancel"]) });

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const target = { partnershipId: user.partnershipId, organizationId: user.organizationId ?? null };
  const canNominate = user.roles.some((r) => r.partnershipId === user.partnershipId && can([r], "training.nominate", { partnershipId: user.partnershipId, organizationId: r.organizationId }));
  const [sessions, given] = await Promise.all([
    listOpenSessionsFor(args.context.db, user.partnershipId, user.personId),
    can(user.roles, "training.attendance", target) ? listSessionsGivenBy(args.context.db, user.partnershipId, user.personId) : Promise.resolve([]),
  ]);
  return { sessions, given, canNominate };
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const parsed = registrationSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) notFound();
  const input = { partnershipId: user.partnershipId, sessionId: parsed.data.sessionId, personId: user.personId, mode: "self" as const, publicUrl: args.context.config.publicUrl };
  const actor = actorOf(user, args.context);
  const result = parsed.data.intent === "register" ? await registerForSession(args.context.db, actor, input) : await cancelRegistration(args.context.db, actor, input);
  if (result.status === "not_found") notFound();
  if (result.status === "closed") return data({ outcome: "closed" as const, reason: null }, { status: 409 });
  return data({ outcome: result.status, reason: result.status === "waitlisted" ? result.reason : null });
}

export default function TrainingRegister({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDayFormatter();
  const outcomeKey = actionData
    ? actionData.outcome === "waitlisted" && actionData.reason === "organization_cap"
      ? "training.register.outcome.waitlistedMix"
      : (`training.register.outcome.${actionData.outcome}` as const)
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
      {outcomeKey ? (
        <p className={actionData?.outcome === "closed" ? "alert error" : "alert success"} role={actionData?.outcome === "closed" ? "alert" : "status"}>
          {t(outcomeKey)}
        </p>
      ) : null}
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
