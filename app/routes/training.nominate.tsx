import { data, Form } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/training.nominate";
import { PostButton, SelectField } from "../components/form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { organizationsWhere } from "../modules/authz/decide.ts";
import { needs } from "../modules/authz/policy.ts";
import { pageTitle } from "../modules/pathway/pathway-ui.tsx";
import { findNominee, listNominations } from "../modules/training/nomination.server.ts";
import { cancelRegistration, listOpenSessionsFor, registerForSession } from "../modules/training/registration.server.ts";
import { listPeopleForSession } from "../modules/training/session-participants.server.ts";
import { useDayFormatter } from "../modules/training/training-ui.tsx";

/** A pivot coordinator registers workers of THEIR organization(s) to an open session (nomination). */
export const policy = needs("training.nominate");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.nominate.title");

const schema = z.object({ sessionId: z.uuid(), personId: z.uuid(), intent: z.enum(["nominate", "cancel"]) });

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const organizations = organizationsWhere(user.roles, "training.nominate", user.partnershipId);
  return { user, partnershipId: user.partnershipId, organizations };
}

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId, organizations } = await scoped(args);
  const [sessions, people, nominations] = await Promise.all([
    listOpenSessionsFor(args.context.db, partnershipId, user.personId),
    listPeopleForSession(args.context.db, partnershipId, organizations),
    listNominations(args.context.db, partnershipId, organizations),
  ]);
  return { sessions: sessions.filter((s) => !s.closed), people, nominations };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, organizations } = await scoped(args);
  const parsed = schema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) return data({ outcome: "invalid" as const, reason: null }, { status: 400 });
  // Another organization's worker answers exactly like an unknown person.
  if (!(await findNominee(args.context.db, partnershipId, organizations, parsed.data.personId))) notFound();
  const input = {
    partnershipId,
    sessionId: parsed.data.sessionId,
    personId: parsed.data.personId,
    mode: "nomination" as const,
    nominatedBy: user.personId,
    publicUrl: args.context.config.publicUrl,
  };
  const actor = actorOf(user, args.context);
  const result = parsed.data.intent === "nominate" ? await registerForSession(args.context.db, actor, input) : await cancelRegistration(args.context.db, actor, input);
  if (result.status === "not_found") notFound();
  if (result.status === "closed") return data({ outcome: "closed" as const, reason: null }, { status: 409 });
  return data({ outcome: result.status, reason: result.status === "waitlisted" ? result.reason : null });
}

export default function TrainingNominate({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDayFormatter();
  const when = (dates: string[]) => dates.map((d) => day(d)).join(" · ");
  const outcome = actionData?.outcome;
  return (
    <>
      <h1>{t("training.nominate.title")}</h1>
      <p>{t("training.nominate.intro")}</p>
      {outcome === "invalid" ? (
        <p className="alert error" role="alert">{t("form.errors")}</p>
      ) : outcome === "closed" ? (
        <p className="alert error" role="alert">{t("training.register.outcome.closed")}</p>
      ) : outcome ? (
        <p className="alert success" role="status">
          {t(outcome === "waitlisted" && actionData?.reason === "organization_cap" ? "training.nominate.outcome.waitlistedMix" : `training.nominate.outcome.${outcome}`)}
        </p>
      ) : null}
      {loaderData.sessions.length === 0 || loaderData.people.length === 0 ? (
        <p>{t("training.register.empty")}</p>
      ) : (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="nominate" />
          <SelectField name="personId" label={t("training.nominate.person")} required options={loaderData.people.map((p) => ({ value: p.id, label: p.label }))} />
          <SelectField
            name="sessionId"
            label={t("training.nominate.session")}
            required
            options={loaderData.sessions.map((s) => ({ value: s.id, label: `${when(s.dates)} — ${t("training.register.seats", { taken: s.taken, capacity: s.capacity })}` }))}
          />
          <div className="actions">
            <button type="submit">{t("training.nominate.submit")}</button>
          </div>
        </Form>
      )}
      <h2>{t("training.nominate.current")}</h2>
      {loaderData.nominations.length === 0 ? (
        <p>{t("training.nominate.none")}</p>
      ) : (
        <table>
          <caption>{t("training.nominate.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("training.pool.name")}</th>
              <th scope="col">{t("training.pairs.session")}</th>
              <th scope="col">{t("training.sessions.status")}</th>
              <th scope="col">{t("training.participants.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.nominations.map((n) => (
              <tr key={n.registrationId}>
                <th scope="row">{n.name}</th>
                <td>{when(n.dates)}</td>
                <td>
                  {t(`training.register.mine.${n.status}`)}
                  {n.waitReason ? ` — ${t(`training.register.reason.${n.waitReason}`)}` : null}
                </td>
                <td>
                  {n.closed ? (
                    t("training.participants.closedShort")
                  ) : (
                    <PostButton fields={{ intent: "cancel", sessionId: n.sessionId, personId: n.personId }} className="button secondary">
                      {t("training.participants.cancelFor", { name: n.name })}
                    </PostButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
