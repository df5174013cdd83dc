import { data, redirect } from "react-router";
import type { Route } from "./+types/admin.tables.$partnershipId";
import { AdminBreadcrumb, adminTitle, localName, SavedNotice } from "../components/admin-common.tsx";
import { PartnershipForm } from "../components/admin-partnership-form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, isUuid, versionField } from "../modules/forms/fields.ts";
import { getPartnership } from "../modules/governance/list-partnerships.server.ts";
import { partnershipSchema } from "../modules/governance/partnership-schema.ts";
import { updatePartnership } from "../modules/governance/save-partnership.server.ts";

export const policy = needs("partnership.manage");

export const meta: Route.MetaFunction = ({ matches, data }) => adminTitle(matches, "admin.tables.pageTitle", { name: data?.table });

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  if (!isUuid(args.params.partnershipId)) notFound();
  const table = await getPartnership(args.context.db, args.params.partnershipId);
  if (!table) notFound();
  return { table };
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user || !isUuid(args.params.partnershipId)) notFound();
  const values = formValues(await args.request.formData());
  const parsed = partnershipSchema.safeParse(values);
  const version = versionField.safeParse(values.version);
  if (!parsed.success || !version.success) {
    return data({ errors: parsed.success ? {} : fieldErrors(parsed.error), values, formError: null }, { status: 400 });
  }
  const result = await updatePartnership(args.context.db, actorOf(user, args.context), {
    ...parsed.data,
    id: args.params.partnershipId,
    version: version.data,
  });
  if (result === "not_found") notFound();
  if (result === "slug_taken") return data({ errors: { slug: ["admin.partnership.slugTaken"] }, values, formError: null }, { status: 400 });
  if (result === "conflict") return data({ errors: {}, values, formError: "form.conflict" }, { status: 409 });
  return redirect(`/admin/tables/${args.params.partnershipId}?saved=1`);
}

export default function EditTable({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { table } = loaderData;
  const initial = { ...table, foundedOn: table.foundedOn ?? "" };
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/tables", label: t("admin.tables.title") }]} />
      <h1>{localName(locale, table)}</h1>
      <SavedNotice />
      <PartnershipForm
        // A new version after a save remounts the form with the stored values.
        key={table.version}
        values={actionData?.values ?? initial}
        errors={actionData?.errors}
        formError={actionData?.formError}
        version={table.version}
        submitLabel={t("form.save")}
      />
    </>
  );
}
