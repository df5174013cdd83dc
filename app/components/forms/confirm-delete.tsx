import { Form, Link } from "react-router";
import { useT } from "../../i18n/use-t.ts";

interface Common {
  /** What is deleted, as the person reads it (a title, a file name). */
  name: string;
  /** The hidden fields the action reads: the intent, the record's id, its version. */
  fields: Record<string, string | number>;
  note?: string;
}

type ConfirmDeleteProps =
  /** On a confirmation page (a "Delete" link to `?delete=<kind>:<id>` shows it): a box with a heading. */
  | (Common & { cancelTo: string; summary?: never; className?: never })
  /** In a row: a disclosure whose summary is the "Delete" control and which holds the real button. */
  | (Common & { summary: string; className?: string; cancelTo?: never });

/**
 * Every deletion asks first, without JavaScript: either the page shows this box after a link,
 * or a `<details>` disclosure hides the button that deletes, so a stray click deletes nothing.
 * The form posts the same fields as a one-click form would; the server's handling is unchanged.
 */
export function ConfirmDelete(props: ConfirmDeleteProps) {
  const { t } = useT();
  const { name, note } = props;
  const form = (
    <Form method="post" className="actions">
      {Object.entries(props.fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <button type="submit" className="danger" aria-label={props.summary ? t("form.confirmDelete.confirmNamed", { name }) : undefined}>
        {t("form.confirmDelete.confirm")}
      </button>
      {props.cancelTo ? <Link to={props.cancelTo}>{t("form.cancel")}</Link> : null}
    </Form>
  );
  if (props.summary) {
    return (
      <details className={props.className ? `confirm-delete ${props.className}` : "confirm-delete"}>
        <summary>{props.summary}</summary>
        <div className="confirm-box">
          <p>{t("form.confirmDelete.body")}</p>
          {note ? <p>{note}</p> : null}
          {form}
        </div>
      </details>
    );
  }
  return (
    <section className="confirm-box" aria-labelledby="delete-heading">
      <h2 id="delete-heading" tabIndex={-1}>
        {t("form.confirmDelete.title", { name })}
      </h2>
      <p>{t("form.confirmDelete.body")}</p>
      {note ? <p>{note}</p> : null}
      {form}
    </section>
  );
}
