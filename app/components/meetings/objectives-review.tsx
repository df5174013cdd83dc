import { Form } from "react-router";
import { ErrorSummary, Field, type FieldErrors } from "../form.tsx";
import { RichText } from "../rich-text.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { useT } from "../../i18n/use-t.ts";
import { objectivesOutcomes, type MeetingStatus, type ObjectivesOutcome } from "../../modules/meetings/vocabulary.ts";

interface Props {
  meeting: { objectives: string; objectivesOutcome: ObjectivesOutcome | null; objectivesReview: string; status: MeetingStatus; version: number };
  canManage: boolean;
  failure: { message: string; errors?: FieldErrors | null; status?: number } | null;
}

/**
 * The meeting's direction: its objectives set in advance and, once it is held, whether they were
 * met (the organizer's assessment, which the evaluation counts). Works without JavaScript.
 */
export function ObjectivesSection({ meeting: m, canManage, failure }: Props) {
  const { t } = useT();
  const assessable = m.status === "held" || m.status === "closed";
  if (!m.objectives && !m.objectivesOutcome && !(canManage && assessable)) return null;
  return (
    <section aria-labelledby="objectives">
      <h2 id="objectives">{t("meetings.form.objectives")}</h2>
      {m.objectives ? <RichText source={m.objectives} headingLevel={3} /> : <p>{t("meetings.objectives.none")}</p>}
      {m.objectivesOutcome ? (
        <p className={`objectives-outcome objectives-${m.objectivesOutcome}`}>
          <span className="badge">{t(`meetings.objectives.outcome.${m.objectivesOutcome}` as MessageKey)}</span>
          {m.objectivesReview ? ` — ${m.objectivesReview}` : null}
        </p>
      ) : null}
      {canManage && assessable ? (
        <details className="edit-panel" open={failure ? true : !m.objectivesOutcome ? true : undefined}>
          <summary>{t(m.objectivesOutcome ? "meetings.objectives.reassess" : "meetings.objectives.assess")}</summary>
          {/* Keyed by version: after a 409 the choice shown is the current one. */}
          <Form method="post" className="stack" key={m.version}>
            {failure ? <ErrorSummary errors={failure.errors} formError={failure.message} /> : null}
            <input type="hidden" name="intent" value="objectives" />
            <input type="hidden" name="version" value={m.version} />
            <fieldset aria-describedby="objectives-hint">
              <legend>{t("meetings.objectives.question")}</legend>
              <p className="hint" id="objectives-hint">
                {t("meetings.objectives.hint")}
              </p>
              {objectivesOutcomes.map((o) => (
                <div className="checkbox" key={o}>
                  <input type="radio" id={`objectives-${o}`} name="outcome" value={o} defaultChecked={m.objectivesOutcome === o} required />
                  <label htmlFor={`objectives-${o}`}>{t(`meetings.objectives.outcome.${o}` as MessageKey)}</label>
                </div>
              ))}
            </fieldset>
            <Field idPrefix="objectives" name="review" label={t("meetings.objectives.review")} multiline defaultValue={m.objectivesReview} errors={failure?.errors} />
            <div className="actions">
              <button type="submit" className="secondary">
                {t("meetings.objectives.save")}
              </button>
            </div>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
