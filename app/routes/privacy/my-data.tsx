import { Form, redirect } from "react-router";
import type { Route } from "./+types/my-data";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { SavedNotice } from "../../components/saved-notice.tsx";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { useDay, useFormatters, useT } from "../../i18n/use-t.ts";
import { actorOf, guard, notFound } from "../../modules/authz/guard.server.ts";
import { authenticated } from "../../modules/authz/policy.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { invalidFields } from "../../modules/outcome/outcome.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { collectOwnData } from "../../modules/privacy/collect-own-data.server.ts";
import { requestCorrection } from "../../modules/privacy/correction-requests.server.ts";
import { correctionRequestSchema } from "../../modules/privacy/privacy-schema.ts";

/** What Filet holds about the signed-in person (readable, and as JSON), and "request a correction". */
export const policy = authenticated;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "privacy.myData.title");

export async function loader(args: Route.LoaderArgs) {
  const user = await guard(args, policy);
  if (!user) notFound();
  const mine = await collectOwnData(args.context.db, actorOf(user, args.context), { personId: user.personId, accountId: user.accountId, partnershipId: user.partnershipId }, "html");
  return { mine, canRequest: !!user.partnershipId, saved: requestUrl(args.request).searchParams.get("saved") };
}

export async function action(args: Route.ActionArgs) {
  const user = await guard(args, policy);
  if (!user?.partnershipId) notFound();
  const partnershipId = user.partnershipId;
  const input = await parseForm(args.request, correctionRequestSchema);
  const outcome = input.ok
    ? await createOnce(
        args.context.db,
        submissionOf(input.values, "privacy.my-data:correction", user.accountId),
        (tx) => requestCorrection(tx, actorOf(user, args.context), { partnershipId, personId: user.personId, request: input.data.request, publicUrl: args.context.config.publicUrl }),
        () => "/privacy/my-data?saved=correction#corrections-title",
      )
    : invalidFields(input.errors, "form.errors");
  return respond(outcome, (location) => redirect(location), { body: { values: input.values } });
}

export default function MyData({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const day = useDay();
  const { dateTime } = useFormatters();
  const { mine, canRequest, saved } = loaderData;
  const p = mine.profile;
  const org = (fr: string | null, en: string | null) => (locale === "en" ? en : fr) ?? "";
  const none = <p>{t("privacy.myData.none")}</p>;
  return (
    <>
      <h1>{t("privacy.myData.title")}</h1>
      {saved === "correction" ? <SavedNotice message="privacy.saved.correction" /> : null}
      <p>{t("privacy.myData.intro")}</p>
      <p>
        <a href="/privacy/my-data.json" download className="button secondary">
          {t("privacy.myData.download")}
        </a>
      </p>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("privacy.myData.profile")}</h2>
        {p ? (
          <dl className="summary">
            <dt>{t("privacy.myData.name")}</dt>
            <dd>{`${p.givenName} ${p.familyName}`.trim()}</dd>
            <dt>{t("privacy.myData.jobTitle")}</dt>
            <dd>{p.title || "—"}</dd>
            <dt>{t("privacy.myData.email")}</dt>
            <dd>{mine.account?.email ?? p.email}</dd>
            <dt>{t("privacy.myData.phone")}</dt>
            <dd>{p.phone || "—"}</dd>
            <dt>{t("privacy.myData.languages")}</dt>
            <dd>{p.languages.join(", ")}</dd>
            <dt>{t("privacy.myData.organization")}</dt>
            <dd>{org(p.organizationFr, p.organizationEn) || "—"}</dd>
            <dt>{t("privacy.myData.site")}</dt>
            <dd>{p.site ?? "—"}</dd>
            <dt>{t("privacy.myData.locale")}</dt>
            <dd>{mine.account?.locale ?? "fr"}</dd>
            <dt>{t("privacy.myData.mfa")}</dt>
            <dd>{mine.account?.mfaEnabledAt ? dateTime(mine.account.mfaEnabledAt) : "—"}</dd>
            <dt>{t("privacy.myData.created")}</dt>
            <dd>{dateTime(p.createdAt)}</dd>
          </dl>
        ) : (
          none
        )}
      </section>
      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t("privacy.myData.roles")}</h2>
        {mine.roles.length === 0 ? (
          none
        ) : (
          <ul>
            {mine.roles.map((r, i) => (
              <li key={i}>
                {t(`role.${r.role}` as MessageKey)}
                {r.organizationFr ? ` — ${org(r.organizationFr, r.organizationEn)}` : ""}, {t("privacy.myData.roleSince", { day: dateTime(r.grantedAt) })}
                {r.revokedAt ? `, ${t("privacy.myData.roleUntil", { day: dateTime(r.revokedAt) })}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="designations-title">
        <h2 id="designations-title">{t("privacy.myData.designations")}</h2>
        {mine.designations.length === 0 ? (
          none
        ) : (
          <ul>
            {mine.designations.map((d, i) => (
              <li key={i}>
                {org(d.organizationFr, d.organizationEn)}, {day(d.since)}
                {d.until ? ` – ${day(d.until)}` : ""}
                {d.contactEmail ? `, ${d.contactEmail}` : ""}
                {d.contactPhone ? `, ${d.contactPhone}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="posts-title">
        <h2 id="posts-title">{t("privacy.myData.posts")}</h2>
        {mine.posts.length === 0 ? (
          none
        ) : (
          <ul>
            {mine.posts.map((a, i) => (
              <li key={i}>
                <strong>{a.title}</strong> ({dateTime(a.createdAt)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="consultations-title">
        <h2 id="consultations-title">{t("privacy.myData.consultations")}</h2>
        {mine.consultations.length === 0 ? (
          none
        ) : (
          <ul>
            {mine.consultations.map((c, i) => (
              <li key={i}>
                <strong>{c.subject}</strong> ({dateTime(c.createdAt)})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t("privacy.myData.activities")}</h2>
        {mine.activities.length === 0 ? (
          none
        ) : (
          <ul>
            {mine.activities.map((a, i) => (
              <li key={i}>
                {day(a.occurredOn)} — {a.audience || "—"}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="corrections-title">
        <h2 id="corrections-title">{t("privacy.myData.corrections")}</h2>
        {mine.corrections.length === 0 ? (
          none
        ) : (
          <ul>
            {mine.corrections.map((c) => (
              <li key={c.id}>
                {dateTime(c.createdAt)} — {t(`privacy.correction.status.${c.status}` as MessageKey)}
                {c.answer ? ` — ${c.answer}` : ""}
              </li>
            ))}
          </ul>
        )}
        {canRequest ? (
          <Form method="post" className="stack">
            <h3>{t("privacy.myData.correction")}</h3>
            <SubmissionKey />
            <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
            <Field name="request" label={t("privacy.myData.correctionField")} hint={t("privacy.myData.correctionHint")} multiline required errors={actionData?.errors} />
            <div className="actions">
              <button type="submit">{t("privacy.myData.correctionSend")}</button>
            </div>
          </Form>
        ) : null}
      </section>
    </>
  );
}
