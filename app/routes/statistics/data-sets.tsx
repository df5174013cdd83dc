import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/data-sets";
import { ErrorSummary } from "../../components/form.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { DataSetFields } from "../../components/statistics/definition-fields.tsx";
import { named, StatisticsNav } from "../../components/statistics/statistics-ui.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { dataSetSchema } from "../../modules/statistics/definition-schema.ts";
import { listDataSets } from "../../modules/statistics/list-definitions.server.ts";
import { createDataSet } from "../../modules/statistics/save-definitions.server.ts";
import { statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";

/** The Table's data sets, and a new one (the Table coordinator). */
export const policy = needs("statistics.define");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "statistics.dataSets.title");

export async function loader(args: Route.LoaderArgs) {
  const g = await statisticsGuard(args, policy);
  const sets = await listDataSets(args.context.db, g.partnershipId);
  return { sets, mayDefine: g.mayDefine, mayReview: g.mayReview };
}

export async function action(args: Route.ActionArgs) {
  const g = await statisticsGuard(args, policy);
  const read = await readForm(args.request, { arrays: ["organizationTypes"] });
  if (!read.ok) return respond(invalidFields(read.errors, "form.errors"), () => null, { body: { values: read.values } });
  const parsed = parseValues(read, dataSetSchema);
  if (!parsed.ok) return respond(invalidFields(parsed.errors, "form.errors"), () => null, { body: { values: read.values } });
  const access = { partnershipId: g.partnershipId, personId: g.personId };
  const result = await createOnce(args.context.db, submissionOf(read.values, "statistics.data-sets", g.user.accountId), (tx) => createDataSet(tx, actorOf(g.user, args.context), access, parsed.data), (id) => `/statistics/data-sets/${id}?saved=dataSet`);
  return respond(result, (location) => redirect(location), { body: { values: read.values } });
}

export default function StatisticsDataSets({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { sets, mayDefine, mayReview } = loaderData;
  return (
    <>
      <h1>{t("statistics.dataSets.title")}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} />
      {sets.length === 0 ? (
        <p>{t("statistics.dataSets.none")}</p>
      ) : (
        <TableScroll label={t("statistics.dataSets.caption")}>
          <table>
            <caption>{t("statistics.dataSets.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("statistics.dataSet.name")}</th>
                <th scope="col">{t("statistics.dataSet.periodType")}</th>
                <th scope="col">{t("statistics.dataSet.firstPeriod")}</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/statistics/data-sets/${s.id}`}>{named(locale, s)}</Link>
                  </th>
                  <td>{t(`statistics.periodType.${s.periodType}`)}</td>
                  <td>{s.firstPeriod}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <section aria-labelledby="new-title">
        <h2 id="new-title">{t("statistics.dataSets.new")}</h2>
        <Form method="post" className="stack">
          <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
          <SubmissionKey />
          <DataSetFields idPrefix="new" values={actionData?.values ?? {}} errors={actionData?.errors} />
          <div className="actions">
            <button type="submit">{t("statistics.dataSet.create")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
