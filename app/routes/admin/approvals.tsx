import { Form, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/approvals";
import { AdminBreadcrumb, adminTitle } from "../../components/admin-common.tsx";
import { localName } from "../../i18n/names.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { organizationScope, requireTableUser } from "../../modules/governance/admin-access.server.ts";
import { requiredId } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { NotFoundError } from "../../modules/identity/errors.ts";
import { approveSignup, listPendingSignups, rejectSignup } from "../../modules/identity/review-signup.server.ts";
import { TableScroll } from "../../components/table-scroll.tsx";

/** Workers who signed up themselves wait here for their organization's approval. */
export const policy = needs("account.approve");

export const meta: Route.MetaFunction = ({ matches }) => adminTitle(matches, "admin.approvals.title");

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const organizationIds = organizationScope(user, "account.approve", partnershipId);
  return { pending: await listPendingSignups(args.context.db, { partnershipId, organizationIds }) };
}

const schema = z.object({ intent: z.enum(["approve", "reject"], { message: "form.invalid" }), accountId: requiredId });

/** Approve and reject are state transitions: a second click answers "no longer waiting". */
export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await requireTableUser(args, policy);
  const parsed = await parseForm(args.request, schema);
  if (!parsed.ok) return parsed.reply;
  const review = parsed.data.intent === "approve" ? approveSignup : rejectSignup;
  try {
    await review(args.context.db, actorOf(user, args.context), {
      accountId: parsed.data.accountId,
      partnershipId,
      organizationIds: organizationScope(user, "account.approve", partnershipId),
      publicUrl: args.context.config.publicUrl,
    });
  } catch (error) {
    // Already reviewed (a second click) or not ours to review: same neutral answer.
    if (error instanceof NotFoundError) return redirect("/admin/approvals?notice=unavailable");
    throw error;
  }
  return redirect(`/admin/approvals?notice=${parsed.data.intent === "approve" ? "approved" : "rejected"}`);
}

const notices = ["approved", "rejected", "unavailable"] as const;

export default function Approvals({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { dateTime } = useFormatters();
  const [params] = useSearchParams();
  const notice = notices.find((n) => n === params.get("notice"));
  return (
    <>
      <AdminBreadcrumb />
      <h1>{t("admin.approvals.title")}</h1>
      <p>{t("admin.approvals.intro")}</p>
      {/* Only a forged or garbled post gets here: our buttons always send a valid review. */}
      <ErrorSummary formError={actionData ? "form.invalid" : null} />
      {notice ? (
        <p className={notice === "unavailable" ? "alert warning" : "alert success"} role="status">
          {t(`admin.approvals.notice.${notice}`)}
        </p>
      ) : null}
      {loaderData.pending.length === 0 ? (
        <p>{t("admin.approvals.empty")}</p>
      ) : (
        <TableScroll label={t("admin.approvals.caption", { count: loaderData.pending.length })}>
          <table>
            <caption>{t("admin.approvals.caption", { count: loaderData.pending.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.person.name")}</th>
                <th scope="col">{t("admin.account.email")}</th>
                <th scope="col">{t("admin.person.organization")}</th>
                <th scope="col">{t("admin.approvals.requested")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.pending.map((p) => {
                const name = `${p.givenName} ${p.familyName}`;
                return (
                  <tr key={p.accountId}>
                    <th scope="row">{name}</th>
                    <td>{p.email}</td>
                    <td>{localName(locale, { nameFr: p.organizationNameFr, nameEn: p.organizationNameEn })}</td>
                    <td>{dateTime(p.createdAt)}</td>
                    <td>
                      <Form method="post" className="actions">
                        <input type="hidden" name="accountId" value={p.accountId} />
                        <button type="submit" name="intent" value="approve" aria-label={t("admin.approvals.approveLabel", { name })}>
                          {t("admin.approvals.approve")}
                        </button>
                        <button type="submit" name="intent" value="reject" className="secondary" aria-label={t("admin.approvals.rejectLabel", { name })}>
                          {t("admin.approvals.reject")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
