import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/settings";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { meetingKindsToText } from "../../modules/meetings/meeting-kinds.ts";
import {
  getPartnershipSettingsForm,
  partnershipSettingsSchema,
  updatePartnershipSettings,
} from "../../modules/settings/update-partnership-settings.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

export const policy = needs("partnership.configure");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.settings.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const settings = await getPartnershipSettingsForm(args.context.db, user.partnershipId);
  if (!settings) notFound();
  return { settings };
}

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const input = await parseForm(args.request, partnershipSettingsSchema);
  if (!input.ok) return input.reply;
  const result = await updatePartnershipSettings(args.context.db, actorOf(user, args.context), {
    ...input.data,
    partnershipId: user.partnershipId,
  });
  // Someone saved since the page was drawn (409): the page reloads and shows their values.
  return respond(result, () => redirect("/admin/settings?saved=1"), { conflict: { values: undefined } });
}

export default function TableSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { settings } = loaderData;
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const months = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(locale === "en" ? "en-CA" : "fr-CA", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, i, 1))));
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("admin.settings.title")}</h1>
      <SavedNotice />
      <p>{t("admin.settings.intro")}</p>
      <Form method="post" className="stack" key={settings.version}>
        <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
        <input type="hidden" name="version" value={settings.version} />
        <Field
          name="directoryFreshnessMonths"
          label={t("admin.settings.freshness")}
          hint={t("admin.settings.freshness.hint")}
          type="number"
          inputMode="numeric"
          required
          defaultValue={values.directoryFreshnessMonths ?? settings.directoryFreshnessMonths}
          errors={actionData?.errors}
        />
        <p>
          <Link to="/privacy/retention">{t("admin.settings.retention")}</Link>
          {" — "}
          {t("admin.settings.retention.hint")}
        </p>
        <Field
          name="meetingKinds"
          label={t("meetings.settings.kinds")}
          hint={t("meetings.settings.kinds.hint")}
          multiline
          defaultValue={values.meetingKinds ?? meetingKindsToText(settings.meetingKinds)}
          errors={actionData?.errors}
        />
        <fieldset>
          <legend>{t("admin.settings.training.title")}</legend>
          {(
            [
              ["trainingRegistrationClosesDays", "registrationClosesDays"],
              ["trainingReminderDays", "reminderDays"],
              ["trainingMaxOrganizationSharePercent", "maxOrganizationSharePercent"],
              ["trainingMinOrganizations", "minOrganizations"],
              ["trainingMinMilieux", "minMilieux"],
            ] as const
          ).map(([name, key]) => (
            <Field
              key={name}
              name={name}
              label={t(`admin.settings.training.${key}`)}
              hint={t(`admin.settings.training.${key}.hint`)}
              type="number"
              inputMode="numeric"
              required
              defaultValue={values[name] ?? settings.training[key]}
              errors={actionData?.errors}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("admin.settings.evaluation.title")}</legend>
          <Field
            name="suppressionThreshold"
            label={t("admin.settings.evaluation.threshold")}
            hint={t("admin.settings.evaluation.threshold.hint")}
            type="number"
            inputMode="numeric"
            required
            defaultValue={values.suppressionThreshold ?? settings.evaluation.suppressionThreshold}
            errors={actionData?.errors}
          />
          <SelectField
            name="fiscalYearStartMonth"
            label={t("admin.settings.evaluation.fiscalStart")}
            hint={t("admin.settings.evaluation.fiscalStart.hint")}
            options={months.map((label, i) => ({ value: String(i + 1), label }))}
            defaultValue={values.fiscalYearStartMonth ?? String(settings.evaluation.fiscalYearStartMonth)}
            errors={actionData?.errors}
          />
        </fieldset>
        <div className="actions">
          <button type="submit">{t("form.save")}</button>
        </div>
      </Form>
    </>
  );
}
