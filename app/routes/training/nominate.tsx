import { Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/nominate";
import { ErrorSummary, PostButton, SelectField } from "../../components/form.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { organizationsWhere } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid, requiredId } from "../../modules/forms/fields.ts";
import { expiredReply, invalidReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { findNominee, listNominations } from "../../modules/training/nomination.server.ts";
import { outcomeFrom, outcomeLocation } from "../../modules/training/registration-outcome.ts";
import { cancelRegistration, listOpenSessionsFor, registerForSession } from "../../modules/training/registration.server.ts";
import { nomineeChoice, searchNominees } from "../../modules/training/nominee-search.server.ts";
import { pickerQuery } from "../../modules/people/picker-query.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { PeoplePicker } from "../../components/people-picker.tsx";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** A pivot coordinator registers workers of THEIR organization(s) to an open session (nomination). */
export const policy = needs("training.nominate");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "training.nominate.title");

/** Nominating is a create (keyed: a double click is one registration); cancelling is an action. */
const nominateSchema = z.object({ intent: z.literal("nominate", "form.invalid"), sessionId: requiredId, personId: requiredId });
const cancelSchema = z.object({ intent: z.literal("cancel", "form.invalid"), sessionId: requiredId, personId: requiredId });
const PAGE = "/training/nominate";

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const organizations = organizationsWhere(user.roles, "training.nominate", user.partnershipId);
  return { user, partnershipId: user.partnershipId, organizations };
}

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId, organizations } = await scoped(args);
  const params = requestUrl(args.request).searchParams;
  const locale = resolveLocale(args.request, user.locale);
  // The person picker's search without JavaScript (?personIdSearch=…) and the person ticked before it.
  const q = pickerQuery(params, "personId");
  const ticked = params.get("personId") ?? "";
  const [sessions, nominations, search, current] = await Promise.all([
    listOpenSessionsFor(args.context.db, partnershipId, user.personId),
    listNominations(args.context.db, partnershipId, organizations),
    q === null ? null : searchNominees(args.context.db, { partnershipId, organizations, q, locale }),
    isUuid(ticked) ? nomineeChoice(args.context.db, { partnershipId, organizations, personId: ticked.toLowerCase(), locale }) : null,
  ]);
  return {
    sessions: sessions.filter((s) => !s.closed),
    nominations,
    picker: { search: search && q !== null ? { q, ...search } : null, current, sessionId: params.get("sessionId") ?? "" },
    done: outcomeFrom(params),
  };
}

/** A refusal (registration closed) answers 409 with this marker: the page names it. */
const closed = { body: { outcome: "closed" as const } };

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, organizations } = await scoped(args);
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const intent = read.values.intent;
  if (intent !== "nominate" && intent !== "cancel") return invalidReply({ intent: ["form.invalid"] }, read.values, "form.invalid");
  const input = intent === "nominate" ? parseValues(read, nominateSchema) : parseValues(read, cancelSchema);
  if (!input.ok) return input.reply;
  const { sessionId, personId } = input.data;
  // Another organization's worker answers exactly like an unknown person.
  if (!(await findNominee(args.context.db, partnershipId, organizations, personId))) notFound();
  const base = { partnershipId, sessionId, personId, mode: "nomination" as const, nominatedBy: user.personId, publicUrl: args.context.config.publicUrl };
  const actor = actorOf(user, args.context);
  if (intent === "nominate") {
    const submission = submissionOf(read.values, "training.nominate:nominate", user.accountId);
    if (!submission) return expiredReply(read.values);
    const outcome = await createOnce(args.context.db, submission, (tx) => registerForSession(tx, actor, base), (placed) => outcomeLocation(PAGE, { outcome: placed.status, reason: placed.reason }));
    return respond(outcome, (location) => redirect(location), closed);
  }
  const result = await cancelRegistration(args.context.db, actor, base);
  const cancelled = () => redirect(outcomeLocation(PAGE, { outcome: "cancelled", reason: null }));
  // Cancelled already (a second click, another tab): the same answer, nothing more to do.
  if (result.kind === "not_found" && (await listOpenSessionsFor(args.context.db, partnershipId, personId)).some((s) => s.id === sessionId && !s.mine)) return cancelled();
  return respond(result, cancelled, closed);
}

export default function TrainingNominate({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const when = (dates: string[]) => dates.map((d) => day(d)).join(" · ");
  // What the last nomination or cancellation did (named by the redirect that followed it).
  const done = actionData ? null : loaderData.done;
  return (
    <>
      <h1>{t("training.nominate.title")}</h1>
      <p>{t("training.nominate.intro")}</p>
      <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
      {done ? (
        <SavedNotice
          message={done.outcome === "waitlisted" && done.reason === "organization_cap" ? "training.nominate.outcome.waitlistedMix" : `training.nominate.outcome.${done.outcome}`}
          tone={done.outcome === "waitlisted" ? "neutral" : "success"}
        />
      ) : null}
      {loaderData.sessions.length === 0 ? (
        <p>{t("training.register.empty")}</p>
      ) : (
        <Form method="post" className="stack">
          <SubmissionKey />
          <input type="hidden" name="intent" value="nominate" />
          {/* Each choice says whether the person is already certified (nominating them again is rarely wanted). */}
          <PeoplePicker name="personId" label={t("training.nominate.person")} purpose="nomination" current={loaderData.picker.current} search={loaderData.picker.search} errors={actionData?.errors} required />
          <SelectField
            name="sessionId"
            label={t("training.nominate.session")}
            required
            defaultValue={loaderData.picker.sessionId}
            errors={actionData?.errors}
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
                  {/* About the person nominated, not the reader ("Inscrit·e", never "Vous êtes inscrit·e"). */}
                  {t(`training.participants.status.${n.status}`)}
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
