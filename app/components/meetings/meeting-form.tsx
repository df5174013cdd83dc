import { Form } from "react-router";
import { SubmissionKey } from "../submission-key.tsx";
import { ErrorSummary, Field, SelectField, translateMessage, type FieldErrors } from "../form.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import type { InviteShortcut } from "../../modules/meetings/vocabulary.ts";
import type { AgendaRowValue, MeetingFormValues } from "../../modules/meetings/meeting-form-values.ts";

// Its own file: the page-message scanner reads whole files, and the meeting page, which shows
// badges and kind labels only, should not send the form's messages.
interface MeetingFormProps {
  values: MeetingFormValues;
  people: { id: string; name: string; organization: string }[];
  shortcut: InviteShortcut;
  /** Open items proposed from the previous meeting (new meetings only). */
  openItems?: { id: string; what: string; owner: string; dueOn: string }[];
  previousTitle?: string | null;
  errors?: FieldErrors | null;
  formError?: string | null;
  version?: number;
  submitLabel: string;
}

const BLANK: AgendaRowValue = { id: "", title: "", presenter: "", duration: "", notes: "" };

/** The meeting form (new and edit): details, agenda rows, invitations; works without JavaScript. */
export function MeetingForm({ values, people, shortcut, openItems, previousTitle, errors, formError, version, submitLabel }: MeetingFormProps) {
  const { t } = useT();
  const rows = [...values.items, BLANK, BLANK, BLANK];
  const errorOf = (name: string) => (errors?.[name] ?? []).map((e) => translateMessage(t, e)).join(" ");
  return (
    // Keyed by version (edit): after a 409 the fields show the current meeting, not the stale one.
    <Form method="post" className="stack" key={version ?? "new"}>
      <ErrorSummary errors={errors} formError={formError} />
      {version ? <input type="hidden" name="version" value={version} /> : <SubmissionKey />}
      <input type="hidden" name="kind" value={values.kind} />
      <input type="hidden" name="organizationId" value={values.organizationId} />
      <input type="hidden" name="templateId" value={values.templateId} />
      <Field name="title" label={t("meetings.form.title")} required defaultValue={values.title} errors={errors} />
      <Field name="day" label={t("meetings.form.day")} type="date" required defaultValue={values.day} errors={errors} />
      <div className="actions">
        <Field name="startTime" label={t("meetings.form.start")} type="time" required defaultValue={values.startTime} errors={errors} />
        <Field name="endTime" label={t("meetings.form.end")} type="time" required defaultValue={values.endTime} errors={errors} />
      </div>
      <Field name="place" label={t("meetings.form.place")} hint={t("meetings.form.placeHint")} defaultValue={values.place} errors={errors} />
      <Field name="onlineUrl" label={t("meetings.form.onlineUrl")} type="url" defaultValue={values.onlineUrl} errors={errors} />
      <Field name="objectives" label={t("meetings.form.objectives")} hint={t("meetings.form.richHint")} multiline defaultValue={values.objectives} errors={errors} />
      {openItems && openItems.length > 0 ? (
        <fieldset>
          <legend>{t("meetings.form.openItems", { title: previousTitle ?? "" })}</legend>
          <p className="hint">{t("meetings.form.openItemsHint")}</p>
          {openItems.map((r) => (
            <div className="checkbox" key={r.id}>
              <input type="checkbox" id={`followUp-${r.id}`} name="followUpIds" value={r.id} defaultChecked />
              <label htmlFor={`followUp-${r.id}`}>
                {r.what} — {r.owner} ({t("responsibilities.due", { date: r.dueOn })})
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t("meetings.form.agenda")}</legend>
        <p className="hint">{t("meetings.form.agendaHint")}</p>
        {errorOf("itemTitle") || errorOf("itemDuration") ? <p className="error">{[errorOf("itemTitle"), errorOf("itemDuration")].join(" ")}</p> : null}
        {rows.map((row, i) => (
          <fieldset key={i}>
            <legend>{t("meetings.form.item", { n: i + 1 })}</legend>
            <input type="hidden" name="itemId" value={row.id} />
            <div className="field">
              <label htmlFor={`item-title-${i}`}>{t("meetings.form.itemTitle")}</label>
              <input type="text" id={`item-title-${i}`} name="itemTitle" defaultValue={row.title} />
            </div>
            <div className="field">
              <label htmlFor={`item-presenter-${i}`}>{t("meetings.form.itemPresenter")}</label>
              <input type="text" id={`item-presenter-${i}`} name="itemPresenter" defaultValue={row.presenter} />
            </div>
            <div className="field">
              <label htmlFor={`item-duration-${i}`}>{t("meetings.form.itemDuration")}</label>
              <input type="number" min={0} max={600} inputMode="numeric" id={`item-duration-${i}`} name="itemDuration" defaultValue={row.duration} />
            </div>
            <div className="field">
              <label htmlFor={`item-notes-${i}`}>{t("meetings.form.itemNotes")}</label>
              <textarea id={`item-notes-${i}`} name="itemNotes" defaultValue={row.notes} />
            </div>
          </fieldset>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("meetings.form.invitees")}</legend>
        <div className="checkbox">
          <input type="checkbox" id="inviteAll" name="inviteAll" />
          <label htmlFor="inviteAll">{t(`meetings.form.inviteAll.${shortcut}` as MessageKey)}</label>
        </div>
        {errorOf("invitees") ? <p className="error">{errorOf("invitees")}</p> : null}
        <details open={values.invitees.length > 0}>
          <summary>{t("meetings.form.pickPeople", { count: people.length })}</summary>
          {/* Each box inside its label, with no id: a person's id written three times per row made the
              form over 40 KB with the Table's 21 role holders (issue 10); the label reads the same. */}
          {people.map((p) => (
            <label className="checkbox" key={p.id}>
              <input type="checkbox" name="invitees" value={p.id} defaultChecked={values.invitees.includes(p.id)} />
              {p.name}
              {p.organization ? ` (${p.organization})` : ""}
            </label>
          ))}
        </details>
      </fieldset>
      <div className="actions">
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}

export { SelectField };
