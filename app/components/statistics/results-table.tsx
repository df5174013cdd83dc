import { useT } from "../../i18n/use-t.ts";
import type { Figure, ResultsTable } from "../../modules/statistics/results.ts";
import { TableScroll } from "../table-scroll.tsx";

/**
 * One figure of the results: a number, or the suppression mark with its explanation (one mark
 * for every suppressed figure, whatever the reason: ADR 014). In the coordinator's exact view, a
 * figure the others do not see carries the mark after it, with the reason.
 */
export function FigureCell({ figure }: { figure: Figure }) {
  const { t, locale } = useT();
  const number = new Intl.NumberFormat(locale === "en" ? "en-CA" : "fr-CA");
  if (figure.kind === "suppressed") {
    return (
      <td className="num suppressed">
        <abbr title={t("statistics.results.suppressed")}>{t("statistics.results.mark")}</abbr>
      </td>
    );
  }
  if ("hiddenAs" in figure) {
    const why = t(figure.hiddenAs === "primary" ? "statistics.results.hidden.primary" : "statistics.results.hidden.complementary");
    return (
      <td className="num hidden-for-others">
        {number.format(figure.value)}{" "}
        <sup aria-hidden="true" title={why}>
          {t("statistics.results.mark")}
        </sup>
        <span className="visually-hidden">({why})</span>
      </td>
    );
  }
  return <td className="num">{number.format(figure.value)}</td>;
}

/** A results table: rows × organization types, a total per row, and the totals row when the table has one. */
export function ResultsGrid({ table, caption }: { table: ResultsTable; caption: string }) {
  const { t } = useT();
  return (
    <TableScroll label={caption}>
      <table className="results-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeader}</th>
            {table.cols.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
            <th scope="col">{t("statistics.results.total")}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {table.cells[i]!.map((f, j) => (
                <FigureCell key={j} figure={f} />
              ))}
              <FigureCell figure={table.rowTotals[i]!} />
            </tr>
          ))}
          {table.colTotals ? (
            <tr className="total-row">
              <th scope="row">{t("statistics.results.total")}</th>
              {table.colTotals.map((f, j) => (
                <FigureCell key={j} figure={f} />
              ))}
              <FigureCell figure={table.grandTotal} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </TableScroll>
  );
}
