import { data, redirect } from "react-router";
import type { Route } from "./+types/admin.tables.new";
import { AdminBreadcrumb, adminTitle } from "../components/admin-common.tsx";
import { PartnershipForm } from "../components/admin-partnership-form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues } from "../modules/forms/fields.ts";
import { partnershipSchema } from "../modules/governance/partnership-schema.ts";
import { createPartnership } from "../modules/governance/save-partnership.server.ts";

export const policy = needs("partnership.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.tables.new");

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  return null;
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const values = formValues(await args.request.formData());
  const parsed = partnershipSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createPartnership(args.context.db, actorOf(user, args.context), parsed.data);
  if (!result.ok) return data({ errors: { slug: ["admin.partnership.slugTaken"] }, values }, { status: 400 });
  return redirect(`/admin/tables/${result.id}?saved=1`);
}

export default function NewTable({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/tables", label: t("admin.tables.title") }]} />
      <h1>{t("admin.tables.new")}</h1>
      <PartnershipForm values={actionData?.values} errors={actionData?.errors} submitLabel={t("admin.tables.create")} />
    </>
  );
}
