import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/handover";
import { ErrorSummary, SelectField, Field } from "../components/form.tsx";
import { useFormatters, useT } from "../i18n/use-t.ts";
import { pageTitle } from "../i18n/page-title.ts";
import { useDay } from "../modules/action-plan/plan-ui.tsx";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, isUuid, optionalText, requiredId, type FieldErrorMap, type FormValues } from "../modules/forms/fields.ts";
import {
  cancelHandover,
  listCoordinators,
  listHandovers,
  listSuccessorChoices,
  loadOpenHandover,
  startHandover,
  transferCoordination,
  updateChecklist,
} from "../modules/handover/handover.server.ts";
import { handoverItemKinds } from "../modules/handover/vocabulary.ts";
import { z } from "zod";
import { requestUrl } from "../modules/forms/request-url.ts";

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
    history: history.filter((h) => h.status !== "open"),
    coordinators,
    successors,
    me: user.personId,
    saved: url.searchParams.get("saved"),
  };
}

type ActionResult = { intent: string; errors: FieldErrorMap; values: FormValues; formError?: string };

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const partnershipId = user.partnershipId;
  const form = await args.request.formData();
  const values = formValues(form, ["checked"]);
  const intent = String(values.intent ?? "");
  const actor = actorOf(user, args.context);
  const db = args.context.db;
  const fail = (errors: FieldErrorMap, formError?: string, status = 400) => data<ActionResult>({ intent, errors, values, formError }, { status });
  if (intent === "start") {
    const parsed = startSchema.safeParse(values);
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    const result = await startHandover(db, actor, { partnershipId, ...parsed.data, now: new Date() });
    if (result.status === "invalid") return fail({ [result.field]: [result.message] });
    if (result.status === "open_exists") return fail({}, "handover.openExists", 409);
    return redirect("/handover?saved=started");
  }
  const handoverId = isUuid(values.handoverId) ? values.handoverId : null;
  if (!handoverId) notFound();
  if (intent === "checklist" || intent === "refresh") {
    const checked = (values.checked as string[]).filter((k) => typeof k === "string" && k.length < 200);
    const result = await updateChecklist(db, actor, { partnershipId, handoverId, checkedKeys: checked, refresh: intent === "refresh", now: new Date() });
    if (result === "not_found") notFound();
    return redirect("/handover?saved=checklist");
  }
  if (intent === "cancel") {
    if ((await cancelHandover(db, actor, partnershipId, handoverId)) === "not_found") notFound();
    return redirect("/handover?saved=cancelled");
  }
  if (intent === "transfer") {
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
  return fail({}, "form.invalid");
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
          <Form method="post" className="stack wide">
            <input type="hidden" name="handoverId" value={open.id} />
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
