import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/funding.new";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { GrantForm } from "../../components/funding/grant-form.tsx";
import { grantSchema } from "../../modules/funding/funding-schema.ts";
import { createGrant } from "../../modules/funding/write-funding.server.ts";
import type { FieldErrorMap, FormValues } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** Record a new grant (the coordinator). */
export const policy = needs("funding.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "funding.new");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return {};
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const partnershipId = user.partnershipId;
  const input = await parseForm(args.request, grantSchema);
  if (!input.ok) return data<{ errors: FieldErrorMap; values: FormValues; formError?: string }>({ errors: input.errors, values: input.values }, { status: 400 });
  const outcome = await createOnce(
    args.context.db,
    submissionOf(input.values, "funding.new", user.accountId),
    (tx) => createGrant(tx, actorOf(user, args.context), partnershipId, input.data),
    (id) => `/funding/${id}?saved=1`,
  );
  return respond(outcome, (location) => redirect(location), { body: { values: input.values } });
}

export default function NewGrant({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to="/funding">{t("funding.title")}</Link>
      </p>
      <h1>{t("funding.new")}</h1>
      <GrantForm values={actionData?.values ?? {}} errors={actionData?.errors} formError={actionData?.formError} create />
    </>
  );
}
