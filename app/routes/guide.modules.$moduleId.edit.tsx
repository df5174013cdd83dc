import { data, Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/guide.modules.$moduleId.edit";
import { ErrorSummary, Field } from "../components/form.tsx";
import { useT } from "../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../modules/authz/guard.server.ts";
import { needs } from "../modules/authz/policy.ts";
import { fieldErrors, formValues, isUuid, optionalText, requiredText, type FieldErrorMap, type FormValues } from "../modules/forms/fields.ts";
import { GuideNav, guideLinks, pageTitle } from "../modules/guide/guide-ui.tsx";
import { updateGuideModule } from "../modules/guide/organize-guide.server.ts";
import { getGuideModule } from "../modules/guide/read-guide.server.ts";

/** An editor renames a module of the guide and writes its short introduction, FR and EN. */
export const policy = needs("guide.edit");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.title");

const moduleSchema = z.object({
  titleFr: requiredText(120),
  titleEn: requiredText(120),
  summaryFr: optionalText(1000),
  summaryEn: optionalText(1000),
});

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.moduleId)) notFound();
  const mod = await getGuideModule(args.context.db, user.partnershipId, args.params.moduleId);
  if (!mod) notFound();
  return { module: mod };
}

type ActionResult = { errors: FieldErrorMap; values: FormValues; formError: string | null };

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.moduleId)) notFound();
  const values = formValues(await args.request.formData());
  const parsed = moduleSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values, formError: null }, { status: 400 });
  const result = await updateGuideModule(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    moduleId: args.params.moduleId,
    ...parsed.data,
  });
  if (result.status !== "ok") notFound();
  return redirect(`/guide?done=module#module-${result.id}`);
}

export default function EditGuideModule({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const m = loaderData.module;
  const v = (name: "titleFr" | "titleEn" | "summaryFr" | "summaryEn") => {
    const sent = actionData?.values[name];
    return typeof sent === "string" ? sent : m[name];
  };
  return (
    <>
      <GuideNav />
      <h1>{t("guide.module.editTitle", { title: locale === "en" ? m.titleEn : m.titleFr })}</h1>
      <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
      <Form method="post" className="stack guide-editor" noValidate>
        <div className="guide-columns">
          <div lang="fr">
            <Field name="titleFr" label={t("guide.module.titleFr")} defaultValue={v("titleFr")} required errors={actionData?.errors} />
            <Field name="summaryFr" label={t("guide.module.summaryFr")} hint={t("guide.module.summaryHint")} defaultValue={v("summaryFr")} multiline errors={actionData?.errors} />
          </div>
          <div lang="en">
            <Field name="titleEn" label={t("guide.module.titleEn")} defaultValue={v("titleEn")} required errors={actionData?.errors} />
            <Field name="summaryEn" label={t("guide.module.summaryEn")} hint={t("guide.module.summaryHint")} defaultValue={v("summaryEn")} multiline errors={actionData?.errors} />
          </div>
        </div>
        <p className="actions">
          <button type="submit">{t("guide.module.save")}</button>
        </p>
      </Form>
    </>
  );
}
