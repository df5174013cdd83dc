import { data, Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/edit";
import { ErrorSummary, Field } from "../../components/form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import type { FieldErrorMap, FormValues } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { getPathwayEditorState } from "../../modules/pathway/list-pathway-versions.server.ts";
import { contentFromDraft, dpjPhoneSchema, pathwayDraftSchema, pathwayEditIntentSchema } from "../../modules/pathway/pathway-schema.ts";

import { pageTitle } from "../../i18n/page-title.ts";
import { createPathwayDraft } from "../../modules/pathway/save-pathway-draft.server.ts";
import { fieldName, pathwayLanguages, pathwayTextKeys, textsOf } from "../../modules/pathway/steps.ts";
import { getDpjPhoneSetting, updateDpjPhone } from "../../modules/pathway/update-dpj-phone.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** The Table coordinator edits the pathway texts (a new draft version) and the DPJ number. */
export const policy = needs("pathway.edit");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "pathway.edit.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const state = await getPathwayEditorState(args.context.db, user.partnershipId);
  const dpj = await getDpjPhoneSetting(args.context.db, user.partnershipId);
  if (!dpj) notFound();
  const initial: Record<string, string> = {};
  for (const language of pathwayLanguages) {
    const texts = state.base ? textsOf(state.base.content, language) : null;
    for (const key of pathwayTextKeys) initial[fieldName(language, key)] = texts?.[key] ?? "";
  }
  return { initial, baseNumber: state.latestNumber, fromNumber: state.base?.number ?? null, draft: state.draft, dpj };
}

type ActionResult = { intent: "save" | "dpj"; errors: FieldErrorMap; values?: FormValues; formError: string | null };

export const shouldRevalidate = revalidateAfterConflict;

/**
 * Two edit forms, each from the version shown: the texts (a new draft on top of the latest
 * version number seen) and the DPJ number (the Table's row version). A stale one answers 409.
 */
export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const read = await readForm(args.request);
  const shownIntent = read.values.intent === "dpj" ? "dpj" : "save";
  if (!read.ok) return data<ActionResult>({ intent: shownIntent, errors: read.errors, values: read.values, formError: "form.errors" }, { status: 400 });
  const which = parseValues(read, pathwayEditIntentSchema);
  if (!which.ok) return data<ActionResult>({ intent: "save", errors: which.errors, values: read.values, formError: "form.invalid" }, { status: 400 });
  const actor = actorOf(user, args.context);
  if (which.data.intent === "dpj") {
    const parsed = parseValues(read, dpjPhoneSchema);
    if (!parsed.ok) return data<ActionResult>({ intent: "dpj", errors: parsed.errors, values: read.values, formError: null }, { status: 400 });
    const result = await updateDpjPhone(args.context.db, actor, { partnershipId: user.partnershipId, ...parsed.data });
    return respond(result, () => redirect("/pathway/edit?saved=dpj"), { conflict: { intent: "dpj" as const, values: undefined } });
  }
  const parsed = parseValues(read, pathwayDraftSchema);
  if (!parsed.ok) return data<ActionResult>({ intent: "save", errors: parsed.errors, values: read.values, formError: null }, { status: 400 });
  const result = await createPathwayDraft(args.context.db, actor, {
    partnershipId: user.partnershipId,
    personId: user.personId,
    content: contentFromDraft(parsed.data as unknown as Record<string, string>),
    changeNote: parsed.data.changeNote,
    baseNumber: parsed.data.baseNumber,
  });
  return respond(result, (versionId) => redirect(`/pathway/versions/${versionId}?done=saved`), { conflict: { intent: "save" as const, values: undefined } });
}

export default function EditPathway({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const [params] = useSearchParams();
  const { initial, baseNumber, fromNumber, draft, dpj } = loaderData;
  const save = actionData?.intent === "save" ? actionData : null;
  const phone = actionData?.intent === "dpj" ? actionData : null;
  const value = (name: string) => {
    const v = save?.values?.[name];
    return typeof v === "string" ? v : (initial[name] ?? "");
  };
  return (
    <>
      <h1>{t("pathway.edit.title")}</h1>
      {params.get("saved") === "dpj" ? <SavedNotice message="pathway.settings.saved" /> : null}
      <p>{t("pathway.edit.intro")}</p>
      {fromNumber ? (
        <p className="muted">
          {draft ? t("pathway.edit.fromDraft", { number: fromNumber }) : t("pathway.edit.fromPublished", { number: fromNumber })}
        </p>
      ) : null}
      {/* Keyed by the version: after a 409 the fields show the current texts, not the stale ones. */}
      <Form method="post" className="stack" aria-labelledby="texts-heading" key={`texts-${baseNumber}`}>
        <h2 id="texts-heading">{t("pathway.edit.textsTitle")}</h2>
        <ErrorSummary errors={save?.errors} formError={save?.formError} />
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="baseNumber" value={baseNumber} />
        <p className="hint">{t("pathway.edit.syntax")}</p>
        {pathwayLanguages.map((language) => (
          <fieldset key={language} lang={language} className="stack">
            <legend>{t("pathway.edit.texts", { language: t(`pathway.language.${language}` as MessageKey) })}</legend>
            {pathwayTextKeys.map((key) => (
              <Field
                key={key}
                name={fieldName(language, key)}
                label={t(`pathway.text.${key}` as MessageKey)}
                multiline
                required
                defaultValue={value(fieldName(language, key))}
                errors={save?.errors}
              />
            ))}
          </fieldset>
        ))}
        <Field
          name="changeNote"
          label={t("pathway.edit.changeNote")}
          hint={t("pathway.edit.changeNoteHint")}
          defaultValue={value("changeNote")}
          errors={save?.errors}
        />
        <p className="actions">
          <button type="submit">{t("pathway.edit.save")}</button>
        </p>
      </Form>

      <Form method="post" className="stack" aria-labelledby="dpj-heading" key={`dpj-${dpj.version}`}>
        <h2 id="dpj-heading">{t("pathway.settings.title")}</h2>
        <ErrorSummary errors={phone?.errors} formError={phone?.formError} />
        <input type="hidden" name="intent" value="dpj" />
        <input type="hidden" name="version" value={dpj.version} />
        <Field
          name="dpjPhone"
          label={t("pathway.settings.dpjPhone")}
          type="tel"
          inputMode="tel"
          hint={t("pathway.settings.hint")}
          defaultValue={typeof phone?.values?.dpjPhone === "string" ? phone.values.dpjPhone : dpj.dpjPhone}
          errors={phone?.errors}
        />
        <p className="actions">
          <button type="submit">{t("pathway.settings.save")}</button>
        </p>
      </Form>
    </>
  );
}
