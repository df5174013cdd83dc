import { Form } from "react-router";
import { ErrorSummary, type FieldErrors } from "../form.tsx";
import { TableScroll } from "../table-scroll.tsx";
import type { MessageKey } from "../../i18n/catalog.ts";
import { translateMessage } from "../form.tsx";
import { useDay, useFormatters, useT } from "../../i18n/use-t.ts";
import type { EventKind } from "../../modules/evaluation-reports/vocabulary.ts";

interface Choices {
  actions: { id: string; title: string; year: number }[];
  responsibilities: { id: string; what: string; dueOn: string }[];
}

/** Pick one of the Table's own actions or responsibilities (grouped), those already linked left out. */
export function KeyActionPicker({ choices, version, linked, errors, formError }: { choices: Choices; version: number; linked: string[]; errors?: FieldErrors | null; formError?: string | null }) {
  const { t } = useT();
  const day = useDay();
  const actions = choices.actions.filter((a) => !linked.includes(a.id));
  const responsibilities = choices.responsibilities.filter((r) => !linked.includes(r.id));
  const fieldErrors = errors?.target ?? [];
  return (
    <Form method="post" className="stack" key={`link-${version}`}>
      <h3>{t("evalReports.keyAction.link")}</h3>
      <ErrorSummary errors={errors} formError={formError} />
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="link-target">{t("evalReports.keyAction.target")}</label>
        <select id="link-target" name="target" required defaultValue="" aria-invalid={fieldErrors.length ? true : undefined} aria-describedby={fieldErrors.length ? "link-target-error" : undefined}>
          <option value="">{t("evalReports.keyAction.choose")}</option>
          <optgroup label={t("evalReports.keyAction.actions")}>
            {actions.map((a) => (
              <option key={a.id} value={`action:${a.id}`}>
                {t("evalReports.keyAction.actionOption", { year: String(a.year), title: a.title })}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("evalReports.keyAction.responsibilities")}>
            {responsibilities.map((r) => (
              <option key={r.id} value={`responsibility:${r.id}`}>
                {r.what} ({day(r.dueOn)})
              </option>
            ))}
          </optgroup>
        </select>
        {fieldErrors.length ? (
          <p className="error" id="link-target-error">
            {fieldErrors.map((e) => translateMessage(t, e)).join(" ")}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="secondary">
          {t("evalReports.keyAction.link")}
        </button>
      </div>
    </Form>
  );
}

type HistoryLine = { id: string; kind: EventKind; details: Record<string, string | number | null>; createdAt: Date | string; who: string | null };

/** What changed, in words: the kind, the value before → after, the note (rationale, evidence, reason, title). */
function Change({ line }: { line: HistoryLine }) {
  const { t } = useT();
  const d = line.details;
  const word = (v: string | number | null | undefined) => {
    if (v === null || v === undefined || v === "") return null;
    const key = (["responded"].includes(line.kind) ? `evalReports.response.${v}` : ["verified", "reopened"].includes(line.kind) ? `evalReports.verification.${v}` : line.kind === "edited" ? `evalReports.priority.${v}` : "") as MessageKey;
    return key ? t(key) : String(v);
  };
  const from = word(d.from);
  const to = word(d.to);
  return (
    <>
      {t(`evalReports.event.${line.kind}` as MessageKey)}
      {/* A first value reads alone ("Agree"); a change reads "before → after". */}
      {from && to ? ` (${from} → ${to})` : from || to ? ` (${from ?? to})` : null}
      {d.note ? <span className="muted"> — {String(d.note)}</span> : null}
    </>
  );
}

export function HistoryTable({ history }: { history: HistoryLine[] }) {
  const { t } = useT();
  const f = useFormatters();
  return (
    <TableScroll label={t("evalReports.history.caption")}>
      <table>
        <caption>{t("evalReports.history.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("evalReports.history.when")}</th>
            <th scope="col">{t("evalReports.history.who")}</th>
            <th scope="col">{t("evalReports.history.what")}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.id}>
              <th scope="row">{f.dateTime(h.createdAt)}</th>
              <td>{h.who ?? t("evalReports.history.someone")}</td>
              <td>
                <Change line={h} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
