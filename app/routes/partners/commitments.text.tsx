import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/commitments.text";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { z } from "zod";
import { requiredId, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { draftFormVersion, listCommitmentTexts, publishCommitmentText, saveCommitmentDraft } from "../../modules/partners/commitment-text.server.ts";
import { mayOn, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { commitmentTextFormSchema } from "../../modules/partners/partners-schema.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** The versions of the Table's commitment text; the coordinator edits the draft and publishes it. */
export const policy = needs("commitment.read");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "partners.text.title");

export async function loader(args: Route.LoaderArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const versions = await listCommitmentTexts(args.context.db, partnershipId);
  const canManage = mayOn(user, "commitment.manage");
  const draft = versions.find((v) => v.status === "draft") ?? null;
  const published = versions.find((v) => v.status === "published") ?? null;
  const url = requestUrl(args.request);
  return {
    versions: versions
      .filter((v) => canManage || v.status !== "draft")
      .map((v) => ({ id: v.id, number: v.number, status: v.status, titleFr: v.titleFr, titleEn: v.titleEn, changeNote: v.changeNote, publishedAt: v.publishedAt?.toISOString() ?? null })),
    canManage,
    // The editor starts from the draft, or from the published text for a new version.
    editor: canManage ? (draft ?? published) : null,
    draftId: draft?.id ?? null,
    draftNumber: draft?.number ?? null,
    draftVersion: canManage ? draftFormVersion(versions) : null,
    notice: url.searchParams.get("done"),
  };
}

type ActionResult = { errors: FieldErrorMap; values?: FormValues; formError?: string };

const publishSchema = z.object({ versionId: requiredId });

export const shouldRevalidate = revalidateAfterConflict;

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  await authorize(args, user, "commitment.manage");
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  const actor = actorOf(user, args.context);
  const intent = read.values.intent;
  if (intent === "publish") {
    const parsed = parseValues(read, publishSchema);
    // A malformed id reads like a missing version.
    if (!parsed.ok) notFound();
    const result = await publishCommitmentText(args.context.db, actor, { partnershipId, personId: user.personId, versionId: parsed.data.versionId });
    return respond(result, () => redirect("/partners/commitments/text?done=published"));
  }
  // Only "save" and "publish": any other intent is refused, never taken for a draft save.
  if (intent !== "save") return data<ActionResult>({ errors: {}, values: read.values, formError: "form.invalid" }, { status: 400 });
  const parsed = parseValues(read, commitmentTextFormSchema);
  if (!parsed.ok) return parsed.reply;
  const { version, ...text } = parsed.data;
  const result = await saveCommitmentDraft(args.context.db, actor, { partnershipId, personId: user.personId, version, text });
  // Someone saved or published since this page was drawn (409): the page shows their text.
  return respond(result, () => redirect("/partners/commitments/text?done=saved"));
}

export default function CommitmentTextVersions({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { versions, editor, canManage, draftId, draftNumber, draftVersion, notice } = loaderData;
  const v = actionData && "values" in actionData ? actionData.values : undefined;
  const value = (k: "titleFr" | "titleEn" | "bodyFr" | "bodyEn" | "changeNote") => (v ? String(v[k] ?? "") : editor ? (k === "changeNote" && !draftId ? "" : editor[k]) : "");
  return (
    <>
      <p>
        <Link to="/partners/commitments">{t("partners.commitments.title")}</Link>
      </p>
      <h1>{t("partners.text.title")}</h1>
      <p>{t("partners.text.intro")}</p>
      {notice === "saved" ? <SavedNotice message="partners.text.saved" /> : null}
      {notice === "published" ? <SavedNotice message="partners.text.publishedNotice" /> : null}
      <table>
        <caption>{t("partners.text.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("partners.text.number")}</th>
            <th scope="col">{t("partners.text.titleCol")}</th>
            <th scope="col">{t("partners.text.status")}</th>
            <th scope="col">{t("partners.text.published")}</th>
            <th scope="col">{t("partners.text.changeNote")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((x) => (
            <tr key={x.id}>
              <th scope="row">
                <Link to={`/partners/commitments/text/${x.id}`}>{x.number}</Link>
              </th>
              <td>{locale === "en" ? x.titleEn : x.titleFr}</td>
              <td>{t(`partners.text.status.${x.status}`)}</td>
              <td>{x.publishedAt ? day(x.publishedAt.slice(0, 10)) : "—"}</td>
              <td>{x.changeNote || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canManage ? (
        <section aria-labelledby="draft-title">
          <h2 id="draft-title">{draftId ? t("partners.text.draftTitle") : t("partners.text.newDraft")}</h2>
          <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
          {/* Keyed by version: after a 409 the fields show the current draft, not the stale text. */}
          <Form method="post" noValidate key={draftVersion ?? 0}>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={draftVersion ?? ""} />
            <Field name="titleFr" required label={t("partners.text.titleFr")} defaultValue={value("titleFr")} errors={actionData?.errors} />
            <Field name="titleEn" required label={t("partners.text.titleEn")} defaultValue={value("titleEn")} errors={actionData?.errors} />
            <Field name="bodyFr" required multiline label={t("partners.text.bodyFr")} hint={t("partners.text.bodyHint")} defaultValue={value("bodyFr")} errors={actionData?.errors} />
            <Field name="bodyEn" required multiline label={t("partners.text.bodyEn")} defaultValue={value("bodyEn")} errors={actionData?.errors} />
            <Field name="changeNote" label={t("partners.text.changeNoteField")} defaultValue={value("changeNote")} errors={actionData?.errors} />
            <button type="submit">{t("partners.text.saveDraft")}</button>
          </Form>
          {draftId ? (
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="versionId" value={draftId} />
              <button type="submit">{t("partners.text.publish", { number: draftNumber ?? "" })}</button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
