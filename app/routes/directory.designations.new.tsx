import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/directory.designations.new";
import { DesignationFields } from "../components/designation-form.tsx";
import { DirectoryNav } from "../components/directory-ui.tsx";
import { ErrorSummary } from "../components/form.tsx";
import { useT } from "../i18n/use-t.ts";
import { needs } from "../modules/authz/policy.ts";
import { localDate } from "../modules/directory/dates.ts";
import { requireDirectoryAccess } from "../modules/directory/directory-access.server.ts";
import { createDesignationSchema, designationFormInput, fieldErrorsOf } from "../modules/directory/designation-schema.ts";
import { saveErrors } from "../modules/directory/designation-errors.ts";
import { listDesignationFormOptions } from "../modules/directory/list-designations.server.ts";
import { createDesignation } from "../modules/directory/save-designation.server.ts";

export const policy = needs("pivot.designate");

export async function loader(args: Route.LoaderArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const options = await listDesignationFormOptions(args.context.db, { partnershipId: access.partnershipId, organizationIds: access.designates });
  return { options, today: localDate(), nav: access.nav };
}

export async function action(args: Route.ActionArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const input = designationFormInput(await args.request.formData());
  const parsed = createDesignationSchema.safeParse(input);
  if (!parsed.success) return data({ errors: fieldErrorsOf(parsed.error), values: input }, { status: 400 });
  const result = await createDesignation(args.context.db, access.actor, { partnershipId: access.partnershipId, organizationIds: access.designates }, parsed.data);
  if (!result.ok) return data({ ...saveErrors(result), values: input }, { status: 400 });
  return redirect(`/directory/designations/${result.id}?saved=1`);
}

interface ActionData {
  errors?: Record<string, string[] | undefined>;
  formError?: string;
  values?: Record<string, unknown>;
}

export default function NewDesignation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { options, today, nav } = loaderData;
  const data = actionData as ActionData | undefined;
  const values = (data?.values ?? { since: today, languages: ["fr"], organizationId: options.organizations.length === 1 ? options.organizations[0]!.id : "" }) as Record<string, never>;
  return (
    <>
      <h1>{t("directory.designation.newTitle")}</h1>
      <DirectoryNav designations={nav.designations} />
      <ErrorSummary errors={data?.errors} formError={data?.formError} />
      <Form method="post" className="stack" noValidate>
        <DesignationFields values={values} options={options} errors={data?.errors} withPerson />
        <p className="actions">
          <button type="submit">{t("directory.designation.create")}</button>
        </p>
      </Form>
    </>
  );
}
