import { Form, redirect } from "react-router";
import type { Route } from "./+types/audit";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { verifyAuditChainAsked } from "../../modules/audit/verify-audit-chain.server.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { lastChainVerification } from "../../modules/privacy/consultation-reads.server.ts";
import { verifyChainSchema } from "../../modules/privacy/privacy-schema.ts";

/**
 * The audit chain's status for the Table (its last verification) and "verify now": a POST that
 * reads the whole chain again (verifyAuditChainAsked, itself audited as audit.chain_verified).
 */
export const policy = needs("audit.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.audit.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  return { last: await lastChainVerification(args.context.db, user.partnershipId), saved: requestUrl(args.request).searchParams.get("saved") };
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const input = await parseForm(args.request, verifyChainSchema);
  if (!input.ok) return respond(invalidFields(input.errors, "form.errors"), () => null);
  // A platform admin verifies for the Table they work in: the verdict is the whole chain's, the numbers the Table's.
  await verifyAuditChainAsked(args.context.db, actorOf(user, args.context), user.partnershipId);
  return redirect("/privacy/audit?saved=verified");
}

export default function AuditChain({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const { last, saved } = loaderData;
  return (
    <>
      <h1>{t("privacy.audit.title")}</h1>
      {saved === "verified" ? <SavedNotice message="privacy.saved.verified" /> : null}
      <p>{t("privacy.audit.intro")}</p>
      <section aria-labelledby="last-title">
        <h2 id="last-title">{t("privacy.audit.last")}</h2>
        {!last ? (
          <p>{t("privacy.audit.never")}</p>
        ) : last.ok ? (
          <p className="alert success" role="status">
            {t("privacy.audit.ok", { day: dateTime(last.at), count: last.count, name: last.by || "—" })}
          </p>
        ) : (
          <p className="alert error" role="status">
            {t("privacy.audit.broken", { day: dateTime(last.at), count: last.broken })}
          </p>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="verify" />
          <button type="submit">{t("privacy.audit.verify")}</button>
        </Form>
      </section>
      <ul>
        <li>
          <a href="/admin/audit">{t("privacy.audit.log")}</a>
        </li>
        <li>
          <a href="/admin/audit.csv" download>
            {t("privacy.audit.csv")}
          </a>
        </li>
      </ul>
    </>
  );
}
