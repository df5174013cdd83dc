// @messages-sent-by-page meetings.status-actions
// Drawn for the meeting's managers only: its words are sent by the meeting page's loader when it
// draws it (groupMessages), not to every reader (issue 10, page weight).
import { Form } from "react-router";
import { Field, type FieldErrors } from "../form.tsx";
import { useFormatters, useT } from "../../i18n/use-t.ts";

/**
 * Status changes: hold (take attendance and minutes), close (minutes required), cancel. Before
 * the meeting's day, holding or closing asks for a reason (kept in the audit log).
 */
export function MeetingActions({ status, plannedDay, errors }: { status: string; plannedDay: string | null; errors?: FieldErrors | null }) {
  const { t } = useT();
  const f = useFormatters();
  if (status === "closed" || status === "cancelled") return null;
  const early = plannedDay ? (
    <Field
      name="earlyReason"
      label={t("meetings.early.reason")}
      hint={t(status === "planned" ? "meetings.early.startHint" : "meetings.early.closeHint", { day: f.date(`${plannedDay}T12:00:00Z`) })}
      errors={errors}
      required
      multiline
    />
  ) : null;
  return (
    <section aria-labelledby="meeting-status">
      <h2 id="meeting-status">{t("meetings.statusActions")}</h2>
      <div className="actions">
        {status === "planned" ? (
          <>
            <Form method="post" className={early ? "full-row" : undefined}>
              <input type="hidden" name="intent" value="start" />
              {early}
              <button type="submit">{t("meetings.start")}</button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="danger">
                {t("meetings.cancel")}
              </button>
            </Form>
          </>
        ) : (
          <Form method="post" className={early ? "full-row" : undefined}>
            <input type="hidden" name="intent" value="close" />
            {early}
            <button type="submit">{t("meetings.close")}</button>
          </Form>
        )}
      </div>
      <p className="hint">{status === "planned" ? t("meetings.start.hint") : t("meetings.close.hint")}</p>
    </section>
  );
}
