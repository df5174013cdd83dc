import { data, redirect } from "react-router";
import type { Route } from "./+types/people.new";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { PersonForm, personOptions } from "../../components/admin-person-form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { organizationScope, requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { personFormOptions } from "../../modules/people/person-form-options.server.ts";
import { personSchema } from "../../modules/people/person-schema.ts";
import { createPerson } from "../../modules/people/save-person.server.ts";

export const policy = needs("person.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.people.new");

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationIds = organizationScope(user, "person.manage", partnershipId);
  return personFormOptions(args.context.db, { partnershipId, organizationIds });
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationIds = organizationScope(user, "person.manage", partnershipId);
  const input = await parseForm(args.request, personSchema, { arrays: ["languages"] });
  if (!input.ok) return input.reply;
  // The submission key (SubmissionKey in the form): submitting twice cannot create two people.
  const submission = submissionOf(input.values, "admin.people.new", user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const result = await createPerson(tx, actorOf(user, args.context), { ...input.data, partnershipId, organizationIds, formId: crypto.randomUUID() });
    return result.ok ? created(`/admin/people/${result.id}?saved=1`) : refused(result);
  });
  if (outcome.created) return redirect(outcome.location);
  const result = outcome.refused;
  if ("errors" in result) return data({ errors: result.errors, values: input.values, formError: "form.errors" }, { status: 400 });
  notFound();
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
        formError={actionData?.formError}
        organizations={options.organizations}
        sites={options.sites}
        organizationRequired={loaderData.organizationRequired}
        submitLabel={t("admin.people.create")}
      />
    </>
  );
}
