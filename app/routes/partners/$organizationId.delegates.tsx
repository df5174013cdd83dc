import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/$organizationId.delegates";
import { ErrorSummary, Field, SelectField, translateMessage } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { z } from "zod";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { FieldErrorMap, FormValues } from "../../modules/forms/fields.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { addDelegateTerm, endDelegateTerm, listDelegateTerms, listOrganizationPeople } from "../../modules/partners/delegate-terms.server.ts";
import { idParam, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { findPartnerOrganization } from "../../modules/partners/partner-organization.server.ts";
import { delegateTermSchema, endTermSchema } from "../../modules/partners/partners-schema.ts";
import { DelegateHistory, useOrgName } from "../../components/partners/partners-ui.tsx";
import { delegateKinds } from "../../modules/partners/vocabulary.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** The Table coordinator records who represents an organization (delegate, substitute) and when. */
export const policy = needs("partner.delegates.manage");

export const meta: Route.MetaFunction = ({ matches, data }) =>
  pageTitle(matches, "partners.profile.manageDelegates", undefined, data?.organization.nameFr);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const organizationId = idParam(args, "organizationId");
  const organization = await findPartnerOrganization(args.context.db, partnershipId, organizationId);
  if (!organization) notFound();
  await authorize(args, user, "partner.delegates.manage", { partnershipId, organizationId });
  return { user, partnershipId, organization };
}

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId, organization } = await scoped(args);
  const [terms, people] = await Promise.all([
    listDelegateTerms(args.context.db, partnershipId, organization.id),
    listOrganizationPeople(args.context.db, partnershipId, organization.id),
  ]);
  const url = requestUrl(args.request);
  return { organization, terms, people, notice: url.searchParams.get("done") };
}

type ActionResult = { intent: string; termId?: string; errors: FieldErrorMap; values: FormValues; formError?: string };

const intentSchema = z.object({ intent: z.enum(["add", "end"], { message: "form.invalid" }) });

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, organization } = await scoped(args);
  const read = await readForm(args.request);
  if (!read.ok) {
    const intent = read.values.intent === "end" ? "end" : "add";
    return data<ActionResult>({ intent, termId: String(read.values.termId ?? ""), errors: read.errors, values: read.values, formError: "form.errors" }, { status: 400 });
  }
  const scope = { partnershipId, organizationId: organization.id };
  const actor = actorOf(user, args.context);
  const values = read.values;
  // Only the two forms of the page: any other intent is refused, never taken for "add".
  const which = parseValues(read, intentSchema);
  if (!which.ok) return data<ActionResult>({ intent: "add", errors: {}, values, formError: "form.invalid" }, { status: 400 });
  if (which.data.intent === "end") {
    const parsed = parseValues(read, endTermSchema);
    if (!parsed.ok) return data<ActionResult>({ intent: "end", termId: String(values.termId ?? ""), errors: parsed.errors, values }, { status: 400 });
    const result = await endDelegateTerm(args.context.db, actor, scope, parsed.data);
    // Ended by someone else since the page was drawn (409): their date stays, the page shows it.
    return respond(result, () => redirect(`/partners/${organization.id}/delegates?done=ended`), {
      body: { intent: "end", termId: parsed.data.termId, values } as Omit<ActionResult, "errors">,
      conflict: { values: {} },
    });
  }
  const parsed = parseValues(read, delegateTermSchema);
  if (!parsed.ok) return data<ActionResult>({ intent: "add", errors: parsed.errors, values }, { status: 400 });
  const submission = submissionOf(values, "partners.$organizationId.delegates:add", user.accountId);
  if (!submission) return data<ActionResult>({ intent: "add", errors: {}, values, formError: "form.expired" }, { status: 400 });
  const outcome = await createOnce(args.context.db, submission, (tx) => addDelegateTerm(tx, actor, scope, parsed.data), () => `/partners/${organization.id}/delegates?done=added`);
  return respond(outcome, (location) => redirect(location), { body: { intent: "add", values } as Omit<ActionResult, "errors"> });
}

export default function PartnerDelegates({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const orgName = useOrgName();
  const { organization: o, terms, people, notice } = loaderData;
  const addErrors = actionData?.intent === "add" ? actionData.errors : undefined;
  const addValues: FormValues = actionData?.intent === "add" ? actionData.values : {};
  const open = terms.filter((term) => !term.until);
  return (
    <>
      <p>
        <Link to={`/partners/${o.id}`}>{orgName(o)}</Link>
      </p>
      <h1>{t("partners.delegates.title", { name: orgName(o) })}</h1>
      <p>{t("partners.delegates.intro")}</p>
      {notice === "added" ? <SavedNotice message="partners.delegates.added" /> : null}
      {notice === "ended" ? <SavedNotice message="partners.delegates.ended" /> : null}
      <h2>{t("partners.history.title")}</h2>
      <DelegateHistory terms={terms} />
      {open.length ? <h3>{t("partners.delegates.endTitle")}</h3> : null}
      {open.map((term) => {
        const errors = actionData?.intent === "end" && actionData.termId === term.id ? actionData.errors : undefined;
        return (
          <Form method="post" key={term.id} className="inline-form" noValidate>
            <input type="hidden" name="intent" value="end" />
            <input type="hidden" name="termId" value={term.id} />
            <ErrorSummary errors={errors} formError={actionData?.intent === "end" && actionData.termId === term.id ? actionData.formError : undefined} />
            <div className="field">
              <label htmlFor={`until-${term.id}`}>
                {t("partners.delegates.endOn", { name: `${term.givenName} ${term.familyName} (${t(`partners.kind.${term.kind}`)}, ${day(term.since)})` })}
              </label>
              <input
                id={`until-${term.id}`}
                name="until"
                type="date"
                required
                aria-invalid={errors?.until?.length ? true : undefined}
                aria-describedby={errors?.until?.length ? `until-${term.id}-error` : undefined}
              />
              {errors?.until?.length ? (
                <p className="error" id={`until-${term.id}-error`}>
                  {errors.until.map((e) => translateMessage(t, e)).join(" ")}
                </p>
              ) : null}
            </div>
            <button type="submit">{t("partners.delegates.end")}</button>
          </Form>
        );
      })}
      <h2>{t("partners.delegates.add")}</h2>
      {people.length === 0 ? (
        <p className="muted">{t("partners.delegates.noPeople")}</p>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <SubmissionKey />
          <ErrorSummary errors={addErrors} formError={actionData?.intent === "add" ? actionData.formError : undefined} />
          <SelectField
            name="personId"
            label={t("partners.delegates.person")}
            required
            options={people.map((p) => ({ value: p.id, label: `${p.familyName}, ${p.givenName}` }))}
            defaultValue={String(addValues.personId ?? "")}
            errors={addErrors}
          />
          <SelectField
            name="kind"
            label={t("partners.delegates.kind")}
            required
            options={delegateKinds.map((k) => ({ value: k, label: t(`partners.kind.${k}`) }))}
            defaultValue={String(addValues.kind ?? "delegate")}
            errors={addErrors}
          />
          <Field name="since" type="date" required label={t("partners.delegates.since")} defaultValue={String(addValues.since ?? "")} errors={addErrors} />
          <Field name="until" type="date" label={t("partners.delegates.until")} defaultValue={String(addValues.until ?? "")} errors={addErrors} />
          <Field name="note" label={t("partners.delegates.note")} defaultValue={String(addValues.note ?? "")} errors={addErrors} />
          <button type="submit">{t("partners.delegates.save")}</button>
        </Form>
      )}
    </>
  );
}
