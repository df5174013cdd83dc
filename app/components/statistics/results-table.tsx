import { useT } from "../../i18n/use-t.ts";
import type { PageFigure, PageTable } from "../../modules/statistics/results.ts";
import { TableScroll } from "../table-scroll.tsx";

/**
 * One figure of the results: a number, or the suppression mark, explained by the footnote above
 * the tables (one mark for every suppressed figure, whatever the reason: ADR 014). In the
 * coordinator's exact view, a figure the others do not see carries a sign after it, * below the
 * threshold, † so that a small one cannot be recovered (the notice above the tables says so).
 */
export function FigureCell({ figure }: { figure: PageFigure }) {
  const { t, locale } = useT();
  const number = new Intl.NumberFormat(locale === "en" ? "en-CA" : "fr-CA");
  if (figure === "x") return <td className="x">{t("statistics.results.mark")}</td>;
  if (Array.isArray(figure)) {
    return (
      <td className="hidden-for-others">
        {number.format(figure[0])}
        <sup>{figure[1] === "p" ? "*" : "†"}</sup>
      </td>
    );
  }
  return <td>{number.format(figure)}</td>;
}

/**
 * A results table: rows × organization types, a total per row, and the totals row when the table
 * has one. It sits in a figure whose caption names it (its scrolling box is named the same).
 */
export function ResultsGrid({ table, cols, label }: { table: PageTable; cols: { key: string; label: string }[]; label: string }) {
  const { t } = useT();
  return (
    <TableScroll label={label}>
      <table className="results-grid">
        <thead>
          <tr>
            <th scope="col">{table.rowHeader}</th>
            {cols.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
            <th scope="col">{t("statistics.results.total")}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((label, i) => (
            <tr key={i}>
              <th scope="row">{label}</th>
              {table.cells[i]!.map((f, j) => (
                <FigureCell key={j} figure={f} />
              ))}
              <FigureCell figure={table.rowTotals[i]!} />
            </tr>
          ))}
          {table.colTotals ? (
            <tr>
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
