import { TableScroll } from "../table-scroll.tsx";
import type { WrittenTable as Written } from "../../modules/indicators/indicator-view.server.ts";

/** A table whose words and figures the server wrote (indicator breakdowns, trends). */
export function WrittenTable({ table }: { table: Written }) {
  return (
    <TableScroll label={table.caption}>
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i} className={r.total ? "total" : undefined}>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, j) => (
                <td key={j} className="num">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
