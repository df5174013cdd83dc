import { data, redirect } from "react-router";
import type { Route } from "./+types/sections.new";
import { useT } from "../../i18n/use-t.ts";
import { resolveLocale } from "../../i18n/locale.server.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { expiredReply, readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { SectionEditorForm } from "../../components/guide/guide-editor.tsx";
import { parseSectionForm, sectionFormValues } from "../../modules/guide/guide-schema.ts";
import { guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { listGuideModules } from "../../modules/guide/read-guide.server.ts";
import { createGuideSection } from "../../modules/guide/write-guide.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";

/** A new section in one module of the guide (its first draft). */
export const policy = needs("guide.edit");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.title");

async function moduleOf(args: Route.LoaderArgs | Route.ActionArgs, partnershipId: string) {
  const moduleId = requestUrl(args.request).searchParams.get("module");
  if (!isUuid(moduleId)) notFound();
  const mod = (await listGuideModules(args.context.db, partnershipId)).find((m) => m.id === moduleId);
  if (!mod) notFound();
  return mod;
}

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const mod = await moduleOf(args, user.partnershipId);
  const en = resolveLocale(args.request, user.locale) === "en";
  return { moduleTitle: en ? mod.titleEn : mod.titleFr, initial: sectionFormValues(null, "to_translate") };
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const mod = await moduleOf(args, user.partnershipId);
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const values = read.values;
  const parsed = parseSectionForm(values, () => crypto.randomUUID());
  if (!parsed.ok) return data<{ errors: FieldErrorMap; values: FormValues }>({ errors: parsed.errors, values }, { status: 400 });
  // One section per submission key: a double click or a retry lands on the first one.
  const submission = submissionOf(values, "guide.sections.new", user.accountId);
  if (!submission) return expiredReply(values);
  const partnershipId = user.partnershipId;
  const outcome = await createOnce(
    args.context.db,
    submission,
    (tx) => createGuideSection(tx, actorOf(user, args.context), { partnershipId, personId: user.personId, moduleId: mod.id, content: parsed.content, translationStatus: parsed.translationStatus }),
    (id) => `/guide/sections/${id}/versions?done=saved`,
  );
  return respond(outcome, (location) => redirect(location), { body: { values } });
}

export default function NewGuideSection({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  return (
    <>
      <h1>{t("guide.edit.newTitle", { module: loaderData.moduleTitle })}</h1>
      <p>{t("guide.edit.intro")}</p>
      <SectionEditorForm
        values={actionData?.values ?? loaderData.initial}
        errors={actionData?.errors}
        hidden={{}}
        submissionKey
        submitLabel={t("guide.edit.create")}
      />
    </>
  );
}
