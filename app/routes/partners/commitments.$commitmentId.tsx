import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/commitments.$commitmentId";
import { ErrorSummary, Field } from "../../components/form.tsx";
import { useT, useDay } from "../../i18n/use-t.ts";
import { actorOf, authorize, notFound } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { acceptAttribute, pdfOnly } from "../../modules/files/file-types.ts";
import { readUpload } from "../../modules/files/read-upload.server.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { FieldErrorMap } from "../../modules/forms/fields.ts";
import { readForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { attachCommitmentDocument, getCommitment } from "../../modules/partners/commitments.server.ts";
import { idParam, mayOn, partnersUser } from "../../modules/partners/partner-access.server.ts";
import { findPartnerOrganization } from "../../modules/partners/partner-organization.server.ts";
import { useOrgName } from "../../components/partners/partners-ui.tsx";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";
import { SavedNotice } from "../../components/saved-notice.tsx";

/** One signed commitment: its facts, the signed PDF to download, and (coordinator) attaching the PDF. */
export const policy = needs("commitment.read");

export const meta: Route.MetaFunction = ({ matches, data }) => pageTitle(matches, "partners.commitments.title", undefined, data?.organization.nameFr);

async function scoped(args: Route.LoaderArgs | Route.ActionArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  const commitment = await getCommitment(args.context.db, partnershipId, idParam(args, "commitmentId"));
  if (!commitment) notFound();
  const organization = await findPartnerOrganization(args.context.db, partnershipId, commitment.organizationId);
  if (!organization) notFound();
  return { user, partnershipId, commitment, organization };
}

export async function loader(args: Route.LoaderArgs) {
  const { user, commitment, organization } = await scoped(args);
  const url = requestUrl(args.request);
  return {
    commitment,
    organization: { id: organization.id, nameFr: organization.nameFr, nameEn: organization.nameEn },
    canManage: mayOn(user, "commitment.manage"),
    attached: url.searchParams.has("attached"),
    recorded: url.searchParams.has("recorded"),
  };
}

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId, commitment } = await scoped(args);
  await authorize(args, user, "commitment.manage");
  // The body is capped at the upload limit before it is read.
  const read = await readForm(args.request, { files: ["document"] });
  if (!read.ok) return data<{ errors: FieldErrorMap; formError?: string }>({ errors: read.errors, formError: "form.errors" }, { status: 400 });
  const upload = await readUpload(read.form, "document", pdfOnly);
  if (!upload.ok) return data<{ errors: FieldErrorMap; formError?: string }>({ errors: { document: [`partners.upload.${upload.error}`] } }, { status: 400 });
  const submission = submissionOf(read.values, "partners.commitments.$commitmentId:attach", user.accountId);
  if (!submission) return data<{ errors: FieldErrorMap; formError?: string }>({ errors: {}, formError: "form.expired" }, { status: 400 });
  const outcome = await createOnce(
    args.context.db,
    submission,
    (tx) => attachCommitmentDocument(tx, actorOf(user, args.context), { partnershipId, personId: user.personId, commitmentId: commitment.id }, upload.upload),
    () => `/partners/commitments/${commitment.id}?attached=1`,
  );
  return respond(outcome, (location) => redirect(location));
}

export default function CommitmentDetail({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useT();
  const day = useDay();
  const orgName = useOrgName();
  const { commitment: c, organization } = loaderData;
  return (
    <>
      <p>
        <Link to="/partners/commitments">{t("partners.commitments.title")}</Link>
      </p>
      <h1>{t("partners.commitment.title", { name: orgName(organization) })}</h1>
      {loaderData.recorded ? <SavedNotice message="partners.commitments.recorded" /> : null}
      {loaderData.attached ? <SavedNotice message="partners.commitments.attached" /> : null}
      <dl className="partner-fields">
        <div>
          <dt>{t("partners.commitments.period")}</dt>
          <dd>{t("partners.commitments.periodValue", { start: day(c.startsOn), end: day(c.endsOn) })}</dd>
        </div>
        <div>
          <dt>{t("partners.commitments.version")}</dt>
          <dd>
            <Link to={`/partners/commitments/text/${c.textVersionId}`}>{c.textNumber}</Link>
          </dd>
        </div>
        <div>
          <dt>{t("partners.commitments.signatory")}</dt>
          <dd>
            {c.signatoryName}
            {c.signatoryTitle ? `, ${c.signatoryTitle}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("partners.commitments.signedOn")}</dt>
          <dd>{day(c.signedOn)}</dd>
        </div>
        <div>
          <dt>{t("partners.commitments.document")}</dt>
          <dd>
            {c.documentFileId ? (
              <a href={`/partners/commitments/${c.id}/document`} download>
                {t("partners.commitments.download", { name: c.documentName ?? "" })}
              </a>
            ) : (
              t("partners.commitments.noDocument")
            )}
          </dd>
        </div>
      </dl>
      {loaderData.canManage ? (
        <section aria-labelledby="attach">
          <h2 id="attach">{t("partners.commitment.attach")}</h2>
          <ErrorSummary errors={actionData?.errors} formError={actionData?.formError} />
          <Form method="post" encType="multipart/form-data" noValidate>
            <SubmissionKey />
            <Field name="document" type="file" accept={acceptAttribute(pdfOnly)} label={t("partners.new.document")} hint={t("partners.new.documentHint")} errors={actionData?.errors} required />
            <button type="submit">{t("partners.commitment.attachButton")}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
