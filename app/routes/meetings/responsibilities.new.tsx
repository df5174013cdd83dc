import { Link, redirect } from "react-router";
import type { Route } from "./+types/responsibilities.new";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { meetingGuard } from "../../modules/meetings/meeting-route.server.ts";
import { responsibilityFormData } from "../../modules/meetings/responsibilities/responsibility-form-data.server.ts";
import { responsibilitySchema } from "../../modules/meetings/responsibilities/responsibility-schema.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { ResponsibilityForm } from "../../components/responsibilities/responsibility-form.tsx";
import { createResponsibility } from "../../modules/meetings/responsibilities/save-responsibility.server.ts";

export const policy = needs("meeting.create");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "responsibilities.new");

export async function loader(args: Route.LoaderArgs) {
  const { access } = await meetingGuard(args, policy);
  // Table-wide for the Table coordinator; inside their organization for a pivot coordinator.
  const scope = access.manageAll ? null : (access.manageFollowupOrgs[0] ?? null);
  if (!access.manageAll && !scope) notFound();
  const params = requestUrl(args.request).searchParams;
  return { choices: await responsibilityFormData(args.context.db, access.partnershipId, scope, { params }), organizationOnly: !!scope };
}

export async function action(args: Route.ActionArgs) {
  const { user, access } = await meetingGuard(args, policy);
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  // Created on its own here: never tied to a meeting from this form.
  const input = parseValues({ ...read, values: { ...read.values, meetingId: "", agendaItemId: "" } }, responsibilitySchema);
  const outcome = input.ok
    ? await createOnce(
        args.context.db,
        submissionOf(read.values, "responsibilities.new", user.accountId),
        (tx) => createResponsibility(tx, actorOf(user, args.context), access, input.data),
        (id) => `/responsibilities/${id}?saved=created`,
      )
    : invalidFields(input.errors, "form.errors");
  return respond(outcome, (location) => redirect(location), { body: { values: read.values }, summary: "first-error" });
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
        values={(actionData?.values as Record<string, string> | undefined) ?? loaderData.choices.values ?? undefined}
        errors={actionData?.errors}
        formError={actionData?.formError}
        submitLabel={t("responsibilities.create")}
        create
      />
    </>
  );
}
