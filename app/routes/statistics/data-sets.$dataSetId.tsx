import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/data-sets.$dataSetId";
import { ErrorSummary } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { DataElementFields, DataSetFields } from "../../components/statistics/definition-fields.tsx";
import { named, StatisticsNav } from "../../components/statistics/statistics-ui.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm, type FormRead } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { dataElementSchema, dataSetSchema, elementRefSchema, versionSchema } from "../../modules/statistics/definition-schema.ts";
import { listCategories, listElements, loadDataSet, type DataSetRow } from "../../modules/statistics/list-definitions.server.ts";
import { createDataElement, updateDataElement, updateDataSet, type StatisticsAccess } from "../../modules/statistics/save-definitions.server.ts";
import { statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";

/** A data set: its definition (versioned edit) and its data elements, each with its breakdown. */
export const policy = needs("statistics.define");

export const meta: Route.MetaFunction = ({ matches, data: d }) => pageTitle(matches, "statistics.dataSets.title", undefined, d?.set.nameFr);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const g = await statisticsGuard(args, policy);
  const id = args.params.dataSetId;
  if (!isUuid(id)) notFound();
  const set = await loadDataSet(args.context.db, g.partnershipId, id.toLowerCase());
  if (!set) notFound();
  return { ...g, set, access: { partnershipId: g.partnershipId, personId: g.personId } as StatisticsAccess };
}

export async function loader(args: Route.LoaderArgs) {
  const { set, mayDefine, mayReview, partnershipId } = await scoped(args);
  const [elements, categories] = await Promise.all([listElements(args.context.db, partnershipId, set.id), listCategories(args.context.db, partnershipId)]);
  return { set, elements, categories: categories.map((c) => ({ id: c.id, nameFr: c.nameFr, nameEn: c.nameEn })), mayDefine, mayReview, saved: requestUrl(args.request).searchParams.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

type Ctx = { db: Route.ActionArgs["context"]["db"]; actor: AuditActor; access: StatisticsAccess; set: DataSetRow; accountId: string; read: Extract<FormRead, { ok: true }> };

const intents = {
  dataSet: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, dataSetSchema);
    const version = parseValues(c.read, versionSchema);
    if (!parsed.ok || !version.ok) return invalidFields({ ...(parsed.ok ? {} : parsed.errors), ...(version.ok ? {} : version.errors) }, "form.errors");
    return map(await updateDataSet(c.db, c.actor, c.access, c.set.id, version.data.version, parsed.data), () => `/statistics/data-sets/${c.set.id}?saved=dataSet`);
  },
  addElement: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, dataElementSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return createOnce(c.db, submissionOf(c.read.values, "statistics.data-sets.$dataSetId:element", c.accountId), (tx) => createDataElement(tx, c.actor, c.access, c.set.id, parsed.data), () => `/statistics/data-sets/${c.set.id}?saved=element#elements-title`);
  },
  element: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, dataElementSchema);
    const ref = parseValues(c.read, elementRefSchema);
    if (!parsed.ok || !ref.ok) return invalidFields({ ...(parsed.ok ? {} : parsed.errors), ...(ref.ok ? {} : ref.errors) }, "form.errors");
    return map(await updateDataElement(c.db, c.actor, c.access, c.set.id, ref.data.elementId, ref.data.version, parsed.data), () => `/statistics/data-sets/${c.set.id}?saved=element#elements-title`);
  },
};

export async function action(args: Route.ActionArgs) {
  const { user, access, set } = await scoped(args);
  const read = await readForm(args.request, { arrays: ["organizationTypes"] });
  const intent = read.ok || typeof read.values.intent === "string" ? String(read.values.intent ?? "") : "";
  const elementId = typeof read.values.elementId === "string" ? read.values.elementId : null;
  const result = read.ok
    ? await dispatchIntent(intent, intents, { db: args.context.db, actor: actorOf(user, args.context), access, set, accountId: user.accountId, read }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent, elementId, values: read.values }, conflict: { values: undefined } });
}

export default function StatisticsDataSet({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { set, elements, categories, mayDefine, mayReview, saved } = loaderData;
  const failed = (intent: string, elementId?: string) => (actionData?.intent === intent && (elementId === undefined || actionData.elementId === elementId) ? actionData : null);
  const categoryName = new Map(categories.map((c) => [c.id, named(locale, c)]));
  return (
    <>
      <p>
        <Link to="/statistics/data-sets">{t("statistics.dataSets.title")}</Link>
      </p>
      <h1>{named(locale, set)}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} />
      {saved ? <SavedNotice message={`statistics.saved.${saved}` as MessageKey} /> : null}
      <p>{t("statistics.dataSet.summary", { periodType: t(`statistics.periodType.${set.periodType}`), days: set.entryWindowDays, due: set.timelinessDays })}</p>
      <section aria-labelledby="elements-title">
        <h2 id="elements-title">{t("statistics.dataSet.elements")}</h2>
        {elements.length === 0 ? (
          <p>{t("statistics.dataSet.elements.none")}</p>
        ) : (
          <TableScroll label={t("statistics.dataSet.elements.caption")}>
            <table>
              <caption>{t("statistics.dataSet.elements.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("statistics.element.name")}</th>
                  <th scope="col">{t("statistics.element.code")}</th>
                  <th scope="col">{t("statistics.element.categories")}</th>
                  <th scope="col">{t("statistics.element.indicator")}</th>
                </tr>
              </thead>
              <tbody>
                {elements.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{named(locale, e)}</th>
                    <td>{e.code}</td>
                    <td>{e.categoryIds.length ? e.categoryIds.map((id) => categoryName.get(id) ?? "").join(" × ") : t("statistics.element.totalOnly")}</td>
                    <td>{e.indicatorCode ? t(`indicator.${e.indicatorCode}.name` as MessageKey) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {elements.map((e) => {
          const mine = failed("element", e.id);
          return (
            <details key={e.id} open={!!mine}>
              <summary>{t("statistics.element.edit", { name: named(locale, e) })}</summary>
              <Form method="post" className="stack" key={e.version}>
                <ErrorSummary errors={mine?.errors} formError={mine?.formError} />
                <input type="hidden" name="intent" value="element" />
                <input type="hidden" name="elementId" value={e.id} />
                <input type="hidden" name="version" value={e.version} />
                <DataElementFields
                  idPrefix={`element-${e.code}`}
                  categories={categories}
                  values={mine?.values ?? { ...e, rowCategoryId: e.categoryIds[0] ?? "", columnCategoryId: e.categoryIds[1] ?? "", indicatorCode: e.indicatorCode ?? "" }}
                  errors={mine?.errors}
                />
                <div className="actions">
                  <button type="submit" className="secondary">
                    {t("statistics.element.save")}
                  </button>
                </div>
              </Form>
            </details>
          );
        })}
        <h3>{t("statistics.element.add")}</h3>
        <Form method="post" className="stack" key={elements.length}>
          <ErrorSummary errors={failed("addElement")?.errors} formError={failed("addElement")?.formError} />
          <input type="hidden" name="intent" value="addElement" />
          <SubmissionKey />
          <DataElementFields idPrefix="add" categories={categories} values={failed("addElement")?.values ?? {}} errors={failed("addElement")?.errors} />
          <div className="actions">
            <button type="submit">{t("statistics.element.add")}</button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="edit-title">
        <h2 id="edit-title">{t("statistics.dataSet.edit")}</h2>
        <Form method="post" className="stack" key={set.version}>
          <ErrorSummary errors={failed("dataSet")?.errors} formError={failed("dataSet")?.formError} />
          <input type="hidden" name="intent" value="dataSet" />
          <input type="hidden" name="version" value={set.version} />
          <DataSetFields idPrefix="edit" values={failed("dataSet")?.values ?? set} errors={failed("dataSet")?.errors} />
          <div className="actions">
            <button type="submit" className="secondary">
              {t("statistics.dataSet.save")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
