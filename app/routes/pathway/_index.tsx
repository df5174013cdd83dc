import { Link } from "react-router";
import type { Route } from "./+types/_index";
import { RichText } from "../../components/rich-text.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { guard, notFound } from "../../modules/authz/guard.server.ts";
import { can } from "../../modules/authz/decide.ts";
import { needs } from "../../modules/authz/policy.ts";
import { ContactCard } from "../../components/pathway/contact-card.tsx";
import { telHref } from "../../modules/pathway/tel-href.ts";
import { getPathwayPage } from "../../modules/pathway/get-pathway-page.server.ts";

import { pageTitle } from "../../i18n/page-title.ts";

/** "J'ai un doute": the calm, five-step page any member of the Table opens when a youth worries them. */
export const policy = needs("partnership.view");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const language = resolveLocale(args.request, user.locale);
  const page = await getPathwayPage(args.context.db, {
    partnershipId: user.partnershipId,
    personId: user.personId,
    organizationId: user.organizationId,
    language,
    mayAsk: can(user.roles, "consultation.ask", { partnershipId: user.partnershipId, organizationId: user.organizationId }),
  });
  return { page };
}

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "pathway.title");

function StepHeading({ id, n, title }: { id: string; n: number; title: string }) {
  return (
    <h2 id={id}>
      {n}. {title}
    </h2>
  );
}

export default function Pathway({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { date } = useFormatters();
  const { page } = loaderData;
  const dpjTel = page.dpjPhone ? telHref(page.dpjPhone) : null;
  return (
    <>
      <h1>{t("pathway.title")}</h1>
      <RichText source={page.texts.intro} />

      <section className="alert error" aria-labelledby="step-danger">
        <StepHeading id="step-danger" n={1} title={t("pathway.step.danger")} />
        <p>
          <a className="button" href="tel:911">
            {t("pathway.call911")}
          </a>
        </p>
        <RichText source={page.texts.danger} />
      </section>
      {/* After step 1: on a phone the 911 call comes first, the note on the text after it. */}
      {page.validatedByTable ? null : (
        <div className="alert warning" role="note">
          <p>
            <strong>{t("pathway.notValidated")}</strong>
          </p>
          <p>{t("pathway.notValidatedBody")}</p>
        </div>
      )}

      <section aria-labelledby="step-signs">
        <StepHeading id="step-signs" n={2} title={t("pathway.step.signs")} />
        <RichText source={page.texts.signs} />
      </section>

      <section aria-labelledby="step-duty">
        <StepHeading id="step-duty" n={3} title={t("pathway.step.duty")} />
        <div className="alert">
          <p>{t("pathway.dpjLine")}</p>
          {page.dpjPhone && dpjTel ? (
            <p>
              <a className="button" href={dpjTel}>
                {t("pathway.callDpj", { phone: page.dpjPhone })}
              </a>
            </p>
          ) : (
            <p>{page.dpjPhone || t("pathway.dpjMissing")}</p>
          )}
        </div>
        <RichText source={page.texts.duty} tableLabel={t("pathway.step.duty")} />
      </section>

      <section aria-labelledby="step-contacts">
        <StepHeading id="step-contacts" n={4} title={t("pathway.step.contacts")} />
        <RichText source={page.texts.contacts} />
        <h3>{t("pathway.contacts.own")}</h3>
        {page.own.length ? (
          <ul className="cards" data-testid="own-pivots">
            {page.own.map((pivot) => (
              <ContactCard key={pivot.designationId} pivot={pivot} canAsk={page.askable.includes(pivot.personId)} />
            ))}
          </ul>
        ) : (
          <p>{t("pathway.contacts.ownEmpty")}</p>
        )}
        <h3>{t("pathway.contacts.others", { count: page.others.length })}</h3>
        {page.others.length ? (
          // Closed by default when the reader has their own pivots: the page stays short.
          <details open={page.own.length === 0}>
            <summary>{t("pathway.contacts.showOthers", { count: page.others.length })}</summary>
            <ul className="cards" data-testid="other-pivots">
              {page.others.map((pivot) => (
                <ContactCard key={pivot.designationId} pivot={pivot} canAsk={page.askable.includes(pivot.personId)} />
              ))}
            </ul>
          </details>
        ) : (
          <p>{t("pathway.contacts.othersEmpty")}</p>
        )}
        <p>
          <Link to="/directory">{t("pathway.contacts.directory")}</Link>
        </p>
      </section>

      <section aria-labelledby="step-sharing">
        <StepHeading id="step-sharing" n={5} title={t("pathway.step.sharing")} />
        <RichText source={page.texts.sharing} tableLabel={t("pathway.step.sharing")} />
      </section>

      {page.number && page.publishedAt ? (
        <p className="muted">{t("pathway.versionInfo", { number: page.number, date: date(page.publishedAt) })}</p>
      ) : null}
    </>
  );
}
