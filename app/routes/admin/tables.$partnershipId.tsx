import { redirect } from "react-router";
import type { Route } from "./+types/tables.$partnershipId";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { PartnershipForm } from "../../components/admin-partnership-form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid, versionField } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { getPartnership } from "../../modules/governance/list-partnerships.server.ts";
import { partnershipSchema } from "../../modules/governance/partnership-schema.ts";
import { updatePartnership } from "../../modules/governance/save-partnership.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

export const policy = needs("partnership.manage");

export const meta: Route.MetaFunction = ({ matches, data }) => adminTitle(matches, "admin.tables.pageTitle", { name: data?.table });

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  if (!isUuid(args.params.partnershipId)) notFound();
  const table = await getPartnership(args.context.db, args.params.partnershipId);
  if (!table) notFound();
  return { table };
}

const editSchema = partnershipSchema.extend({ version: versionField });

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user || !isUuid(args.params.partnershipId)) notFound();
  const input = await parseForm(args.request, editSchema);
  if (!input.ok) return input.reply;
  const result = await updatePartnership(args.context.db, actorOf(user, args.context), {
    ...input.data,
    id: args.params.partnershipId.toLowerCase(),
  });
  // A slug another Table has: 400 on the slug field.
  return respond(result, () => redirect(`/admin/tables/${args.params.partnershipId}?saved=1`), { body: { values: input.values }, conflict: { values: undefined } });
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
