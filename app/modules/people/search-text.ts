import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

const ACCENTED = "àáâäãåçèéêëìíîïñòóôöõùúûüýÿÀÁÂÄÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÖÕÙÚÛÜÝ";
const PLAIN = [...ACCENTED].map((c) => c.normalize("NFD")[0]!.toLowerCase()).join("");

/** Lower-case, accent-free text in JavaScript: "Hélène" → "helene". */
export function foldText(value: string): string {
  return value.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/**
 * The same folding in SQL, without the unaccent extension (not available on PGlite):
 * "helene" finds "Hélène" on both databases.
 */
export function foldSql(expr: SQLWrapper | SQL): SQL {
  return sql`lower(translate(${expr}, ${ACCENTED}, ${PLAIN}))`;
}

/** A LIKE pattern matching `term` anywhere, with LIKE's wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${foldText(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
