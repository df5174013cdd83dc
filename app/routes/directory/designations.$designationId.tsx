import { data, Form, Link, redirect, useSearchParams } from "react-router";
import { pageTitle } from "../../i18n/page-title.ts";
import type { Route } from "./+types/designations.$designationId";
import { DesignationFields } from "../../components/designation-form.tsx";
import { useDirectoryLabels } from "../../components/directory-ui.tsx";
import { localName } from "../../i18n/names.ts";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { confirmDesignation } from "../../modules/directory/confirm-designation.server.ts";
import { requireDirectoryAccess } from "../../modules/directory/directory-access.server.ts";
import { DESIGNATION_ARRAYS, designationIntentSchema, endDesignationSchema, isUuid, updateDesignationSchema, versionOnlySchema } from "../../modules/directory/designation-schema.ts";
import { saveErrors } from "../../modules/directory/designation-errors.ts";
import { getDesignation, listDesignationFormOptions } from "../../modules/directory/list-designations.server.ts";
import { endDesignation, updateDesignation } from "../../modules/directory/save-designation.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import type { FieldErrorMap, FormValues } from "../../modules/forms/fields.ts";
import { conflictReply, parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { quebecDay } from "../../modules/time/days.ts";

export const policy = needs("pivot.designate");

export const meta: Route.MetaFunction = ({ matches, data }) => pageTitle(matches, "directory.designation.editTitle", { name: data ? `${data.designation.givenName} ${data.designation.familyName}` : "" });

export async function loader(args: Route.LoaderArgs) {
  const access = await requireDirectoryAccess(args, policy);
  if (!isUuid(args.params.designationId)) notFound();
  const scope = { partnershipId: access.partnershipId, organizationIds: access.designates };
  // Outside the user's organizations (or Table) the designation does not exist for them.
  const found = await getDesignation(args.context.db, { ...scope, id: args.params.designationId.toLowerCase() });
  if (!found) notFound();
  const options = await listDesignationFormOptions(args.context.db, scope);
  return { ...found, options, today: quebecDay() };
}

export const shouldRevalidate = revalidateAfterConflict;

type Intent = "save" | "confirm" | "end";

/** A refused form of the page, tagged with the form it answers (each shows its own errors). */
function refusedReply(intent: Intent, errors: FieldErrorMap, values: FormValues, formError?: string) {
  return data({ intent, errors, formError, values }, { status: 400 });
}

/**
 * Three forms, each from the version shown: save the details, confirm them as still accurate,
 * end the designation. A stale version answers 409 and writes nothing.
 */
export async function action(args: Route.ActionArgs) {
  const access = await requireDirectoryAccess(args, policy);
  if (!isUuid(args.params.designationId)) notFound();
  const id = args.params.designationId.toLowerCase();
  const scope = { partnershipId: access.partnershipId, organizationIds: access.designates };
  const read = await readForm(args.request, { arrays: DESIGNATION_ARRAYS });
  const shownIntent = (["save", "confirm", "end"] as const).find((i) => i === read.values.intent) ?? "save";
  if (!read.ok) return refusedReply(shownIntent, read.errors, read.values, "form.errors");
  const which = parseValues(read, designationIntentSchema);
  if (!which.ok) return refusedReply("save", which.errors, read.values, "form.invalid");
  const intent = which.data.intent;
  if (intent === "confirm") {
    const input = parseValues(read, versionOnlySchema);
    if (!input.ok) return refusedReply(intent, input.errors, read.values, "form.invalid");
    const result = await confirmDesignation(args.context.db, access.actor, { partnershipId: access.partnershipId, id, version: input.data.version, by: { organizationIds: access.designates } });
    return respond(result, () => redirect(`/directory/designations/${id}?saved=1`), { body: { intent } });
  }
  if (intent === "end") {
    const input = parseValues(read, endDesignationSchema);
    if (!input.ok) return refusedReply(intent, input.errors, read.values);
    const result = await endDesignation(args.context.db, access.actor, scope, id, input.data);
    if (!result.ok && result.error === "not_found") notFound();
    if (!result.ok && result.error === "conflict") return conflictReply({ intent });
    if (!result.ok) return refusedReply(intent, saveErrors(result).errors ?? {}, read.values, saveErrors(result).formError);
    return redirect(`/directory/designations/${id}?ended=1`);
  }
  const input = parseValues(read, updateDesignationSchema);
  if (!input.ok) return refusedReply(intent, input.errors, read.values);
  const result = await updateDesignation(args.context.db, access.actor, scope, id, input.data);
  if (!result.ok && result.error === "not_found") notFound();
  if (!result.ok && result.error === "conflict") return conflictReply({ intent });
  if (!result.ok) return refusedReply(intent, saveErrors(result).errors ?? {}, read.values, saveErrors(result).formError);
  return redirect(`/directory/designations/${id}?saved=1`);
}

interface ActionData {
  intent: Intent;
  errors?: Record<string, string[] | undefined>;
  formError?: string;
  values?: Record<string, unknown>;
}

export default function EditDesignation({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  const labels = useDirectoryLabels();
  const [params] = useSearchParams();
  const { designation: d, history, options, today } = loaderData;
  const result = actionData as ActionData | undefined;
  const saveErrors = result?.intent === "save" ? result : undefined;
  const endErrors = result?.intent === "end" ? result : undefined;
  const confirmErrors = result?.intent === "confirm" ? result : undefined;
  const values = (saveErrors?.values ?? d) as Record<string, never>;
  const day = (v: string) => date(`${v}T12:00:00Z`);
  const name = `${d.givenName} ${d.familyName}`;
  const ended = !!d.until && d.until < today;
  return (
    <>
      <h1>{t("directory.designation.editTitle", { name })}</h1>
      <p>
        <Link to="/directory/designations">{t("directory.designation.back")}</Link>
      </p>
      {params.get("saved") ? <SavedNotice message="directory.designations.saved" /> : null}
      {params.get("ended") ? <SavedNotice message="directory.designations.endedNotice" /> : null}
      <p>
        <strong>{localName(locale, { nameFr: d.organizationNameFr, nameEn: d.organizationNameEn })}</strong> — {t("directory.designation.lastConfirmed")} : {date(d.confirmedAt)}
      </p>
      <ErrorSummary errors={confirmErrors?.errors} formError={confirmErrors?.formError} />
      {!ended ? (
        <Form method="post" key={`confirm-${d.version}`}>
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="version" value={d.version} />
          <button type="submit" className="secondary">
            {t("directory.designation.confirmNow")}
          </button>
        </Form>
      ) : null}
      <ErrorSummary errors={saveErrors?.errors} formError={saveErrors?.formError} />
      {/* Keyed by version: after a 409 the fields show the current values, not the stale ones. */}
      <Form method="post" className="stack" noValidate key={`save-${d.version}`}>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={d.version} />
        <DesignationFields values={values} options={{ ...options, organizations: options.organizations.filter((o) => o.id === d.organizationId), sites: options.sites.filter((s) => s.organizationId === d.organizationId) }} errors={saveErrors?.errors} withPerson={false} />
        <p className="actions">
          <button type="submit">{t("directory.designation.save")}</button>
        </p>
      </Form>
      {!ended ? (
        <section aria-labelledby="end-title">
          <h2 id="end-title">{t("directory.designation.end.title")}</h2>
          <ErrorSummary errors={endErrors?.errors} formError={endErrors?.formError} />
          <Form method="post" className="stack" noValidate key={`end-${d.version}`}>
            <input type="hidden" name="intent" value="end" />
            <input type="hidden" name="version" value={d.version} />
            <Field name="lastDay" type="date" label={t("directory.designation.end.until")} defaultValue={(endErrors?.values?.lastDay as string) ?? today} errors={endErrors?.errors} required />
            <Field name="endReason" label={t("directory.designation.end.reason")} hint={t("directory.designation.end.reasonHint")} defaultValue={(endErrors?.values?.endReason as string) ?? ""} errors={endErrors?.errors} required />
            <p className="actions">
              <button type="submit" className="danger">
                {t("directory.designation.end.submit")}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
      <table>
        <caption>{t("directory.designation.history")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("directory.designations.period")}</th>
            <th scope="col">{t("directory.entry.site")}</th>
            <th scope="col">{t("directory.entry.rank")}</th>
            <th scope="col">{t("directory.designation.endReason")}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.id}>
              <th scope="row">{h.until ? t("directory.designations.fromTo", { since: day(h.since), until: day(h.until) }) : t("directory.designations.from", { since: day(h.since) })}</th>
              <td>{h.siteName ?? t("directory.entry.orgWide")}</td>
              <td>{labels.rank(h.rank)}</td>
              <td>{h.endReason || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
