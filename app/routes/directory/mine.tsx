import { Form, redirect, useSearchParams } from "react-router";
import { pageTitle } from "../../i18n/page-title.ts";
import type { Route } from "./+types/mine";
import { useDirectoryLabels } from "../../components/directory-ui.tsx";
import { localName } from "../../i18n/names.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { ErrorSummary } from "../../components/form.tsx";
import {
  confirmDesignation,
  listOwnEntries,
} from "../../modules/directory/confirm-designation.server.ts";
import { requireDirectoryAccess } from "../../modules/directory/directory-access.server.ts";
import {
  confirmDesignationSchema,
  isUuid,
} from "../../modules/directory/designation-schema.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { CorrectionRequest } from "../../components/directory/correction-request.tsx";
import {
  listOwnCorrections,
  requestCorrection,
} from "../../modules/directory/request-correction.server.ts";
import { requestCorrectionSchema } from "../../modules/directory/correction-schema.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";

export const policy = needs("partnership.view");

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "directory.mine.title");

export async function loader(args: Route.LoaderArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const entries = await listOwnEntries(args.context.db, {
    partnershipId: access.partnershipId,
    personId: access.user.personId,
    freshnessMonths: access.freshnessMonths,
  });
  const corrections = await listOwnCorrections(args.context.db, {
    partnershipId: access.partnershipId,
    personId: access.user.personId,
  });
  return { entries, corrections, freshnessMonths: access.freshnessMonths };
}

export const shouldRevalidate = revalidateAfterConflict;

/**
 * Two forms per entry. One click: "my entry is still accurate", for the version shown. Or
 * "ask for a correction" (intent "correct"), a create: a double submit asks once. Only the
 * entry's owner gets here; anyone else gets 404. An entry changed since the page was drawn
 * answers 409 to the confirmation.
 */
export async function action(args: Route.ActionArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  if (!isUuid(read.values.designationId)) notFound();
  if (read.values.intent === "correct") {
    const asked = parseValues(read, requestCorrectionSchema);
    if (!asked.ok) return asked.reply;
    const submission = submissionOf(
      read.values,
      "directory.mine:correct",
      access.user.accountId,
    );
    const outcome = await createOnce(
      args.context.db,
      submission,
      (tx) =>
        requestCorrection(tx, access.actor, {
          partnershipId: access.partnershipId,
          personId: access.user.personId,
          designationId: asked.data.designationId,
          message: asked.data.message,
          publicUrl: args.context.config.publicUrl,
        }),
      () => `/directory/mine?asked=1#entry-${asked.data.designationId}`,
    );
    return respond(outcome, (location) => redirect(location), {
      body: { values: read.values },
    });
  }
  const input = parseValues(read, confirmDesignationSchema);
  if (!input.ok) return input.reply;
  const result = await confirmDesignation(args.context.db, access.actor, {
    partnershipId: access.partnershipId,
    id: input.data.designationId,
    version: input.data.version,
    by: { personId: access.user.personId },
  });
  return respond(result, () => redirect("/directory/mine?confirmed=1"));
}

export default function MyEntries({
  loaderData,
  actionData,
}: Route.ComponentProps) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  const labels = useDirectoryLabels();
  const [params] = useSearchParams();
  const { entries, corrections, freshnessMonths } = loaderData;
  // Which form failed: only the correction forms send their values back.
  const failed =
    actionData &&
    "values" in actionData &&
    actionData.values.intent === "correct"
      ? actionData
      : null;
  return (
    <>
      <h1>{t("directory.mine.title")}</h1>
      {params.get("confirmed") ? (
        <SavedNotice message="directory.mine.confirmed" />
      ) : null}
      {params.get("asked") ? (
        <SavedNotice message="directory.mine.correction.sent" />
      ) : null}
      {/* A correction form's errors show in its own card. */}
      {failed ? null : <ErrorSummary formError={actionData?.formError} />}
      <p>{t("directory.mine.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("directory.mine.none")}</p>
      ) : (
        <ul className="cards stacked">
          {entries.map((e) => {
            const org = localName(locale, {
              nameFr: e.organizationNameFr,
              nameEn: e.organizationNameEn,
            });
            return (
              <li key={e.id} className="card" id={`entry-${e.id}`}>
                <h2>{org}</h2>
                <p>
                  {t("directory.entry.siteLine", {
                    site: e.siteName ?? t("directory.entry.orgWide"),
                  })}
                  <br />
                  <span className="badge">{labels.rank(e.rank)}</span>{" "}
                  {t("directory.mine.since", {
                    date: date(`${e.since}T12:00:00Z`),
                  })}
                </p>
                {/* What readers of the directory see, so the pivot confirms what they read. */}
                <dl className="summary">
                  <dt>{t("directory.entry.phone")}</dt>
                  <dd>{e.phone || "—"}</dd>
                  <dt>{t("directory.entry.email")}</dt>
                  <dd>{e.email || "—"}</dd>
                  <dt>{t("directory.entry.languages")}</dt>
                  <dd>{e.languages.map(labels.language).join(", ") || "—"}</dd>
                  <dt>{t("directory.entry.clienteles")}</dt>
                  <dd>
                    {e.clienteles.map(labels.clientele).join(", ") || "—"}
                  </dd>
                  <dt>{t("directory.entry.expertise")}</dt>
                  <dd>{e.expertise.join(", ") || "—"}</dd>
                  <dt>{t("directory.entry.availability")}</dt>
                  <dd>{e.availability || "—"}</dd>
                </dl>
                <p>
                  {t("directory.entry.confirmed", {
                    date: date(e.confirmedAt),
                  })}{" "}
                  {e.stale ? (
                    <span className="badge stale">
                      {t("directory.entry.stale")}
                    </span>
                  ) : null}
                </p>
                {e.stale ? (
                  <p className="alert warning">
                    {t("directory.entry.staleHint", {
                      months: freshnessMonths,
                    })}
                  </p>
                ) : null}
                <Form method="post" key={e.version}>
                  <input type="hidden" name="designationId" value={e.id} />
                  <input type="hidden" name="version" value={e.version} />
                  <button type="submit">
                    {t("directory.mine.confirm", { organization: org })}
                  </button>
                </Form>
                <CorrectionRequest
                  designationId={e.id}
                  organization={org}
                  requests={corrections.filter((c) => c.designationId === e.id)}
                  failed={
                    failed?.values?.designationId === e.id ? failed : null
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
