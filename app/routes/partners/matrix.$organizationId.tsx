import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/matrix.$organizationId";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { loadContributionRow, saveContributionRow } from "../../modules/partners/contribution-matrix.server.ts";
import { idParam, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { contributionRowSchema } from "../../modules/partners/partners-schema.ts";
import { useOrgName } from "../../components/partners/partners-ui.tsx";
import { contributionDomains } from "../../modules/partners/vocabulary.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/**
 * Edit one row of the matrix (8 cells). The Table coordinator may edit any row; a delegate
 * only their own organization's: any other row answers 404, and the denial is audited.
 */
export const policy = needs("partner.matrix.edit");

export const meta: Route.MetaFunction = ({ matches, data }) => pageTitle(matches, "partners.matrix.title", undefined, data?.row.nameFr);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const organizationId = idParam(args, "organizationId");
  const row = await loadContributionRow(args.context.db, partnershipId, organizationId);
  if (!row) notFound();
  await authorize(args, user, "partner.matrix.edit", { partnershipId, organizationId });
  return { user, partnershipId, row };
}

export async function loader(args: Route.LoaderArgs) {
  const { row } = await scoped(args);
  return { row };
}


export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, row } = await scoped(args);
  const input = await parseForm(args.request, contributionRowSchema);
  if (!input.ok) return input.reply;
  const result = await saveContributionRow(
    args.context.db,
    actorOf(user, args.context),
    { partnershipId, organizationId: row.organizationId, personId: user.personId },
    input.data,
  );
  return respond(result, () => redirect("/partners/matrix?saved=1"), { conflict: { values: undefined } });
}

export default function EditContributionRow({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const orgName = useOrgName();
  const { row } = loaderData;
  return (
    <>
      <p>
        <Link to="/partners/matrix">{t("partners.matrix.back")}</Link>
      </p>
      <h1>{t("partners.matrix.editTitle", { name: orgName(row) })}</h1>
      <p>{t("partners.matrix.editIntro")}</p>
      <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
      {/* Keyed by version: after a 409 the fields show the current text, not the stale one. */}
      <Form method="post" noValidate key={row.version}>
        <input type="hidden" name="version" value={row.version} />
        {contributionDomains.map((d) => (
          <Field
            key={d}
            name={d}
            label={t(`partners.domain.${d}`)}
            multiline
            defaultValue={actionData?.values ? String(actionData.values[d] ?? "") : row.cells[d]}
            errors={actionData?.errors}
          />
        ))}
        <button type="submit">{t("partners.matrix.save")}</button>
      </Form>
    </>
  );
}
