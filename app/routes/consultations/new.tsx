import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { viewerOf } from "../../modules/consultations/access.server.ts";
import { consultationsTitle } from "../../modules/consultations/ui/page-title.ts";
import { newConsultationSchema } from "../../modules/consultations/consultation-schema.ts";
import { urgencies } from "../../modules/consultations/urgency.ts";
import { createConsultation } from "../../modules/consultations/create-consultation.server.ts";
import { resolveConsultationTarget } from "../../modules/consultations/resolve-target.server.ts";
import { GuardFindings } from "../../components/guard-findings.tsx";
import { guardRefusalReply } from "../../modules/consultations/guard-refusal.server.ts";
import stylesheet from "../../components/consultations/consultations.css?url";
import { requestUrl } from "../../modules/forms/request-url.ts";

export const meta: Route.MetaFunction = ({ matches }) => consultationsTitle(matches, "consultations.new.title");

export const policy = needs("consultation.ask");

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

/** ?pivot=<personId> (from the directory or the pathway) or ?organization=<id>; the form carries them too. */
function targetOf(params: { get: (name: string) => unknown }) {
  const pivot = params.get("pivot");
  const org = params.get("organization");
  return {
    pivotPersonId: typeof pivot === "string" && isUuid(pivot) ? pivot.toLowerCase() : null,
    organizationId: typeof org === "string" && isUuid(org) ? org.toLowerCase() : null,
  };
}

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  const viewer = user && viewerOf(user);
  if (!viewer) notFound();
  const target = targetOf(requestUrl(args.request).searchParams);
  if (!target.pivotPersonId && !target.organizationId) throw redirect("/consultations");
  const found = await resolveConsultationTarget(args.context.db, viewer.partnershipId, target);
  if (!found) notFound();
  return {
    target: {
      kind: found.kind,
      personName: found.personName,
      organizationNameFr: found.organizationNameFr,
      organizationNameEn: found.organizationNameEn,
      pivot: target.pivotPersonId,
      organization: target.pivotPersonId ? null : found.organizationId,
    },
    reachable: found.recipients.some((r) => r.personId !== viewer.personId),
  };
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  const viewer = user && viewerOf(user);
  if (!user || !viewer) notFound();
  const input = await parseForm(args.request, newConsultationSchema);
  if (!input.ok) return data({ errors: input.errors, values: input.values, findings: null, formError: null }, { status: 400 });
  const values = input.values;
  // The same form sent twice (double click, retry) leads to the same consultation.
  const submission = submissionOf(values, "consultations.new", user.accountId);
  if (!submission) return expiredReply(values);
  const target = targetOf({ get: (name) => values[name] });
  const outcome = await createOnce<string, "consultations.new.unreachable" | "findings">(
    args.context.db,
    submission,
    (tx) => createConsultation(tx, actorOf(user, args.context), { viewer, target, fields: input.data, publicUrl: args.context.config.publicUrl }),
    (id) => `/consultations/${id}?sent=1`,
  );
  const kept = { ...values, ...input.data };
  if (outcome.kind === "refused") return guardRefusalReply(outcome, kept);
  return respond(outcome, (location) => redirect(location), { body: { values: kept, findings: null } });
}

export default function NewConsultation({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { target } = loaderData;
  const organization = locale === "en" ? target.organizationNameEn : target.organizationNameFr;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const findings = actionData && "findings" in actionData ? actionData.findings : null;
  const labels = {
    subject: t("consultations.field.subject"),
    context: t("consultations.field.context"),
    question: t("consultations.field.question"),
  };
  return (
    <>
      <p>
        <Link to="/consultations">{t("consultations.thread.back")}</Link>
      </p>
      <h1>{t("consultations.new.title")}</h1>
      <p className="lead">
        {target.kind === "pivot"
          ? t("consultations.new.toPivot", { name: target.personName ?? "", organization })
          : t("consultations.new.toOrganization", { organization })}
      </p>
      {/* On the first screen, phone included: a danger is a 911 call, never a consultation. */}
      <p className="alert warning">
        {t("consultations.new.emergency")}{" "}
        <a className="button" href="tel:911">
          {t("consultations.new.call911")}
        </a>
      </p>
      {!loaderData.reachable ? (
        <p className="alert">{t("consultations.new.unreachable")}</p>
      ) : (
        <>
          <ErrorSummary errors={findings ? null : actionData?.errors} formError={actionData?.formError} />
          {findings ? <GuardFindings findings={findings} values={values} labels={labels} /> : null}
          <p id="deidentify-hint">{t("consultations.new.deidentify")}</p>
          <Form method="post" className="stack" aria-describedby="deidentify-hint">
            <SubmissionKey />
            {target.pivot ? <input type="hidden" name="pivot" value={target.pivot} /> : null}
            {target.organization ? <input type="hidden" name="organization" value={target.organization} /> : null}
            <Field name="subject" label={labels.subject} hint={t("consultations.field.subject.hint")} required defaultValue={values.subject} errors={actionData?.errors} />
            <Field name="context" label={labels.context} hint={t("consultations.field.context.hint")} required multiline defaultValue={values.context} errors={actionData?.errors} />
            <Field name="question" label={labels.question} required multiline defaultValue={values.question} errors={actionData?.errors} />
            <SelectField
              name="urgency"
              label={t("consultations.field.urgency")}
              required
              defaultValue={values.urgency || "normal"}
              errors={actionData?.errors}
              options={urgencies.map((u) => ({ value: u, label: t(`consultations.urgency.${u}`) }))}
            />
            <p className="actions">
              <button type="submit">{t("consultations.form.send")}</button>
            </p>
          </Form>
        </>
      )}
    </>
  );
}
