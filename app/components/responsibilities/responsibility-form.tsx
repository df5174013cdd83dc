import { useState } from "react";
import { Form } from "react-router";
import { ErrorSummary, translateMessage, type FieldErrors } from "../form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { SubmissionKey } from "../submission-key.tsx";
import type { OwnerChoices } from "../../modules/meetings/responsibilities/responsibility-form-data.server.ts";
import { PeoplePicker } from "../people-picker.tsx";

type Choices = Pick<OwnerChoices, "organizations" | "objectives" | "owner">;

/**
 * What, owner, due date, objective. Used alone and on a meeting's agenda item. The owner is a
 * person (the shared people picker) or an organization (a short list), told apart by a radio so
 * that the form says which one without JavaScript.
 */
export function ResponsibilityFields({ choices, values, errors, idPrefix = "" }: { choices: Choices; values?: Record<string, string>; errors?: FieldErrors | null; idPrefix?: string }) {
  const { t } = useT();
  const ownerErrors = (errors?.owner ?? []).map((e) => translateMessage(t, e)).join(" ");
  const savedKind = values?.ownerKind ?? (values?.owner?.startsWith("organization:") ? "organization" : "person");
  const [kind, setKind] = useState(savedKind);
  const organizationValue = values?.ownerOrganization ?? (values?.owner?.startsWith("organization:") ? values.owner : "");
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}field-what`}>{t("responsibilities.what")}</label>
        <input type="text" id={`${idPrefix}field-what`} name="what" required defaultValue={values?.what ?? ""} aria-invalid={errors?.what?.length ? true : undefined} />
        {errors?.what?.length ? <p className="error">{errors.what.map((e) => translateMessage(t, e)).join(" ")}</p> : null}
      </div>
      <fieldset className="stack" aria-describedby={ownerErrors ? `${idPrefix}owner-error` : undefined}>
        <legend>{t("responsibilities.owner")}</legend>
        {ownerErrors ? (
          <p className="error" id={`${idPrefix}owner-error`}>
            {ownerErrors}
          </p>
        ) : null}
        <div className="checkbox-row">
          {(["person", "organization"] as const).map((k) => (
            <div className="checkbox" key={k}>
              <input type="radio" id={`${idPrefix}owner-kind-${k}`} name="ownerKind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <label htmlFor={`${idPrefix}owner-kind-${k}`}>{t(`responsibilities.owner.kind.${k}`)}</label>
            </div>
          ))}
        </div>
        <PeoplePicker
          name="owner"
          valuePrefix="person:"
          label={t("responsibilities.owner.person")}
          purpose="responsibility"
          organization={choices.owner.organization}
          current={choices.owner.current}
          search={choices.owner.search}
          idPrefix={`${idPrefix}field-`}
          onPick={() => setKind("person")}
        />
        <div className="field">
          <label htmlFor={`${idPrefix}field-ownerOrganization`}>{t("responsibilities.owner.organization")}</label>
          <select id={`${idPrefix}field-ownerOrganization`} name="ownerOrganization" defaultValue={organizationValue} onChange={(e) => e.target.value && setKind("organization")}>
            <option value="">—</option>
            {choices.organizations.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${idPrefix}field-dueOn`}>{t("responsibilities.dueOn")}</label>
        <input type="date" id={`${idPrefix}field-dueOn`} name="dueOn" required defaultValue={values?.dueOn ?? ""} aria-invalid={errors?.dueOn?.length ? true : undefined} />
        {errors?.dueOn?.length ? <p className="error">{errors.dueOn.map((e) => translateMessage(t, e)).join(" ")}</p> : null}
      </div>
      {choices.objectives.length ? (
        <div className="field">
          <label htmlFor={`${idPrefix}field-objectiveId`}>
            {t("responsibilities.objective")} <span className="muted">({t("form.optional")})</span>
          </label>
          <select id={`${idPrefix}field-objectiveId`} name="objectiveId" defaultValue={values?.objectiveId ?? ""}>
            <option value="">—</option>
            {choices.objectives.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

export function ResponsibilityForm({
  choices,
  values,
  errors,
  formError,
  version,
  create,
  submitLabel,
}: {
  choices: Choices;
  values?: Record<string, string>;
  errors?: FieldErrors | null;
  formError?: string | null;
  /** Edit: the version shown (a stale save answers 409); the form is keyed by it. */
  version?: number;
  /** A create form: carries the submission key. */
  create?: boolean;
  submitLabel: string;
}) {
  return (
    <Form method="post" className="stack" key={version ?? "new"}>
      <ErrorSummary errors={errors} formError={formError} />
      {create ? <SubmissionKey /> : null}
      {version ? <input type="hidden" name="version" value={version} /> : null}
      {version ? <input type="hidden" name="intent" value="edit" /> : null}
      <ResponsibilityFields choices={choices} values={values} errors={errors} />
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
