import { Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/mine";
import { useDirectoryLabels } from "../../components/directory-ui.tsx";
import { localName } from "../../i18n/names.ts";
import { useFormatters, useT } from "../../i18n/use-t.ts";
import { notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { confirmDesignation, listOwnEntries } from "../../modules/directory/confirm-designation.server.ts";
import { requireDirectoryAccess } from "../../modules/directory/directory-access.server.ts";
import { confirmDesignationSchema, isUuid } from "../../modules/directory/designation-schema.ts";
import { revalidateAfterConflict } from "../../modules/forms/conflict.ts";
import { parseValues, readForm } from "../../modules/forms/read-form.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

export const policy = needs("partnership.view");

export async function loader(args: Route.LoaderArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const entries = await listOwnEntries(args.context.db, {
    partnershipId: access.partnershipId,
    personId: access.user.personId,
    freshnessMonths: access.freshnessMonths,
  });
  return { entries, freshnessMonths: access.freshnessMonths };
}

export const shouldRevalidate = revalidateAfterConflict;

/**
 * One click: "my entry is still accurate", for the version shown. Only the entry's owner gets
 * here; anyone else gets 404. An entry changed since the page was drawn answers 409.
 */
export async function action(args: Route.ActionArgs) {
  const access = await requireDirectoryAccess(args, policy);
  const read = await readForm(args.request);
  if (!read.ok) return read.reply;
  if (!isUuid(read.values.designationId)) notFound();
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

export default function MyEntries({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const { date } = useFormatters();
  const labels = useDirectoryLabels();
  const [params] = useSearchParams();
  const { entries, freshnessMonths } = loaderData;
  return (
    <>
      <h1>{t("directory.mine.title")}</h1>
      {params.get("confirmed") ? <SavedNotice message="directory.mine.confirmed" /> : null}
      <ErrorSummary formError={actionData?.formError} />
      <p>{t("directory.mine.intro")}</p>
      {entries.length === 0 ? (
        <p>{t("directory.mine.none")}</p>
      ) : (
        <ul className="cards">
          {entries.map((e) => {
            const org = localName(locale, { nameFr: e.organizationNameFr, nameEn: e.organizationNameEn });
            return (
              <li key={e.id} className="card">
                <h2>{org}</h2>
                <p>
                  {t("directory.entry.siteLine", { site: e.siteName ?? t("directory.entry.orgWide") })}
                  <br />
                  <span className="badge">{labels.rank(e.rank)}</span> {t("directory.mine.since", { date: date(`${e.since}T12:00:00Z`) })}
                </p>
                <p>
                  {t("directory.entry.confirmed", { date: date(e.confirmedAt) })}{" "}
                  {e.stale ? <span className="badge stale">{t("directory.entry.stale")}</span> : null}
                </p>
                {e.stale ? <p className="alert warning">{t("directory.entry.staleHint", { months: freshnessMonths })}</p> : null}
                <Form method="post" key={e.version}>
                  <input type="hidden" name="designationId" value={e.id} />
                  <input type="hidden" name="version" value={e.version} />
                  <button type="submit">{t("directory.mine.confirm", { organization: org })}</button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
