import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/announcements.new";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { announcementSchema } from "../../modules/announcements/announcement-schema.ts";
import { postAnnouncement } from "../../modules/announcements/announcements.server.ts";
import { mayPost, postingRights } from "../../modules/announcements/audience.server.ts";
import { listPlanOrganizations } from "../../modules/action-plan/read-plan.server.ts";
import { actorOf, authorize, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { FieldErrorMap, FormValues } from "../../modules/forms/fields.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";

/** Post an announcement: the coordinator to the Table, all pivots or one organization; a pivot coordinator to their pivots. */
export const policy = needs("announcement.post");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "announcements.new");

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const rights = postingRights(user.roles, user.partnershipId);
  if (rights.audiences.length === 0) notFound();
  return { user, partnershipId: user.partnershipId, rights };
}

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId, rights } = await scoped(args);
  const all = await listPlanOrganizations(args.context.db, partnershipId);
  return { audiences: rights.audiences, organizations: rights.organizations === "all" ? all : all.filter((o) => rights.organizations.includes(o.id)) };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await scoped(args);
  const input = await parseForm(args.request, announcementSchema);
  if (!input.ok) return data<{ errors: FieldErrorMap; values: FormValues; formError?: string }>({ errors: input.errors, values: input.values }, { status: 400 });
  const organizationId = input.data.audience === "table" || input.data.audience === "pivots" ? null : input.data.organizationId;
  if (!mayPost(user.roles, partnershipId, input.data.audience, organizationId)) {
    await authorize(args, user, "announcement.post", { partnershipId, organizationId: organizationId ?? "00000000-0000-0000-0000-000000000000" });
    notFound();
  }
  const submission = submissionOf(input.values, "announcements.new", user.accountId);
  if (!submission) return expiredReply(input.values);
  // A double click posts (and emails) once; every identical submission lands on the same page.
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const posted = await postAnnouncement(tx, actorOf(user, args.context), {
      ...input.data,
      organizationId,
      partnershipId,
      authorPersonId: user.personId,
      publicUrl: args.context.config.publicUrl,
    });
    return posted ? created(`/announcements?posted=${posted.id}`) : refused(null);
  });
  if (outcome.created) return redirect(outcome.location);
  // Another Table's organization answers like a missing one.
  notFound();
}

export default function NewAnnouncement({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { audiences, organizations } = loaderData;
  const values = actionData?.values ?? {};
  const errors = actionData?.errors;
  const needsOrg = audiences.some((a) => a === "organization" || a === "organization_pivots");
  return (
    <>
      <p>
        <Link to="/announcements">{t("announcements.title")}</Link>
      </p>
      <h1>{t("announcements.new")}</h1>
      <Form method="post" className="stack">
        <SubmissionKey />
        <ErrorSummary errors={errors} formError={actionData?.formError} />
        <fieldset>
          <legend>{t("announcements.form.audience")}</legend>
          {audiences.map((a, i) => (
            <div key={a} className="checkbox">
              <input type="radio" id={`audience-${a}`} name="audience" value={a} defaultChecked={values.audience ? values.audience === a : i === 0} />
              <label htmlFor={`audience-${a}`}>{t(`announcements.audienceChoice.${a}`)}</label>
            </div>
          ))}
          {errors?.audience ? <p className="error">{t("form.required")}</p> : null}
        </fieldset>
        {needsOrg ? (
          <SelectField
            name="organizationId"
            label={t("announcements.form.organization")}
            hint={t("announcements.form.organizationHint")}
            options={organizations.map((o) => ({ value: o.id, label: locale === "en" ? o.nameEn : o.nameFr }))}
            defaultValue={(values.organizationId as string) ?? (organizations.length === 1 ? organizations[0]!.id : "")}
            errors={errors}
          />
        ) : null}
        <Field name="title" label={t("announcements.form.title")} required defaultValue={(values.title as string) ?? ""} errors={errors} />
        <Field name="body" label={t("announcements.form.body")} hint={t("announcements.form.bodyHint")} required multiline defaultValue={(values.body as string) ?? ""} errors={errors} />
        <p>
          <button type="submit">{t("announcements.form.submit")}</button>
        </p>
      </Form>
    </>
  );
}
