import { data, redirect } from "react-router";
import type { Route } from "./+types/tables.new";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { PartnershipForm } from "../../components/admin-partnership-form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { expiredReply, parseForm } from "../../modules/forms/read-form.server.ts";
import { created, refused, submissionOf, submitOnce } from "../../modules/forms/submit-once.server.ts";
import { partnershipSchema } from "../../modules/governance/partnership-schema.ts";
import { createPartnership } from "../../modules/governance/save-partnership.server.ts";

export const policy = needs("partnership.manage");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.tables.new");

export async function loader(args: Route.LoaderArgs) {
  await guard(args, policy);
  return null;
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const input = await parseForm(args.request, partnershipSchema);
  if (!input.ok) return input.reply;
  const submission = submissionOf(input.values, "admin.tables.new", user.accountId);
  if (!submission) return expiredReply(input.values);
  const outcome = await submitOnce(args.context.db, submission, async (tx) => {
    const result = await createPartnership(tx, actorOf(user, args.context), input.data);
    return result.ok ? created(`/admin/tables/${result.id}?saved=1`) : refused(result);
  });
  if (outcome.created) return redirect(outcome.location);
  return data({ errors: { slug: ["admin.partnership.slugTaken"] }, values: input.values, formError: "form.errors" }, { status: 400 });
}

export default function NewTable({ actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <AdminBreadcrumb trail={[{ to: "/admin/tables", label: t("admin.tables.title") }]} />
      <h1>{t("admin.tables.new")}</h1>
      <PartnershipForm values={actionData?.values} errors={actionData?.errors} formError={actionData?.formError} submitLabel={t("admin.tables.create")} />
    </>
  );
}
