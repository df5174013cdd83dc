import { Form, redirect } from "react-router";
import type { Route } from "./+types/corrections";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields, map } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { answerCorrection, listCorrectionRequests } from "../../modules/privacy/correction-requests.server.ts";
import { keepsTableRegister, privacyGuard } from "../../modules/privacy/privacy-access.server.ts";
import { correctionAnswerSchema } from "../../modules/privacy/privacy-schema.ts";

/** The correction requests people sent about their own data, for the Table's privacy officer to answer. */
export const policy = needs("privacy.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.corrections.title");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const guarded = await privacyGuard(args, policy);
  if (!keepsTableRegister(guarded.access)) notFound();
  return guarded;
}

export async function loader(args: Route.LoaderArgs) {
  const { access } = await scoped(args);
  return { requests: await listCorrectionRequests(args.context.db, access.partnershipId), saved: requestUrl(args.request).searchParams.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, access } = await scoped(args);
  const input = await parseForm(args.request, correctionAnswerSchema);
  if (!input.ok) return respond(invalidFields(input.errors, "form.errors"), () => null, { body: { values: input.values, requestId: String(input.values.requestId ?? "") } });
  const { status, ...rest } = input.data;
  const outcome = map(await answerCorrection(args.context.db, actorOf(user, args.context), access, { ...rest, status: status === "declined" ? "declined" : "done" }), () => "/privacy/corrections?saved=answered");
  return respond(outcome, (location) => redirect(location), { body: { values: input.values, requestId: input.data.requestId }, conflict: { values: undefined } });
}

export default function Corrections({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { requests, saved } = loaderData;
  return (
    <>
      <h1>{t("privacy.corrections.title")}</h1>
      {saved ? <SavedNotice message="privacy.saved.answered" /> : null}
      <p>{t("privacy.corrections.intro")}</p>
      {requests.length === 0 ? <p>{t("privacy.corrections.none")}</p> : null}
      <ol className="plain-list">
        {requests.map((r) => {
          const failed = actionData?.requestId === r.id ? actionData : null;
          const heading = t("privacy.corrections.from", { name: `${r.givenName} ${r.familyName}`.trim(), day: dateTime(r.createdAt) });
          return (
            <li key={r.id}>
              <h2>{heading}</h2>
              <p>
                {t("privacy.corrections.status")}
                {" — "}
                {t(`privacy.correction.status.${r.status}` as MessageKey)}
              </p>
              <blockquote>{r.request}</blockquote>
              {r.status === "open" ? (
                <Form method="post" className="stack" key={r.version}>
                  <ErrorSummary errors={failed?.errors} formError={failed?.formError} />
                  <input type="hidden" name="requestId" value={r.id} />
                  <input type="hidden" name="version" value={r.version} />
                  <SelectField
                    idPrefix={`c-${r.id}`}
                    name="status"
                    label={t("privacy.corrections.status")}
                    required
                    options={(["done", "declined"] as const).map((s) => ({ value: s, label: t(`privacy.correction.status.${s}`) }))}
                    errors={failed?.errors}
                  />
                  <Field idPrefix={`c-${r.id}`} name="answer" label={t("privacy.corrections.answer")} multiline required errors={failed?.errors} />
                  <div className="actions">
                    <button type="submit">{t("privacy.corrections.answerSend")}</button>
                  </div>
                </Form>
              ) : (
                <p>
                  <strong>{t("privacy.corrections.answer")}</strong> — {r.answer}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
