import { Form, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/modules.$moduleId.edit";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, optionalText, requiredText, versionField, type FormValues } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { guideModuleVersion, updateGuideModule } from "../../modules/guide/organize-guide.server.ts";
import { getGuideModule } from "../../modules/guide/read-guide.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** An editor renames a module of the guide and writes its short introduction, FR and EN. */
export const policy = needs("guide.edit");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.title");

const moduleSchema = z.object({
  version: versionField,
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
  return { module: mod, version: guideModuleVersion(mod) };
}

// A save from a stale form answers 409: the page then reloads the current texts and version.
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.moduleId)) notFound();
  // Another Table's module (or none) is a 404 whatever the body says.
  if (!(await getGuideModule(args.context.db, user.partnershipId, args.params.moduleId))) notFound();
  const input = await parseForm(args.request, moduleSchema);
  if (!input.ok) return input.reply;
  const result = await updateGuideModule(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    moduleId: args.params.moduleId,
    ...input.data,
  });
  return respond(result, (id) => redirect(`/guide?done=module#module-${id}`));
}

export default function EditGuideModule({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const m = loaderData.module;
  // After a 400 the typed values come back; after a 409 there are none (the current texts show).
  const sent = actionData && "values" in actionData ? (actionData.values as FormValues) : undefined;
  const v = (name: "titleFr" | "titleEn" | "summaryFr" | "summaryEn") => {
    const typed = sent?.[name];
    return typeof typed === "string" ? typed : m[name];
  };
  return (
    <>
      <h1>{t("guide.module.editTitle", { title: locale === "en" ? m.titleEn : m.titleFr })}</h1>
      <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
      {/* Keyed by version: after a 409 the fields remount with the current texts. */}
      <Form method="post" className="stack guide-editor" noValidate key={loaderData.version}>
        <input type="hidden" name="version" value={loaderData.version} />
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
