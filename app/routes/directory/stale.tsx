import { Link, redirect, useSearchParams } from "react-router";
import { pageTitle } from "../../i18n/page-title.ts";
import type { Route } from "./+types/stale";

import { localName } from "../../i18n/names.ts";
import { ErrorSummary, PostButton } from "../../components/form.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { confirmDesignation } from "../../modules/directory/confirm-designation.server.ts";
import { requireDirectoryAccess } from "../../modules/directory/directory-access.server.ts";
import {
  confirmDesignationSchema,
  isUuid,
} from "../../modules/directory/designation-schema.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { listStaleEntries } from "../../modules/directory/stale-entries.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { TableScroll } from "../../components/table-scroll.tsx";
import { OpenCorrections } from "../../components/directory/open-corrections.tsx";
import {
  handleCorrection,
  listOpenCorrections,
} from "../../modules/directory/handle-correction.server.ts";
import { handleCorrectionSchema } from "../../modules/directory/correction-schema.ts";

export const policy = needs("pivot.designate");

export const meta: Route.MetaFunction = ({ matches }) =>
  pageTitle(matches, "directory.stale.title");

export async function loader(args: Route.LoaderArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const entries = await listStaleEntries(args.context.db, {
    partnershipId: access.partnershipId,
    organizationIds: access.designates,
    freshnessMonths: access.freshnessMonths,
  });
  const corrections = await listOpenCorrections(args.context.db, {
    partnershipId: access.partnershipId,
    organizationIds: access.designates,
  });
  return { entries, corrections, freshnessMonths: access.freshnessMonths };
}

export const shouldRevalidate = revalidateAfterConflict;

/**
 * A coordinator who checked the entry with its owner may confirm it on their behalf, for the
 * version shown: an entry changed since the list was drawn answers 409. Or (intent "handle")
 * mark a correction request done or declined, for the version shown too.
 */
export async function action(args: Route.ActionArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  if (read.values.intent === "handle") {
    if (!isUuid(read.values.correctionId)) notFound();
    const decided = parseValues(read, handleCorrectionSchema);
    if (!decided.ok) return decided.reply;
    const handled = await handleCorrection(args.context.db, access.actor, {
      partnershipId: access.partnershipId,
      organizationIds: access.designates,
      handledBy: access.user.personId,
      id: decided.data.correctionId,
      version: decided.data.version,
      status: decided.data.status,
      handlerNote: decided.data.handlerNote,
      publicUrl: args.context.config.publicUrl,
    });
    return respond(
      handled,
      () => redirect("/directory/stale?handled=1#corrections"),
      { body: { values: read.values } },
    );
  }
  if (!isUuid(read.values.designationId)) notFound();
  const input = parseValues(read, confirmDesignationSchema);
  if (!input.ok) return input.reply;
  const result = await confirmDesignation(args.context.db, access.actor, {
    partnershipId: access.partnershipId,
    id: input.data.designationId,
    version: input.data.version,
    by: { organizationIds: access.designates },
  });
  return respond(result, () => redirect("/directory/stale?confirmed=1"));
}

export default function StaleEntries({
  loaderData,
  actionData,
}: Route.ComponentProps) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  const [params] = useSearchParams();
  const { entries, corrections, freshnessMonths } = loaderData;
  // Which form failed: only the correction forms send their values back.
  const failed =
    actionData &&
    "values" in actionData &&
    actionData.values.intent === "handle"
      ? actionData
      : null;
  return (
    <>
      <h1>{t("directory.stale.title")}</h1>
      {params.get("confirmed") ? (
        <SavedNotice message="directory.designations.saved" />
      ) : null}
      {params.get("handled") ? (
        <SavedNotice message="directory.corrections.saved" />
      ) : null}
      {failed ? null : <ErrorSummary formError={actionData?.formError} />}
      <p>{t("directory.stale.intro", { months: freshnessMonths })}</p>
      {entries.length === 0 ? (
        <p>{t("directory.stale.none")}</p>
      ) : (
        <TableScroll
          label={t("directory.stale.caption", { count: entries.length })}
        >
          <table>
            <caption>
              {t("directory.stale.caption", { count: entries.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("directory.designations.person")}</th>
                <th scope="col">{t("directory.designations.organization")}</th>
                <th scope="col">{t("directory.designation.lastConfirmed")}</th>
                <th scope="col">{t("directory.designations.status")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const name = `${e.givenName} ${e.familyName}`;
                return (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/directory/designations/${e.id}`}>{name}</Link>
                    </th>
                    <td>
                      {localName(locale, {
                        nameFr: e.organizationNameFr,
                        nameEn: e.organizationNameEn,
                      })}
                      {e.siteName ? ` — ${e.siteName}` : null}
                    </td>
                    <td>{date(e.confirmedAt)}</td>
                    <td>
                      {e.staleReminderSentAt
                        ? `${t("directory.stale.reminded")} (${date(e.staleReminderSentAt)})`
                        : t("directory.stale.notReminded")}
                    </td>
                    <td>
                      <PostButton
                        key={e.version}
                        fields={{
                          designationId: e.id,
                          version: String(e.version),
                        }}
                        className="secondary"
                      >
                        {t("directory.stale.confirm", { name })}
                      </PostButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <OpenCorrections corrections={corrections} failed={failed} />
    </>
  );
}
