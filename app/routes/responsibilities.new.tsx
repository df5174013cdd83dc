import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/responsibilities.new";
import { pageTitle } from "../i18n/page-title.ts";
import { useT } from "../i18n/use-t.ts";
import { actorOf, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, type FieldErrorMap } from "../modules/forms/fields.ts";
import { meetingGuard } from "../modules/meetings/meeting-route.server.ts";
import { responsibilityFormData } from "../modules/responsibilities/responsibility-form-data.server.ts";
import { responsibilitySchema } from "../modules/responsibilities/responsibility-schema.ts";
import { ResponsibilityForm } from "../modules/responsibilities/responsibility-ui.tsx";
import { createResponsibility } from "../modules/responsibilities/save-responsibility.server.ts";

export const policy = needs("meeting.create");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "responsibilities.new");

export async function loader(args: Route.LoaderArgs) {
  const { access } = await meetingGuard(args, policy);
  // Table-wide for the Table coordinator; inside their organization for a pivot coordinator.
  const scope = access.manageAll ? null : (access.manageFollowupOrgs[0] ?? null);
  if (!access.manageAll && !scope) notFound();
  return { choices: await responsibilityFormData(args.context.db, access.partnershipId, scope), organizationOnly: !!scope };
}

export async function action(args: Route.ActionArgs) {
  const { user, access } = await meetingGuard(args, policy);
  const values = formValues(await args.request.formData());
  const parsed = responsibilitySchema.safeParse({ ...values, meetingId: "", agendaItemId: "" });
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values, formError: "form.errors" }, { status: 400 });
  const result = await createResponsibility(args.context.db, actorOf(user, args.context), access, parsed.data);
  if (result.status === "not_found") notFound();
  if (result.status === "invalid") return data({ errors: { [result.field]: [result.message] } as FieldErrorMap, values, formError: result.message }, { status: 400 });
  if (result.status !== "ok") return data({ errors: {} as FieldErrorMap, values, formError: "form.invalid" }, { status: 400 });
  return redirect(`/responsibilities/${result.id}?saved=created`);
}

export default function NewResponsibility({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to="/responsibilities">{t("responsibilities.title")}</Link>
      </p>
      <h1>{t("responsibilities.new")}</h1>
      <p>{loaderData.organizationOnly ? t("responsibilities.new.organizationOnly") : t("responsibilities.new.intro")}</p>
      <ResponsibilityForm
        choices={loaderData.choices}
        values={actionData?.values as Record<string, string> | undefined}
        errors={actionData?.errors}
        formError={actionData?.formError}
        submitLabel={t("responsibilities.create")}
      />
    </>
  );
}
