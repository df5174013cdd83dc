import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/handover";
import { ErrorSummary, SelectField, Field } from "../../components/form.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay } from "../../components/action-plan/plan-ui.tsx";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid, optionalText, requiredId, versionField, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { conflictReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import {
  cancelHandover,
  checklistVersion,
  listCoordinators,
  listHandovers,
  listSuccessorChoices,
  loadOpenHandover,
  startHandover,
  transferCoordination,
  updateChecklist,
} from "../../modules/handover/handover.server.ts";
import { handoverItemKinds } from "../../modules/handover/vocabulary.ts";
import { z } from "zod";
import { requestUrl } from "../../modules/forms/request-url.ts";

/** Passing the Table coordinator role on: checklist from the live data, transfer, history. */
export const policy = needs("handover.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "handover.title");

// The successor select starts on an empty "choose a person" option: an empty choice gets its own message.
const chosenSuccessor = z
  .string({ message: "handover.successorRequired" })
  .trim()
  .min(1, { message: "handover.successorRequired", abort: true })
  .refine((v) => isUuid(v), "form.invalid")
  .transform((v) => v.toLowerCase());
const startSchema = z.object({ outgoingPersonId: requiredId, successorPersonId: chosenSuccessor, note: optionalText(2000) });

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const db = args.context.db;
  const [open, history, coordinators, successors] = await Promise.all([
    loadOpenHandover(db, user.partnershipId),
    listHandovers(db, user.partnershipId),
    listCoordinators(db, user.partnershipId),
    listSuccessorChoices(db, user.partnershipId),
  ]);
  const url = requestUrl(args.request);
  return {
    open: open ? history.find((h) => h.id === open.id)! : null,
    checklistVersion: open ? checklistVersion(open.items) : null,
    history: history.filter((h) => h.status !== "open"),
    coordinators,
    successors,
    me: user.personId,
    saved: url.searchParams.get("saved"),
  };
}

type ActionResult = { intent: string; errors: FieldErrorMap; values: FormValues; formError?: string };

const handoverSchema = z.object({ handoverId: requiredId });
const checklistSchema = z.object({
  handoverId: requiredId,
  version: versionField,
  checked: z.array(z.string().max(200, "form.invalid")).max(2000, "form.invalid"),
});

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const partnershipId = user.partnershipId;
  const read = await readForm(args.request, { arrays: ["checked"] });
  const values = read.values;
  const intent = typeof values.intent === "string" ? values.intent : "";
  const fail = (errors: FieldErrorMap, formError?: string, status = 400) => data<ActionResult>({ intent, errors, values, formError }, { status });
  if (!read.ok) return fail(read.errors, "form.errors");
  const actor = actorOf(user, args.context);
  const db = args.context.db;
  if (intent === "start") {
    const parsed = parseValues(read, startSchema);
    if (!parsed.ok) return fail(parsed.errors);
    // A double click starts one handover, and both clicks land on it.
    const submission = submissionOf(values, "handover:start", user.accountId);
    if (!submission) return fail({}, "form.expired");
    const outcome = await submitOnce(db, submission, async (tx) => {
      const result = await startHandover(tx, actor, { partnershipId, ...parsed.data, now: new Date() });
      return result.status === "ok" ? created("/handover?saved=started") : refused(result);
    });
    if (outcome.created) return redirect(outcome.location);
    const result = outcome.refused;
    if (result.status === "invalid") return fail({ [result.field]: [result.message] });
    return fail({}, "handover.openExists", 409);
  }
  if (intent === "checklist" || intent === "refresh") {
    const parsed = parseValues(read, checklistSchema);
    if (!parsed.ok) {
      // Another Table's (or a closed) handover answers 404 whatever else the form holds.
      const named = parseValues(read, handoverSchema);
      if (named.ok && (await loadOpenHandover(db, partnershipId))?.id !== named.data.handoverId) notFound();
      return fail(parsed.errors, "form.invalid");
    }
    const { handoverId, version, checked } = parsed.data;
    const result = await updateChecklist(db, actor, { partnershipId, handoverId, version, checkedKeys: checked, refresh: intent === "refresh", now: new Date() });
    if (result === "not_found") notFound();
    // Someone saved the checklist since this page was drawn: the page shows their ticks.
    if (result === "conflict") return conflictReply({ intent, values: {} as FormValues });
    return redirect("/handover?saved=checklist");
  }
  if (intent !== "cancel" && intent !== "transfer") return fail({}, "form.invalid");
  const parsed = parseValues(read, handoverSchema);
  if (!parsed.ok) return fail(parsed.errors, "form.invalid");
  const handoverId = parsed.data.handoverId;
  if (intent === "cancel") {
    if ((await cancelHandover(db, actor, partnershipId, handoverId)) === "not_found") notFound();
    return redirect("/handover?saved=cancelled");
  }
  const result = await transferCoordination(db, actor, {
    partnershipId,
    handoverId,
    granterRoles: user.roles,
    publicUrl: args.context.config.publicUrl,
    now: new Date(),
  });
  if (result === "not_found") notFound();
  if (result === "unchecked") return fail({}, "handover.uncheckedItems", 409);
  if (result === "forbidden") return fail({}, "handover.forbidden", 403);
  // The outgoing coordinator no longer reaches this page; a platform admin still does.
  return redirect(user.roles.some((r) => r.role === "platform_admin") ? "/handover?saved=transferred" : "/?handover=done");
}

export default function Handover({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const day = useDay();
  const { open, history, coordinators, successors, me } = loaderData;
  const startErrors = actionData?.intent === "start" ? actionData.errors : undefined;
  return (
    <>
      <h1>{t("handover.title")}</h1>
      <p>{t("handover.intro")}</p>
      {loaderData.saved ? (
        <p className="alert success" role="status">
          {t(`handover.saved.${loaderData.saved}` as "handover.saved.started")}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="alert error" role="alert">
          {t(actionData.formError as "form.invalid")}
        </p>
      ) : null}
      {open ? (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">{t("handover.openTitle", { from: open.outgoingName, to: open.successorName })}</h2>
          <p>{t("handover.startedAt", { date: dateTime(open.startedAt) })}</p>
          {open.note ? <p className="pre-line">{open.note}</p> : null}
          <p>
            {t("handover.progress", { checked: open.items.filter((i) => i.checked).length, total: open.items.length })}
          </p>
          {/* Keyed by version: after a 409 the boxes show the current ticks. */}
          <Form method="post" className="stack wide" key={loaderData.checklistVersion ?? 0}>
            <input type="hidden" name="handoverId" value={open.id} />
            <input type="hidden" name="version" value={loaderData.checklistVersion ?? ""} />
            {handoverItemKinds.map((kind) => {
              const items = open.items.filter((i) => i.kind === kind);
              if (items.length === 0) return null;
              return (
                <fieldset key={kind}>
                  <legend>{t(`handover.kind.${kind}`)}</legend>
                  {items.map((i) => {
                    const id = `item-${i.key.replace(/[^a-z0-9-]/gi, "-")}`;
                    return (
                      <div key={i.key} className="checkbox">
                        <input type="checkbox" id={id} name="checked" value={i.key} defaultChecked={i.checked} />
                        <label htmlFor={id}>
                          {i.label}
                          {i.status ? ` — ${t(`handover.commitment.${i.status}`)}` : ""}
                          {i.date ? <span className="muted"> · {day(i.date)}</span> : null}
                        </label>
                        {i.href ? (
                          <a href={i.href} aria-label={t("handover.openItem", { label: i.label })}>
                            {t("handover.see")}
                          </a>
                        ) : null}
                      </div>
                    );
                  })}
                </fieldset>
              );
            })}
            {open.items.length === 0 ? <p>{t("handover.noItems")}</p> : null}
            <p className="actions">
              <button type="submit" name="intent" value="checklist">
                {t("handover.saveChecklist")}
              </button>
              <button type="submit" name="intent" value="refresh" className="secondary">
                {t("handover.refresh")}
              </button>
            </p>
          </Form>
          <Form method="post" className="stack">
            <input type="hidden" name="handoverId" value={open.id} />
            <p>{t("handover.transferHint", { to: open.successorName })}</p>
            <p className="actions">
              <button type="submit" name="intent" value="transfer">
                {t("handover.transfer", { to: open.successorName })}
              </button>
              <button type="submit" name="intent" value="cancel" className="secondary">
                {t("handover.cancel")}
              </button>
            </p>
          </Form>
        </section>
      ) : (
        <Form method="post" className="stack" aria-labelledby="start-heading">
          <h2 id="start-heading">{t("handover.start")}</h2>
          <ErrorSummary errors={startErrors} />
          <input type="hidden" name="intent" value="start" />
          <SubmissionKey />
          <SelectField
            name="outgoingPersonId"
            label={t("handover.outgoing")}
            required
            options={coordinators.map((c) => ({ value: c.personId, label: `${c.name} (${c.email})` }))}
            defaultValue={(actionData?.values.outgoingPersonId as string) ?? (coordinators.some((c) => c.personId === me) ? me : "")}
            errors={startErrors}
          />
          <SelectField
            name="successorPersonId"
            label={t("handover.successor")}
            required
            hint={t("handover.successorHint")}
            placeholder={t("handover.chooseSuccessor")}
            options={successors.map((c) => ({ value: c.personId, label: `${c.name} (${c.email})` }))}
            defaultValue={(actionData?.values.successorPersonId as string) ?? ""}
            errors={startErrors}
          />
          <Field name="note" label={t("handover.note")} multiline errors={startErrors} />
          <p>
            <button type="submit">{t("handover.startSubmit")}</button>
          </p>
        </Form>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("handover.history")}</h2>
        {history.length === 0 ? (
          <p>{t("handover.historyEmpty")}</p>
        ) : (
          <table>
            <caption className="visually-hidden">{t("handover.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("handover.date")}</th>
                <th scope="col">{t("handover.outgoing")}</th>
                <th scope="col">{t("handover.successor")}</th>
                <th scope="col">{t("handover.outcome")}</th>
                <th scope="col">{t("handover.items")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{dateTime(h.transferredAt ?? h.cancelledAt ?? h.startedAt)}</th>
                  <td>{h.outgoingName}</td>
                  <td>{h.successorName}</td>
                  <td>{t(`handover.status.${h.status}`)}</td>
                  <td>{t("handover.progress", { checked: h.items.filter((i) => i.checked).length, total: h.items.length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
