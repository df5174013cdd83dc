import { data, redirect } from "react-router";
import type { Route } from "./+types/sections.$sectionId.edit";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { isUuid, versionField, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { invalidReply, readForm } from "../../modules/forms/read-form.server.ts";
import { SectionEditorForm } from "../../components/guide/guide-editor.tsx";
import { parseSectionForm, sectionFormValues } from "../../modules/guide/guide-schema.ts";
import { guideLinks } from "../../components/guide/guide-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { getGuideSection } from "../../modules/guide/read-guide.server.ts";
import { saveGuideDraft } from "../../modules/guide/write-guide.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** Edit a section: every save is a new draft version, FR and EN side by side. */
export const policy = needs("guide.edit");

export const links = guideLinks;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "guide.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sectionId)) notFound();
  const entry = await getGuideSection(args.context.db, user.partnershipId, args.params.sectionId);
  if (!entry?.latest) notFound();
  const base = entry.latest;
  return {
    title: base.content.titleFr,
    baseNumber: base.number,
    baseStatus: base.status,
    initial: sectionFormValues(base.content, base.translationStatus),
  };
}

type ActionResult = { errors: FieldErrorMap; values: FormValues; formError: string | null };

// A save on top of a version someone else replaced answers 409; the page then reloads the newest one.
export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.sectionId)) notFound();
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const values = read.values;
  // baseNumber: the newest version number the editor saw (the form's version).
  const baseNumber = versionField.safeParse(values.baseNumber);
  if (!baseNumber.success) return invalidReply({ baseNumber: ["form.invalid"] }, values, "form.invalid");
  const parsed = parseSectionForm(values, () => crypto.randomUUID());
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values, formError: null }, { status: 400 });
  const result = await saveGuideDraft(args.context.db, actorOf(user, args.context), {
    partnershipId: user.partnershipId,
    personId: user.personId,
    sectionId: args.params.sectionId,
    baseNumber: baseNumber.data,
    content: parsed.content,
    translationStatus: parsed.translationStatus,
    changeNote: parsed.changeNote,
  });
  return respond(result, (id) => redirect(`/guide/versions/${id}?done=saved`));
}

export default function EditGuideSection({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { title, baseNumber, baseStatus, initial } = loaderData;
  return (
    <>
      <h1>{t("guide.edit.title", { title })}</h1>
      <p>{t("guide.edit.intro")}</p>
      <p className="muted">{t("guide.edit.fromVersion", { number: baseNumber, status: t(`guide.status.${baseStatus}` as MessageKey) })}</p>
      {/* Keyed by the version it edits: after a 409 the fields remount with the newest text. */}
      <SectionEditorForm
        key={baseNumber}
        values={(actionData && "values" in actionData ? actionData.values : undefined) ?? initial}
        errors={actionData?.errors}
        formError={actionData?.formError}
        hidden={{ baseNumber }}
        submitLabel={t("guide.edit.save")}
      />
    </>
  );
}
