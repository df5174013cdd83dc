import type { Route } from "./+types/privacy";
import { ContactLines, UpdatedOn } from "../../components/about/about-parts.tsx";
import { useT } from "../../i18n/use-t.ts";
import { localName } from "../../i18n/names.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { guard } from "../../modules/authz/guard.server.ts";
import { publicRoute } from "../../modules/authz/policy.ts";
import { getAboutPage } from "../../modules/about/get-about-page.server.ts";

export const policy = publicRoute;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "about.privacy.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  return getAboutPage(args.context.db, user?.partnershipId ?? null);
}

export default function PrivacyNotice({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { table, privacyOfficers, consultationRetentionMonths } = loaderData;
  return (
    <article className="prose">
      <h1>{t("about.privacy.title")}</h1>
      <p>{table ? t("about.privacy.intro", { table: localName(locale, table) }) : t("about.privacy.introNoTable")}</p>
      <h2>{t("about.privacy.youths.title")}</h2>
      <p>{t("about.privacy.youths.body")}</p>
      <h2>{t("about.privacy.held.title")}</h2>
      <ul>
        <li>{t("about.privacy.held.identity")}</li>
        <li>{t("about.privacy.held.account")}</li>
        <li>{t("about.privacy.held.roles")}</li>
        <li>{t("about.privacy.held.training")}</li>
        <li>{t("about.privacy.held.consultations")}</li>
        <li>{t("about.privacy.held.audit")}</li>
      </ul>
      <h2>{t("about.privacy.why.title")}</h2>
      <p>{t("about.privacy.why.body")}</p>
      <h2>{t("about.privacy.access.title")}</h2>
      <p>{t("about.privacy.access.body")}</p>
      <h2>{t("about.privacy.retention.title")}</h2>
      <p>
        {consultationRetentionMonths !== null
          ? t("about.privacy.retention.consultations", { months: consultationRetentionMonths })
          : t("about.privacy.retention.consultationsNoTable")}
      </p>
      <p>{t("about.privacy.retention.people")}</p>
      <h2>{t("about.privacy.cookies.title")}</h2>
      <p>{t("about.privacy.cookies.body")}</p>
      <h2 id="rights">{t("about.privacy.rights.title")}</h2>
      <p>{t("about.privacy.rights.body")}</p>
      {!table ? (
        <p>{t("about.privacy.rights.signIn")}</p>
      ) : privacyOfficers.length > 0 ? (
        <ul className="plain-list">
          {privacyOfficers.map((o) => (
            <li key={o.email || o.name}>
              <strong>{o.name}</strong>
              {o.title ? `, ${o.title}` : null}
              {o.email ? (
                <>
                  {" — "}
                  <a href={`mailto:${o.email}`}>{o.email}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p>{t("about.privacy.rights.noOfficer")}</p>
          <ContactLines table={table} />
        </>
      )}
      <p>{t("about.privacy.rights.complaint")}</p>
      <UpdatedOn />
    </article>
  );
}
