import { Form, redirect } from "react-router";
import type { Route } from "./+types/categories";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import { named, StatisticsNav } from "../../components/statistics/statistics-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { AuditActor } from "../../modules/audit/record-audit-event.server.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { dispatchIntent } from "../../modules/forms/dispatch-intent.ts";
import { isUuid } from "../../modules/forms/fields.ts";
import { parseValues, readForm, type FormRead } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields, map, missing, type Outcome } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { categoryEditSchema, categorySchema } from "../../modules/statistics/definition-schema.ts";
import { listCategories } from "../../modules/statistics/list-definitions.server.ts";
import { createCategory, updateCategory, type StatisticsAccess } from "../../modules/statistics/save-definitions.server.ts";
import { statisticsGuard } from "../../modules/statistics/statistics-route.server.ts";

/** The breakdown categories (age band, gender, referral source) and their options, as data. */
export const policy = needs("statistics.define");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "statistics.categories.title");

export async function loader(args: Route.LoaderArgs) {
  const g = await statisticsGuard(args, policy);
  const categories = await listCategories(args.context.db, g.partnershipId);
  return { categories, mayDefine: g.mayDefine, mayReview: g.mayReview, saved: requestUrl(args.request).searchParams.get("saved") };
}

export const shouldRevalidate = revalidateAfterConflict;

type Ctx = { db: Route.ActionArgs["context"]["db"]; actor: AuditActor; access: StatisticsAccess; accountId: string; read: Extract<FormRead, { ok: true }> };

const intents = {
  create: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, categorySchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    return createOnce(c.db, submissionOf(c.read.values, "statistics.categories", c.accountId), (tx) => createCategory(tx, c.actor, c.access, parsed.data), () => "/statistics/categories?saved=category");
  },
  edit: async (c: Ctx): Promise<Outcome<string>> => {
    const parsed = parseValues(c.read, categoryEditSchema);
    if (!parsed.ok) return invalidFields(parsed.errors, "form.errors");
    const id = c.read.values.categoryId;
    if (!isUuid(id)) return missing();
    const { version, ...input } = parsed.data;
    return map(await updateCategory(c.db, c.actor, c.access, id.toLowerCase(), version, { ...input, version }), () => "/statistics/categories?saved=category");
  },
};

export async function action(args: Route.ActionArgs) {
  const g = await statisticsGuard(args, policy);
  const read = await readForm(args.request);
  const intent = read.ok || typeof read.values.intent === "string" ? String(read.values.intent ?? "") : "";
  const categoryId = typeof read.values.categoryId === "string" ? read.values.categoryId : null;
  const access = { partnershipId: g.partnershipId, personId: g.personId };
  const result = read.ok
    ? await dispatchIntent(intent, intents, { db: args.context.db, actor: actorOf(g.user, args.context), access, accountId: g.user.accountId, read }, () => invalidFields({}, "form.invalid"))
    : invalidFields(read.errors, "form.errors");
  return respond(result, (location) => redirect(location), { body: { intent, categoryId, values: read.values }, conflict: { values: undefined } });
}

const optionLines = (options: { code: string; nameFr: string; nameEn: string }[]) => options.map((o) => `${o.code} | ${o.nameFr} | ${o.nameEn}`).join("\n");

export default function StatisticsCategories({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { categories, mayDefine, mayReview, saved } = loaderData;
  const failed = (intent: string, id?: string) => (actionData?.intent === intent && (id === undefined || actionData.categoryId === id) ? actionData : null);
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  return (
    <>
      <h1>{t("statistics.categories.title")}</h1>
      <StatisticsNav mayDefine={mayDefine} mayReview={mayReview} />
      {saved ? <SavedNotice message="statistics.saved.category" /> : null}
      <p>{t("statistics.categories.intro")}</p>
      {categories.length === 0 ? <p>{t("statistics.categories.none")}</p> : null}
      {categories.map((c) => {
        const mine = failed("edit", c.id);
        return (
          <section key={c.id} aria-labelledby={`category-${c.code}`}>
            <h2 id={`category-${c.code}`}>
              {named(locale, c)} <span className="muted">({c.code})</span>
            </h2>
            <ul>
              {c.options.map((o) => (
                <li key={o.id}>
                  {named(locale, o)} <span className="muted">({o.code})</span>
                </li>
              ))}
            </ul>
            <details open={!!mine}>
              <summary>{t("statistics.category.edit", { name: named(locale, c) })}</summary>
              <Form method="post" className="stack" key={c.version}>
                <ErrorSummary errors={mine?.errors} formError={mine?.formError} />
                <input type="hidden" name="intent" value="edit" />
                <input type="hidden" name="categoryId" value={c.id} />
                <input type="hidden" name="version" value={c.version} />
                <Field idPrefix={`cat-${c.code}`} name="nameFr" label={t("statistics.dataSet.nameFr")} required defaultValue={text(mine?.values?.nameFr) ?? c.nameFr} errors={mine?.errors} />
                <Field idPrefix={`cat-${c.code}`} name="nameEn" label={t("statistics.dataSet.nameEn")} required defaultValue={text(mine?.values?.nameEn) ?? c.nameEn} errors={mine?.errors} />
                <Field
                  idPrefix={`cat-${c.code}`}
                  name="options"
                  label={t("statistics.category.renameOptions")}
                  hint={t("statistics.category.renameOptions.hint")}
                  multiline
                  defaultValue={text(mine?.values?.options) ?? c.options.map((o) => `${o.code} | ${o.nameFr} | ${o.nameEn}`).join("\n")}
                  errors={mine?.errors}
                />
                <Field idPrefix={`cat-${c.code}`} name="newOptions" label={t("statistics.category.newOptions")} hint={t("statistics.category.newOptions.hint")} multiline defaultValue={text(mine?.values?.newOptions)} errors={mine?.errors} />
                <div className="actions">
                  <button type="submit" className="secondary">
                    {t("statistics.category.save")}
                  </button>
                </div>
              </Form>
            </details>
          </section>
        );
      })}
      <section aria-labelledby="new-category">
        <h2 id="new-category">{t("statistics.category.new")}</h2>
        <Form method="post" className="stack" key={categories.length}>
          <ErrorSummary errors={failed("create")?.errors} formError={failed("create")?.formError} />
          <input type="hidden" name="intent" value="create" />
          <SubmissionKey />
          <Field idPrefix="new" name="code" label={t("statistics.category.code")} hint={t("statistics.element.code.hint")} required defaultValue={text(failed("create")?.values?.code)} errors={failed("create")?.errors} />
          <Field idPrefix="new" name="nameFr" label={t("statistics.dataSet.nameFr")} required defaultValue={text(failed("create")?.values?.nameFr)} errors={failed("create")?.errors} />
          <Field idPrefix="new" name="nameEn" label={t("statistics.dataSet.nameEn")} required defaultValue={text(failed("create")?.values?.nameEn)} errors={failed("create")?.errors} />
          <Field
            idPrefix="new"
            name="options"
            label={t("statistics.category.options")}
            hint={t("statistics.category.options.hint")}
            multiline
            required
            defaultValue={text(failed("create")?.values?.options) ?? optionLines([])}
            errors={failed("create")?.errors}
          />
          <div className="actions">
            <button type="submit">{t("statistics.category.create")}</button>
          </div>
        </Form>
      </section>
    </>
  );
}
