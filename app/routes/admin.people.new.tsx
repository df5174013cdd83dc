import { data, redirect } from "react-router";
import type { Route } from "./+types/admin.people.new";
import { AdminBreadcrumb, adminTitle } from "../components/admin-common.tsx";
import { PersonForm, personOptions } from "../components/admin-person-form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { organizationScope, requireTableUser } from "../modules/governance/admin-access.server.ts";
import { fieldErrors, formValues, isUuid } from "../modules/forms/fields.ts";
import { personFormOptions } from "../modules/people/person-form-options.server.ts";
import { personSchema } from "../modules/people/person-schema.ts";
import { createPerson } from "../modules/people/save-person.server.ts";

export const policy = needs("person.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.people.new");

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationIds = organizationScope(user, "person.manage", partnershipId);
  const options = await personFormOptions(args.context.db, { partnershipId, organizationIds });
  // The form's id becomes the person's id: submitting twice cannot create two people.
  return { ...options, formId: crypto.randomUUID() };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationIds = organizationScope(user, "person.manage", partnershipId);
  const values = formValues(await args.request.formData(), ["languages"]);
  if (!isUuid(values.formId)) notFound();
  const parsed = personSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createPerson(args.context.db, actorOf(user, args.context), {
    ...parsed.data,
    partnershipId,
    organizationIds,
    formId: values.formId.toLowerCase(),
  });
  if (!result.ok && "errors" in result) return data({ errors: result.errors, values }, { status: 400 });
  if (!result.ok) notFound();
  return redirect(`/admin/people/${result.id}?saved=1`);
}

export default function NewPerson({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const options = personOptions(locale, loaderData);
  const only = loaderData.organizations.length === 1 ? loaderData.organizations[0]?.id : undefined;
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/people", label: t("admin.people.title") }]} />
      <h1>{t("admin.people.new")}</h1>
      <PersonForm
        values={actionData?.values ?? { languages: ["fr"], organizationId: only ?? "" }}
        errors={actionData?.errors}
        formId={typeof actionData?.values.formId === "string" ? actionData.values.formId : loaderData.formId}
        organizations={options.organizations}
        sites={options.sites}
        organizationRequired={loaderData.organizationRequired}
        submitLabel={t("admin.people.create")}
      />
    </>
  );
}
