import { Form, redirect } from "react-router";
import type { Route } from "./+types/reads";
import { Field } from "../../components/form.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { readsPerPerson, readsScopeOf } from "../../modules/privacy/consultation-reads.server.ts";
import { periodOf } from "../../modules/privacy/privacy-schema.ts";
import { addDays, quebecDay } from "../../modules/time/days.ts";

/** Reads of consultations per person over a period (the last 30 days by default), from the audit log. */
export const policy = needs("audit.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.reads.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const search = requestUrl(args.request).searchParams;
  // The lookup form: a consultation's number leads to its readers (its own page checks the Table).
  const wanted = search.get("consultation")?.trim() ?? "";
  if (isUuid(wanted)) throw redirect(`/privacy/consultations/${wanted.toLowerCase()}/reads`);
  const today = quebecDay(new Date());
  const period = periodOf(search, today, addDays(today, -30));
  const people = await readsPerPerson(args.context.db, actorOf(user, args.context), user.partnershipId, period, readsScopeOf(user));
  return { period, people };
}

export default function Reads({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const { period, people } = loaderData;
  return (
    <>
      <h1>{t("privacy.reads.title")}</h1>
      <p>{t("privacy.reads.intro")}</p>
      <Form method="get" className="filters">
        <Field idPrefix="period" name="from" type="date" label={t("privacy.reads.from")} defaultValue={period.from} required />
        <Field idPrefix="period" name="to" type="date" label={t("privacy.reads.to")} defaultValue={period.to} required />
        <div className="actions">
          <button type="submit" className="secondary">
            {t("privacy.reads.apply")}
          </button>
        </div>
      </Form>
      {people.length === 0 ? (
        <p>{t("privacy.reads.none")}</p>
      ) : (
        <TableScroll label={t("privacy.reads.caption", { from: day(period.from), to: day(period.to) })}>
          <table>
            <caption>{t("privacy.reads.caption", { from: day(period.from), to: day(period.to) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("privacy.reads.person")}</th>
                <th scope="col">{t("privacy.reads.count")}</th>
                <th scope="col">{t("privacy.reads.consultations")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.accountId ?? "none"}>
                  <th scope="row">{p.name ? `${p.name} (${p.email})` : t("privacy.reads.unknown")}</th>
                  <td>{p.reads}</td>
                  <td>{p.consultations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section aria-labelledby="lookup-title">
        <h2 id="lookup-title">{t("privacy.reads.lookup")}</h2>
        <Form method="get" className="stack">
          <Field idPrefix="lookup" name="consultation" label={t("privacy.reads.lookupId")} hint={t("privacy.reads.lookupHint")} required />
          <div className="actions">
            <button type="submit" className="secondary">
              {t("privacy.reads.lookupGo")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
