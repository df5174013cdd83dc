import { data, Form, redirect } from "react-router";
import { pageTitle } from "../../i18n/page-title.ts";
import type { Route } from "./+types/designations.new";
import { DesignationFields } from "../../components/designation-form.tsx";

import { ErrorSummary } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { needs } from "../../modules/authz/policy.ts";
import { requireDirectoryAccess } from "../../modules/directory/directory-access.server.ts";
import { createDesignationSchema, DESIGNATION_ARRAYS } from "../../modules/directory/designation-schema.ts";
import { saveErrors } from "../../modules/directory/designation-errors.ts";
import { listDesignationFormOptions } from "../../modules/directory/list-designations.server.ts";
import { designationPicker } from "../../modules/directory/designation-picker.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { createDesignation } from "../../modules/directory/save-designation.server.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { quebecDay } from "../../modules/time/days.ts";

export const policy = needs("pivot.designate");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "directory.designation.newTitle");

export async function loader(args: Route.LoaderArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const scope = { partnershipId: access.partnershipId, organizationIds: access.designates };
  const [options, picker] = await Promise.all([listDesignationFormOptions(args.context.db, scope), designationPicker(args.context.db, { ...scope, params: requestUrl(args.request).searchParams })]);
  return { options, picker, today: quebecDay() };
}

export async function action(args: Route.ActionArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const input = await parseForm(args.request, createDesignationSchema, { arrays: DESIGNATION_ARRAYS });
  if (!input.ok) return input.reply;
  const submission = submissionOf(input.values, "directory.designations.new", access.user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const result = await createDesignation(tx, access.actor, { partnershipId: access.partnershipId, organizationIds: access.designates }, input.data, {
      publicUrl: args.context.config.publicUrl,
    });
    return result.ok ? created(`/directory/designations/${result.id}?saved=1`) : refused(result);
  });
  if (outcome.created) return redirect(outcome.location);
  return data({ ...saveErrors(outcome.refused), values: input.values }, { status: 400 });
}

interface ActionData {
  errors?: Record<string, string[] | undefined>;
  formError?: string;
  values?: Record<string, unknown>;
}

export default function NewDesignation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { options, picker, today } = loaderData;
  const data = actionData as ActionData | undefined;
  const values = (data?.values ?? picker?.values ?? { since: today, languages: ["fr"], organizationId: options.organizations.length === 1 ? options.organizations[0]!.id : "" }) as Record<string, never>;
  return (
    <>
      <h1>{t("directory.designation.newTitle")}</h1>
      <ErrorSummary errors={data?.errors} formError={data?.formError} />
      <Form method="post" className="stack" noValidate>
        <SubmissionKey />
        <DesignationFields values={values} options={options} errors={data?.errors} withPerson picker={picker} />
        <p className="actions">
          <button type="submit">{t("directory.designation.create")}</button>
        </p>
      </Form>
    </>
  );
}
