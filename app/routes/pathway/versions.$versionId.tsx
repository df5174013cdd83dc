import { data, Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/versions.$versionId";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { RichText } from "../../components/rich-text.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { isUuid, type FieldErrorMap, type FormValues } from "../../modules/forms/fields.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { getPathwayVersion, listPathwayVersions } from "../../modules/pathway/list-pathway-versions.server.ts";
import { versionActionSchema } from "../../modules/pathway/version-action-schema.ts";
import { StatusBadge, ValidationBadge } from "../../components/pathway/pathway-ui.tsx";
import { pageTitle } from "../../i18n/page-title.ts";
import { publishPathwayVersion, validatePathwayVersion } from "../../modules/pathway/publish-pathway-version.server.ts";
import { restorePathwayVersion } from "../../modules/pathway/save-pathway-draft.server.ts";
import { pathwayLanguages, pathwayTextKeys, textsOf } from "../../modules/pathway/steps.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** One version: read it, compare it, publish it (drafts), validate it, or restore it into a new draft. */
export const policy = needs("pathway.edit");

export const meta: Route.MetaFunction = ({ matches, loaderData }) =>
  pageTitle(matches, "pathway.version.title", { number: loaderData?.version.number ?? "" });

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.versionId)) notFound();
  const version = await getPathwayVersion(args.context.db, user.partnershipId, args.params.versionId);
  if (!version) notFound();
  const versions = await listPathwayVersions(args.context.db, user.partnershipId);
  const published = versions.find((v) => v.status === "published");
  return {
    version,
    latestNumber: versions[0]?.number ?? version.number,
    publishedId: published && published.id !== version.id ? published.id : null,
  };
}

type ActionResult = { errors: FieldErrorMap; values?: FormValues; formError: string | null };

export const shouldRevalidate = revalidateAfterConflict;

/**
 * Publish and validate are state changes (repeating one changes nothing); restore writes a new
 * draft on top of the latest version number seen, so a stale page answers 409.
 */
export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId || !isUuid(args.params.versionId)) notFound();
  const parsed = await parseForm(args.request, versionActionSchema);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values, formError: "form.invalid" }, { status: 400 });
  const values = parsed.values;
  const db = args.context.db;
  const actor = actorOf(user, args.context);
  const scope = { partnershipId: user.partnershipId, versionId: args.params.versionId.toLowerCase() };
  const input = parsed.data;
  if (input.intent === "publish") {
    const result = await publishPathwayVersion(db, actor, { ...scope, personId: user.personId });
    return respond(result, (versionId) => redirect(`/pathway/versions/${versionId}?done=published`), { body: { values } });
  }
  if (input.intent === "validate") {
    const result = await validatePathwayVersion(db, actor, scope);
    return respond(result, (versionId) => redirect(`/pathway/versions/${versionId}?done=validated`), { body: { values } });
  }
  const result = await restorePathwayVersion(db, actor, {
    ...scope,
    personId: user.personId,
    baseNumber: input.baseNumber,
    changeNote: input.changeNote,
  });
  return respond(result, (versionId) => redirect(`/pathway/versions/${versionId}?done=restored`), { conflict: { values: undefined } });
}

const doneMessages: Record<string, MessageKey> = {
  saved: "pathway.version.draftSaved",
  published: "pathway.version.published",
  validated: "pathway.version.validated",
  restored: "pathway.version.restored",
};

export default function PathwayVersion({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const { dateTime } = useFormatters();
  const [params] = useSearchParams();
  const { version, latestNumber, publishedId } = loaderData;
  const done = doneMessages[params.get("done") ?? ""];
  return (
    <>
      <h1>{t("pathway.version.title", { number: version.number })}</h1>
      {done ? <SavedNotice message={done} /> : null}
      <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
      <p>
        <StatusBadge status={version.status} /> <ValidationBadge validated={version.validatedByTable} />
      </p>
      <p className="muted">
        {dateTime(version.createdAt)}{" "}
        {version.createdByName ? t("pathway.versions.by", { name: version.createdByName }) : t("pathway.versions.system")}
        {version.restoredFromNumber ? ` · ${t("pathway.versions.restoredFrom", { number: version.restoredFromNumber })}` : ""}
      </p>
      {version.changeNote ? <p>{version.changeNote}</p> : null}
      {publishedId ? (
        <p>
          <Link to={`/pathway/versions/compare?from=${publishedId}&to=${version.id}`}>{t("pathway.version.compareWithPublished")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="actions-heading" className="stack">
        <h2 id="actions-heading">{t("pathway.version.actions")}</h2>
        {version.status === "draft" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <p className="hint">{t("pathway.version.publishHint")}</p>
            <button type="submit">{t("pathway.version.publish")}</button>
          </Form>
        ) : null}
        {!version.validatedByTable && version.status !== "archived" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="validate" />
            <p className="hint">{t("pathway.version.validateHint")}</p>
            <button type="submit" className="secondary">
              {t("pathway.version.validate")}
            </button>
          </Form>
        ) : null}
        {version.status !== "draft" ? (
          <Form method="post" className="stack" key={`restore-${latestNumber}`}>
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="baseNumber" value={latestNumber} />
            <p className="hint">{t("pathway.version.restoreHint")}</p>
            <Field name="changeNote" label={t("pathway.version.restoreNote")} errors={actionData?.errors} />
            <p className="actions">
              <button type="submit" className="secondary">
                {t("pathway.version.restore")}
              </button>
            </p>
          </Form>
        ) : null}
      </section>

      {pathwayLanguages.map((language) => {
        const texts = textsOf(version.content, language);
        return (
          <section key={language} aria-labelledby={`lang-${language}`}>
            <h2 id={`lang-${language}`}>{t(`pathway.language.${language}` as MessageKey)}</h2>
            {pathwayTextKeys.map((key) => (
              <div key={key} className="card">
                <h3>{t(`pathway.text.${key}` as MessageKey)}</h3>
                <div lang={language}>
                  <RichText source={texts[key]} headingLevel={4} tableLabel={t(`pathway.text.${key}` as MessageKey)} />
                </div>
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
