import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/funding.new";
import { useT } from "../i18n/use-t.ts";
import { pageTitle } from "../i18n/page-title.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { GrantForm } from "../modules/funding/grant-form.tsx";
import { grantSchema } from "../modules/funding/funding-schema.ts";
import { createGrant } from "../modules/funding/write-funding.server.ts";
import { fieldErrors, formValues, type FieldErrorMap, type FormValues } from "../modules/forms/fields.ts";

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
  const values = formValues(await args.request.formData());
  const parsed = grantSchema.safeParse(values);
  if (!parsed.success) return data<{ errors: FieldErrorMap; values: FormValues }>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createGrant(args.context.db, actorOf(user, args.context), user.partnershipId, parsed.data);
  if (result.status !== "ok") notFound();
  return redirect(`/funding/${result.id}?saved=1`);
}

export default function NewGrant({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <p>
        <Link to="/funding">{t("funding.title")}</Link>
      </p>
      <h1>{t("funding.new")}</h1>
      <GrantForm values={actionData?.values ?? {}} errors={actionData?.errors} />
    </>
  );
}
