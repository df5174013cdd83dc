import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/commitments.new";
import { ErrorSummary, Field, SelectField } from "../../components/form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { actorOf } from "../../modules/authz/guard.server.ts";
import { needs } from "../../modules/authz/policy.ts";
import { acceptAttribute, pdfOnly } from "../../modules/files/file-types.ts";
import { readUpload } from "../../modules/files/read-upload.server.ts";
import { SubmissionKey } from "../../components/submission-key.tsx";
import type { FieldErrorMap, FormValues } from "../../modules/forms/fields.ts";
import { parseForm } from "../../modules/forms/read-form.server.ts";
import { submissionOf } from "../../modules/forms/submit-once.server.ts";
import { pageTitle } from "../../i18n/page-title.ts";
import { listCommitmentTexts } from "../../modules/partners/commitment-text.server.ts";
import { recordCommitment } from "../../modules/partners/commitments.server.ts";
import { partnersUser } from "../../modules/partners/partner-access.server.ts";
import { listPartnerOrganizations } from "../../modules/partners/partner-organization.server.ts";
import { commitmentSchema } from "../../modules/partners/partners-schema.ts";
import { useOrgName } from "../../components/partners/partners-ui.tsx";
import { requestUrl } from "../../modules/forms/request-url.ts";
import { createOnce } from "../../modules/outcome/create-once.server.ts";
import { respond } from "../../modules/outcome/respond.server.ts";

/** The Table coordinator records an organization's signed commitment, with the signed PDF. */
export const policy = needs("commitment.manage");

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "partners.new.title");

export async function loader(args: Route.LoaderArgs) {
  const { partnershipId } = await partnersUser(args, policy);
  const [organizations, texts] = await Promise.all([
    listPartnerOrganizations(args.context.db, partnershipId),
    listCommitmentTexts(args.context.db, partnershipId),
  ]);
  const url = requestUrl(args.request);
  return {
    organizations: organizations.map((o) => ({ id: o.id, nameFr: o.nameFr, nameEn: o.nameEn })),
    versions: texts.filter((v) => v.status !== "draft").map((v) => ({ id: v.id, number: v.number, titleFr: v.titleFr, titleEn: v.titleEn, status: v.status })),
    preselected: url.searchParams.get("organizationId") ?? "",
  };
}

type ActionResult = { errors: FieldErrorMap; values: FormValues; formError?: string };

export async function action(args: Route.ActionArgs) {
  const { user, partnershipId } = await partnersUser(args, policy);
  // The body is capped at the upload limit before it is read: a huge upload never reaches memory.
  const input = await parseForm(args.request, commitmentSchema, { files: ["document"] });
  const upload = await readUpload(input.ok ? input.form : new FormData(), "document", pdfOnly);
  const uploadError = !input.ok || upload.ok || upload.error === "missing" ? null : `partners.upload.${upload.error}`;
  if (!input.ok || uploadError) {
    const errors = input.ok ? {} : { ...input.errors };
    if (uploadError) errors.document = [uploadError];
    return data<ActionResult>({ errors, values: input.values }, { status: 400 });
  }
  const submission = submissionOf(input.values, "partners.commitments.new", user.accountId);
  if (!submission) return data<ActionResult>({ errors: {}, values: input.values, formError: "form.expired" }, { status: 400 });
  const outcome = await createOnce(
    args.context.db,
    submission,
    (tx) => recordCommitment(tx, actorOf(user, args.context), { partnershipId, personId: user.personId }, input.data, upload.ok ? upload.upload : null),
    (id) => `/partners/commitments?recorded=${id}`,
  );
  return respond(outcome, (location) => redirect(location), { body: { values: input.values } });
}

export default function NewCommitment({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useT();
  const orgName = useOrgName();
  const v = actionData?.values ?? {};
  const errors = actionData?.errors;
  const { versions } = loaderData;
  const current = versions.find((x) => x.status === "published");
  return (
    <>
      <p>
        <Link to="/partners/commitments">{t("partners.commitments.title")}</Link>
      </p>
      <h1>{t("partners.new.title")}</h1>
      {versions.length === 0 ? (
        <p className="alert warning">{t("partners.new.noVersion")}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} formError={actionData?.formError} />
          <Form method="post" encType="multipart/form-data" noValidate>
            <SubmissionKey />
            <SelectField
              name="organizationId"
              label={t("partners.new.organization")}
              required
              options={loaderData.organizations.map((o) => ({ value: o.id, label: orgName(o) }))}
              defaultValue={String(v.organizationId ?? loaderData.preselected)}
              errors={errors}
            />
            <SelectField
              name="textVersionId"
              label={t("partners.new.textVersion")}
              required
              options={versions.map((x) => ({ value: x.id, label: t("partners.new.versionOption", { number: x.number, title: locale === "en" ? x.titleEn : x.titleFr }) }))}
              defaultValue={String(v.textVersionId ?? current?.id ?? "")}
              errors={errors}
            />
            <Field name="startsOn" type="date" required label={t("partners.new.startsOn")} defaultValue={String(v.startsOn ?? "")} errors={errors} />
            <Field name="endsOn" type="date" required label={t("partners.new.endsOn")} defaultValue={String(v.endsOn ?? "")} errors={errors} />
            <Field name="signatoryName" required label={t("partners.new.signatoryName")} defaultValue={String(v.signatoryName ?? "")} errors={errors} autoComplete="off" />
            <Field name="signatoryTitle" label={t("partners.new.signatoryTitle")} defaultValue={String(v.signatoryTitle ?? "")} errors={errors} />
            <Field name="signedOn" type="date" required label={t("partners.new.signedOn")} defaultValue={String(v.signedOn ?? "")} errors={errors} />
            <Field name="document" type="file" accept={acceptAttribute(pdfOnly)} label={t("partners.new.document")} hint={t("partners.new.documentHint")} errors={errors} required={false} />
            <button type="submit">{t("partners.new.save")}</button>
          </Form>
        </>
      )}
    </>
  );
}
