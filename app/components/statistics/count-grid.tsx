import { translateMessage, type FieldErrors } from "../form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { cellField, TOTAL_KEY, type CategoryShape } from "../../modules/statistics/vocabulary.ts";
import { named } from "./statistics-ui.tsx";

interface GridProps {
  element: { id: string; code: string; nameFr: string; nameEn: string; categories: CategoryShape[] };
  /** What the fields show: the values saved, or what was typed before a refusal. */
  shown: Record<string, string>;
  errors?: FieldErrors | null;
  readOnly: boolean;
}

/** One count field: a whole number, blank allowed (missing), labelled, its error tied to it. */
function CountInput({ id, name, label, value, error, readOnly, visibleLabel }: { id: string; name: string; label: string; value: string; error?: string[]; readOnly: boolean; visibleLabel?: boolean }) {
  const { t } = useT();
  const errorId = `${id}-error`;
  return (
    <>
      {visibleLabel ? <label htmlFor={id}>{label}</label> : null}
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={6}
        className="count-input"
        defaultValue={value}
        readOnly={readOnly}
        aria-label={visibleLabel ? undefined : label}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={error?.length ? errorId : undefined}
      />
      {error?.length ? (
        <span className="error" id={errorId}>
          {error.map((e) => translateMessage(t, e)).join(" ")}
        </span>
      ) : null}
    </>
  );
}

/**
 * A data element's grid: its first category as rows, its second (if any) as columns, then the
 * total. Plain inputs in a table: it works without JavaScript and each cell has its own label.
 */
export function CountGrid({ element, shown, errors, readOnly }: GridProps) {
  const { t, locale } = useT();
  const idOf = (key: string) => `e-${element.code}-${key.replace(/\./g, "-")}`;
  const input = (key: string, label: string, visibleLabel = false) => (
    <CountInput id={idOf(key)} name={cellField(key)} label={label} value={shown[key] ?? ""} error={errors?.[cellField(key)]} readOnly={readOnly} visibleLabel={visibleLabel} />
  );
  const [rows, columns] = element.categories;
  const name = named(locale, element);
  return (
    <div className="stack">
      {rows ? (
        <div className="table-scroll">
          <table className="count-grid">
            <caption className="visually-hidden">{name}</caption>
            <thead>
              <tr>
                <th scope="col">{named(locale, rows)}</th>
                {columns ? (
                  columns.options.map((c) => (
                    <th scope="col" key={c.code}>
                      {named(locale, c)}
                    </th>
                  ))
                ) : (
                  <th scope="col">{name}</th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.options.map((r) => (
                <tr key={r.code}>
                  <th scope="row">{named(locale, r)}</th>
                  {columns ? (
                    columns.options.map((c) => <td key={c.code}>{input(`${r.code}.${c.code}`, t("statistics.entry.cellLabel", { row: named(locale, r), column: named(locale, c) }))}</td>)
                  ) : (
                    <td>{input(r.code, named(locale, r))}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="field">{input(TOTAL_KEY, `${t("statistics.entry.total")} — ${name}`, true)}</div>
    </div>
  );
}
