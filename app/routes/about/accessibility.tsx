import type { Route } from "./+types/accessibility";
import { ContactLines, UpdatedOn } from "../../components/about/about-parts.tsx";
import { useT } from "../../i18n/use-t.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { getTableFooter } from "../../modules/governance/get-table-footer.server.ts";

export const policy = publicRoute;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "about.accessibility.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  return { table: await getTableFooter(args.context.db, user?.partnershipId ?? null) };
}

export default function AccessibilityStatement({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { table } = loaderData;
  return (
    <article className="prose">
      <h1>{t("about.accessibility.title")}</h1>
      <p>{t("about.accessibility.intro")}</p>
      <h2>{t("about.accessibility.checks.title")}</h2>
      <ul>
        <li>{t("about.accessibility.checks.axe")}</li>
        <li>{t("about.accessibility.checks.widths")}</li>
        <li>{t("about.accessibility.checks.noScript")}</li>
        <li>{t("about.accessibility.checks.languages")}</li>
      </ul>
      <h2>{t("about.accessibility.limits.title")}</h2>
      <p>{t("about.accessibility.limits.pdf")}</p>
      <p>{t("about.accessibility.limits.manual")}</p>
      <h2>{t("about.accessibility.feedback.title")}</h2>
      <p>{t("about.accessibility.feedback.body")}</p>
      {table ? <ContactLines table={table} /> : <p>{t("about.accessibility.feedback.signIn")}</p>}
      <UpdatedOn />
    </article>
  );
}
